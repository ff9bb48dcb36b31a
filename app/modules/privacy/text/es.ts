import type { PrivacyTranslation } from '../inventory.ts';

// Sentences several tables share.
const ROW_ID = {
  what: 'Un identificador aleatorio de la fila.',
  why: 'Para referirse a ella desde otras tablas y en las direcciones.',
};
const SEQUENCE_ID = {
  what: 'Un número de orden.',
  why: 'Para identificar la fila y conservar el orden en que se escribieron las filas.',
};
const PROGRAM_REF = { what: 'El programa al que pertenece.', why: 'Para encontrarla dentro de su programa.' };
const AMENDMENT_REF = { what: 'La enmienda a la que se refiere.', why: 'Para vincular ambas.' };
const ROUND_REF = { what: 'La votación a la que pertenece.', why: 'Para encontrarla dentro de su votación.' };
const CREATED = 'Cuándo se creó la fila.';
const UPDATED = 'Cuándo se modificó la fila por última vez.';
const DATES_WHY = 'Para mostrarla y mantener el historial en orden.';
const NOT_SHOWN = 'No se muestra en ninguna página.';
const PROGRAM_READERS =
  'Quien pueda leer el programa: todo el mundo cuando su borrador es público o una vez publicado; si no, sus miembros.';
const PROGRAM_LIFETIME = 'Mientras el movimiento conserve el programa: forma parte de su historia.';
const FOREVER_PUBLIC = 'Para siempre: una versión publicada nunca se modifica.';
const EVERYONE = 'Todo el mundo.';
const ONLY_YOU = 'Solo tú.';
const NOBODY = 'Nadie: ninguna página lo muestra.';

/** The privacy page in Spanish, addressing the reader as tú: every sentence of text/en.ts, translated. */
export const es: PrivacyTranslation = {
  page: {
    title: 'Privacidad',
    heading: 'Qué guarda Plenum, por qué y durante cuánto tiempo',
    intro: [
      'Esta instancia de Plenum la gestiona el movimiento que la usa, en su propio servidor. El movimiento responde de los datos descritos aquí, y Plenum no se los entrega a nadie más.',
      'Ni rastreadores, ni analítica, ni publicidad, ni servicios de terceros. Cada página, estilo, script e imagen viene de este servidor y las fuentes son las de tu dispositivo; una Content-Security-Policy estricta impide que tu navegador contacte con cualquier otro sitio.',
      'Ser miembro de un movimiento político dice algo de tus opiniones. Plenum solo guarda lo que necesita, por las razones indicadas abajo.',
      'En tu navegador, Plenum guarda cuatro cookies y nada más: tu sesión mientras la tienes iniciada (30 días como máximo), tu idioma (un año) un mensaje de un minuto tras una acción y, entre tu contraseña y el código de la autenticación en dos pasos si la activaste, el inicio de sesión en curso (diez minutos como máximo, enviado solo a las páginas de inicio de sesión). El registro del servidor anota la ruta, el estado y la duración de cada petición, no tu dirección IP ni quién eres; para frenar abusos, los formularios enviados desde cada dirección IP se cuentan solo en memoria y se olvidan en diez minutos como máximo. Los correos (confirmación de dirección, restablecimiento de contraseña la convocatoria a votar cuando se abre una votación en la que participas, y el resumen o el aviso de fases si los pides) salen por el servidor de correo que configura el movimiento.',
    ],
    account: {
      before: 'Puedes descargar todo lo que Plenum tiene sobre ti, y eliminar tu cuenta, desde ',
      link: 'tu página de cuenta',
      after: '.',
    },
    generated:
      'Las tablas de abajo se generan a partir de la propia descripción de la base de datos: aparecen todas las tablas y todos los campos, y las pruebas de Plenum fallan si se añade un campo sin describirlo aquí. «Quién puede verlo» indica quién puede ver un campo a través de Plenum; quienes gestionan el servidor pueden técnicamente leer la base de datos y sus copias de seguridad, salvo el contenido de las papeletas, selladas mientras una votación está abierta y sin vínculo con nadie una vez cerrada.',
    contents: 'Índice',
    legendTitle: 'Datos personales',
    personal: {
      yes: { label: 'Sí', meaning: 'identifica a un miembro, o dice algo de él o de lo que hizo.' },
      pseudonymous: {
        label: 'Mediante un identificador',
        meaning: 'un identificador opaco o un hash con clave que señala a un miembro sin nombrarlo.',
      },
      no: { label: 'No', meaning: 'no se refiere a nadie.' },
    },
    table: 'Tabla de la base de datos',
    retention: 'Cuánto tiempo',
    visibleTo: 'Quién puede verlo',
    caption: 'Campos de la tabla «{title}»',
    columns: {
      field: 'Campo',
      what: 'Qué es',
      why: 'Por qué se guarda',
      retention: 'Cuánto tiempo',
      visibleTo: 'Quién puede verlo',
      personal: 'Dato personal',
    },
    sameAsTable: 'Como para toda la tabla',
  },
  undescribed: 'Aún sin describir.',
  groups: {
    account: { title: 'Tu cuenta', intro: 'Lo que te permite iniciar sesión y enterarte de lo que pasa.' },
    contributions: {
      title: 'Tus contribuciones',
      intro:
        'Enmiendas, apoyos y comentarios. Lo que escribes está hecho para leerse y queda en la historia del programa; quién apoya qué nunca se muestra.',
    },
    groups: {
      title: 'Grupos locales',
      intro:
        'Los grupos que los miembros crean cerca de donde viven. A qué grupo perteneces solo lo ven sus demás miembros.',
    },
    votes: {
      title: 'Votaciones',
      intro:
        'Quién puede votar y quién votó se guardan aparte de las papeletas, que nunca están vinculadas a un miembro.',
    },
    program: {
      title: 'El texto del programa',
      intro: 'El programa y sus versiones publicadas: el texto público del movimiento.',
    },
    moderation: {
      title: 'Moderación y auditoría',
      intro: 'Las denuncias a los moderadores y el rastro de quién decidió qué.',
    },
    technical: { title: 'Técnico', intro: 'Lo que protege el servicio y sincroniza los textos compartidos.' },
  },
  models: {
    // ───────────────────────────── Your account ─────────────────────────────
    Member: {
      title: 'Los datos de tu cuenta',
      summary: 'Una fila por persona con cuenta.',
      retention:
        'Hasta que elimines tu cuenta. Entonces cada campo personal se borra al instante; la fila queda vacía (su identificador y sus fechas), para que tus contribuciones aparezcan firmadas «antiguo miembro» y todos los recuentos sigan siendo correctos.',
      visibleTo: 'Tú y los administradores de esta instancia.',
      fields: {
        id: {
          what: 'Un identificador aleatorio de tu cuenta.',
          why: 'Vincula tus sesiones y contribuciones a tu cuenta, y no dice nada de ti.',
          retention: 'Se conserva en la fila vacía tras la eliminación, donde ya no designa a nadie.',
          visibleTo: 'Se usa en los datos de las páginas; por sí solo no revela nada.',
        },
        email: {
          what: 'Tu dirección de correo, guardada en minúsculas.',
          why: 'Para iniciar tu sesión y enviarte los enlaces que confirman tu dirección o restablecen tu contraseña, y el resumen si lo pides.',
          retention: 'Hasta que la cambies o elimines tu cuenta (entonces se sustituye por un valor sin significado).',
        },
        displayName: {
          what: 'El nombre que elegiste.',
          why: 'Firma tus enmiendas y comentarios, y permite que los coautores te encuentren.',
          retention:
            'Hasta que lo cambies o elimines tu cuenta; tus contribuciones indican entonces «antiguo miembro».',
          visibleTo: 'Quien pueda leer tus contribuciones (el público cuando el programa es público).',
        },
        passwordHash: {
          what: 'Un hash Argon2id de tu contraseña; la contraseña en sí nunca se guarda.',
          why: 'Para comprobar tu contraseña cuando inicias sesión.',
          retention: 'Hasta que cambies tu contraseña o elimines tu cuenta.',
          visibleTo: 'Nadie: ninguna página lo muestra y tu exportación lo omite.',
        },
        role: { what: 'Miembro, moderador o administrador.', why: 'Decide lo que puedes hacer.' },
        emailVerifiedAt: {
          what: 'Cuándo confirmaste tu dirección.',
          why: 'Solo los miembros con dirección confirmada forman parte del censo de una votación.',
        },
        locale: {
          what: 'Tu idioma: francés, inglés o español.',
          why: 'Páginas y correos en tu idioma, en cada dispositivo.',
          visibleTo: ONLY_YOU,
        },
        createdAt: {
          what: 'Cuándo te uniste.',
          why: 'El censo de una votación incluye a los miembros que se unieron antes de una fecha fijada por la votación.',
          retention: 'Se conserva en la fila vacía tras la eliminación.',
        },
        lastActiveAt: {
          what: 'Cuándo usaste Plenum con la sesión iniciada por última vez (anotado como mucho una vez por minuto).',
          why: 'Para contar a los miembros activos: un umbral de apoyos puede ser una parte de los miembros activos en los últimos días, y la página de participación indica cuántos lo son.',
        },
        emailDigest: {
          what: 'Si pediste el resumen de tus notificaciones por correo (desactivado mientras no lo actives).',
          why: 'No se te envía nada más allá de lo que pediste.',
          visibleTo: ONLY_YOU,
        },
        digestKey: {
          what: 'El secreto del enlace para darte de baja del resumen con un clic, nuevo cada vez que lo activas.',
          why: 'Para que el enlace de un correo desactive el resumen sin iniciar sesión, y solo el tuyo.',
          retention: 'Hasta que desactives el resumen.',
          visibleTo: 'Nadie en el sitio: solo está en los enlaces que se te envían.',
        },
        digestSentAt: {
          what: 'Cuándo se te envió el último resumen.',
          why: 'Como mucho un resumen al día.',
          visibleTo: NOBODY,
        },
        area: {
          what: 'Opcional: una ciudad o un código postal, tal como lo escribes.',
          why: 'Para sugerirte grupos locales cercanos.',
          visibleTo: ONLY_YOU,
        },
        voteAnnouncements: {
          what: 'Si pediste el aviso de fases: un correo antes de que un programa pase por sí solo a su fase siguiente (desactivado mientras no lo actives).',
          why: 'No se te envía nada más allá de lo que pediste.',
          visibleTo: ONLY_YOU,
        },
        announceKey: {
          what: 'El secreto del enlace para darte de baja de ese correo con un clic, nuevo cada vez que lo activas.',
          why: 'Para que el enlace de un correo desactive estos envíos sin iniciar sesión, y solo los tuyos.',
          retention: 'Hasta que desactives estos correos.',
          visibleTo: 'Nadie en el sitio: solo está en los enlaces que se te envían.',
        },
        suspendedAt: {
          what: 'Cuándo un administrador suspendió la cuenta, si lo hizo.',
          why: 'Un miembro suspendido no participa en nada, pero sigue pudiendo exportar o eliminar sus datos.',
          retention: 'Hasta que se levante la suspensión; se conserva en la fila vacía tras la eliminación.',
        },
        suspendedReason: {
          what: 'Por qué se suspendió la cuenta, en palabras del administrador.',
          why: 'Para que sepas por qué, igual que los administradores.',
          retention:
            'Hasta que se levante la suspensión o elimines tu cuenta; el registro de auditoría conserva el motivo dado entonces, bajo un identificador opaco.',
        },
        deletedAt: {
          what: 'Cuándo se eliminó la cuenta.',
          why: 'Marca la fila vacía: nadie puede iniciar sesión en ella, y sus contribuciones indican «antiguo miembro».',
          retention: 'Para siempre, con la fila vacía.',
        },
        totpSecret: {
          what: 'El secreto que tu aplicación de autenticación comparte con Plenum, si activaste la autenticación en dos pasos; cifrado con una clave guardada fuera de la base de datos.',
          why: 'Para comprobar los códigos de seis cifras de tu aplicación.',
          retention:
            'Hasta que desactives la autenticación en dos pasos o elimines tu cuenta. Nunca se incluye en la descarga de tus datos: serviría como segundo factor.',
          visibleTo: NOBODY,
        },
        totpEnabledAt: {
          what: 'Cuándo activaste la autenticación en dos pasos.',
          why: 'Para pedir un código al iniciar sesión; los administradores ven si está activada.',
          visibleTo: 'Tú y los administradores (activada o no).',
        },
        totpLastStep: {
          what: 'El periodo de 30 segundos del último código aceptado de tu aplicación.',
          why: 'Un código se acepta una sola vez.',
          visibleTo: NOBODY,
        },
        moderationDigest: {
          what: 'Moderadores: si sus notificaciones de moderación también se les envían una vez al día (nunca sin que lo elijan).',
          why: 'No se te envía nada más allá de lo que pediste.',
          visibleTo: ONLY_YOU,
        },
        moderationDigestSecret: {
          what: 'La clave que firma el enlace para darte de baja con un clic del resumen de moderadores, nueva cada vez que lo activas.',
          why: 'Para que el enlace de un correo desactive ese resumen sin iniciar sesión, solo el tuyo, una vez.',
          retention: 'Hasta que desactives ese resumen.',
          visibleTo: 'Nadie: solo su firma está en los enlaces que se te envían.',
        },
      },
    },
    Session: {
      title: 'Dispositivos con sesión iniciada',
      summary: 'Una fila por navegador en el que tienes la sesión iniciada.',
      retention:
        'Una sesión dura 30 días y se prolonga mientras la usas; sin usar durante 14 días, se cierra. La fila se borra cuando cierras sesión, cierras la sesión de tus otros dispositivos, cambias o restableces tu contraseña, o eliminas tu cuenta; una sesión caducada o sin usar se borra en menos de diez minutos.',
      visibleTo: 'Tú: tu página de cuenta cuenta tus dispositivos y tu exportación los enumera.',
      fields: {
        id: {
          what: 'El hash SHA-256 del token aleatorio de tu cookie de sesión; el token en sí nunca se guarda.',
          why: 'Para reconocer tu navegador sin guardar nada que permita a quien tenga la base de datos iniciar sesión en tu lugar.',
          visibleTo: NOBODY,
        },
        memberId: { what: 'De quién es la sesión.', why: 'Para saber quién ha iniciado sesión.' },
        createdAt: {
          what: 'Cuándo iniciaste sesión en este dispositivo.',
          why: 'Para que detectes un dispositivo que no conoces.',
        },
        expiresAt: {
          what: 'Cuándo termina la sesión si no se vuelve a usar.',
          why: 'Las sesiones caducan: 30 días, prolongados mientras las usas.',
        },
        lastUsedAt: {
          what: 'Cuándo se usó la sesión por última vez (anotado como mucho una vez por minuto).',
          why: 'Para cerrar las sesiones sin usar desde hace 14 días.',
        },
        userAgent: {
          what: 'Cómo se describe tu navegador (navegador y sistema), recortado a 300 caracteres.',
          why: 'Para que distingas tus dispositivos en tu exportación.',
        },
      },
    },
    EmailToken: {
      title: 'Enlaces enviados por correo',
      summary: 'Una fila por enlace enviado para confirmar una dirección o restablecer tu contraseña.',
      retention:
        'Un enlace de confirmación funciona 48 horas y uno de restablecimiento 1 hora, cada uno una sola vez. La fila se borra un día después de usarse o caducar el enlace (mientras tanto también limita los enlaces a 5 de cada tipo por hora).',
      visibleTo: 'Nadie: ninguna página muestra estas filas, y solo se guarda el hash del secreto de cada enlace.',
      fields: {
        id: {
          what: 'El hash SHA-256 del secreto del enlace; el secreto en sí solo está en el correo.',
          why: 'Para comprobar un enlace cuando se sigue, sin guardar nada que pueda servir de enlace.',
        },
        memberId: { what: 'De quién es el enlace.', why: 'Para actuar sobre la cuenta correcta cuando se sigue.' },
        purpose: {
          what: 'Confirmar una dirección o restablecer una contraseña.',
          why: 'Un enlace solo hace aquello para lo que se envió.',
        },
        email: {
          what: 'La dirección a la que se envió el enlace (la nueva, cuando cambias de dirección).',
          why: 'Una dirección solo pasa a ser tuya cuando se sigue un enlace enviado a ella.',
        },
        expiresAt: {
          what: 'Cuándo deja de funcionar el enlace: 48 horas para confirmar una dirección, 1 hora para restablecer una contraseña.',
          why: 'Los enlaces antiguos no deben funcionar.',
        },
        usedAt: {
          what: 'Cuándo se usó el enlace, o se anuló (cambiar la contraseña anula los enlaces pendientes).',
          why: 'Un enlace solo sirve una vez.',
        },
        createdAt: { what: 'Cuándo se envió el enlace.', why: 'Como mucho 5 enlaces de cada tipo por hora.' },
      },
    },
    RecoveryCode: {
      title: 'Códigos de recuperación',
      summary:
        'Los diez códigos de un solo uso que permiten iniciar sesión sin tu teléfono, si activaste la autenticación en dos pasos.',
      retention: 'Hasta que los reemplaces, desactives la autenticación en dos pasos o elimines tu cuenta.',
      visibleTo: 'Nadie: se te muestran una vez y solo se guarda su hash SHA-256.',
      fields: {
        id: ROW_ID,
        memberId: { what: 'De quién es el código.', why: 'Para comprobarlo en la cuenta correcta.' },
        codeHash: {
          what: 'El hash SHA-256 del código.',
          why: 'Para comprobar un código sin guardar nada que sirva como tal.',
        },
        usedAt: {
          what: 'Cuándo se usó el código (para iniciar sesión o desactivar la autenticación en dos pasos).',
          why: 'Un código sirve una sola vez.',
        },
        createdAt: { what: 'Cuándo se creó el código.', why: DATES_WHY },
      },
    },
    Notification: {
      title: 'Tus notificaciones',
      summary:
        'Lo que ocurrió con tus enmiendas y comentarios: se muestra en Plenum y, si lo pediste, en un resumen diario por correo.',
      retention:
        'Hasta que elimines tu cuenta; las notificaciones leídas se conservan para que tu lista esté completa.',
      visibleTo: ONLY_YOU,
      fields: {
        id: ROW_ID,
        memberId: { what: 'A quién va dirigida.', why: 'Para mostrártela solo a ti.' },
        kind: {
          what: 'Qué pasó: una invitación a ser coautor, un umbral alcanzado o no, una decisión de los moderadores, una actualización necesaria, una respuesta, un comentario ocultado, una enmienda que apoyas reescrita, el resultado de una votación.',
          why: 'Para redactar el mensaje.',
        },
        amendmentId: AMENDMENT_REF,
        roundId: {
          what: 'Para los moderadores, sobre un aviso acerca de un registro de votantes: la votación a la que se refiere.',
          why: 'Para enlazar con ella.',
        },
        commentId: {
          what: 'Para una respuesta o un comentario ocultado: el comentario al que se refiere.',
          why: 'Para enlazarlo.',
        },
        data: {
          what: 'Los detalles del mensaje: qué decisión, o quién actuó (su nombre visible en ese momento).',
          why: 'Para decir lo que pasó sin volver a buscarlo.',
        },
        createdAt: { what: CREATED, why: DATES_WHY },
        readAt: { what: 'Cuándo la leíste o la marcaste como leída.', why: 'Para contar lo que aún no has leído.' },
        emailedAt: { what: 'Cuándo salió en un resumen por correo.', why: 'Nada se envía dos veces.' },
      },
    },
    // ───────────────────────────── Your contributions ─────────────────────────────
    Amendment: {
      title: 'Enmiendas',
      summary:
        'Un cambio propuesto al programa: redactado por sus autores, y luego presentado, apoyado, moderado y votado.',
      retention:
        'Mientras el movimiento conserve el programa: las enmiendas son su historia. Una enmienda retirada se queda, marcada como retirada. Si eliminas tu cuenta, tus enmiendas se quedan, firmadas «antiguo miembro».',
      visibleTo:
        'Un borrador: sus autores y los miembros invitados a ser coautores. Una vez presentada: quien pueda leer el programa.',
      fields: {
        id: ROW_ID,
        programId: { ...PROGRAM_REF, what: 'El programa que enmienda.' },
        sectionId: {
          what: 'La sección que cambia o elimina, o tras la cual añade una nueva.',
          why: 'Para aplicarla en el lugar correcto.',
        },
        kind: { what: 'Cambio, adición o eliminación de una sección.', why: 'Para aplicarla correctamente.' },
        status: {
          what: 'En qué punto está: borrador, presentada, calificada, caducada, admisible, inadmisible, fusionada, en votación, aprobada, rechazada, aplicada o retirada.',
          why: 'Para llevar el proceso.',
        },
        title: { what: 'Su título, escrito por sus autores.', why: 'Para nombrarla.' },
        justification: {
          what: 'Por qué la proponen sus autores, en sus palabras.',
          why: 'Los miembros apoyan y votan sabiendo por qué.',
        },
        newTitle: { what: 'Para una adición: el título de la nueva sección.', why: 'Para crear la sección.' },
        baseText: {
          what: 'El texto de la sección cuando se empezó la enmienda.',
          why: 'Su cambio se mide respecto a él.',
        },
        proposedText: {
          what: 'El texto propuesto, fijado al presentarla (mientras es un borrador, vive en los textos en directo).',
          why: 'Lo que los miembros apoyan y votan.',
        },
        createdById: {
          what: 'El miembro que la empezó.',
          why: 'Para saber quién la empezó; los autores se enumeran aparte.',
          visibleTo: NOT_SHOWN,
        },
        createdAt: { what: CREATED, why: DATES_WHY },
        updatedAt: { what: UPDATED, why: DATES_WHY },
        submittedAt: {
          what: 'Cuándo se presentó.',
          why: 'Los apoyos se recogen desde entonces, y los empates van a la primera presentada.',
        },
        supportsNeeded: {
          what: 'Cuántos apoyos necesita, fijado al presentarla.',
          why: 'El umbral no cambia una vez presentada.',
        },
        supportRule: {
          what: 'Cómo se fijó el umbral: un número, una parte de los miembros activos o una parte de los grupos locales validados.',
          why: 'El umbral se muestra con lo que sirvió para calcularlo.',
        },
        supportValue: { what: 'El número, o el porcentaje, de esa regla.', why: 'Se muestra con el umbral.' },
        supportActiveDays: {
          what: 'Para una parte: cuántos días de actividad hacen que un miembro sea activo.',
          why: 'Se muestra con el umbral.',
        },
        supportDenominator: {
          what: 'Para una parte: cuántos miembros estaban activos al presentarla (un número, ningún nombre).',
          why: 'Se muestra con el umbral.',
        },
        supportDeadline: {
          what: 'Hasta cuándo recoge apoyos.',
          why: 'Una enmienda que no alcanza su umbral a tiempo caduca.',
        },
        qualifiedAt: { what: 'Cuándo alcanzó su umbral.', why: DATES_WHY },
        collisionGroup: {
          what: 'El grupo de enmiendas que cambian las mismas palabras, si lo hay.',
          why: 'Un grupo va a votación como una sola pregunta preferencial.',
        },
        needsUpdate: {
          what: 'Si la sección cambió bajo ella de una forma que sus autores deben tener en cuenta.',
          why: 'Se pide a sus autores que la actualicen.',
        },
        rebaseTo: {
          what: 'El nuevo texto de la sección sobre el que debe reescribirse.',
          why: 'La base de su actualización.',
        },
        revision: {
          what: 'Cuántas veces se pidió a sus autores que la reescribieran, y lo hicieron.',
          why: 'Cada actualización se redacta en un nuevo texto en directo.',
        },
        mergedIntoId: {
          what: 'Si se fusionó como duplicada: la enmienda en la que se fusionó.',
          why: 'Para remitir a los lectores.',
        },
        roundId: { what: 'La votación que la decide.', why: 'Para someterla a votación.' },
        compromiseOfId: {
          what: 'Para un compromiso del comité de redacción: la enmienda que propone sustituir.',
          why: 'Para someter ambas a la misma votación, y sustituir una por otra si sus autores lo aceptan.',
        },
        duplicateKey: {
          what: 'Una huella del cambio medido por última vez para los posibles duplicados.',
          why: 'Para volver a medir una enmienda solo cuando su cambio difiere.',
        },
      },
    },
    AmendmentAuthor: {
      title: 'Autores de enmiendas',
      summary: 'Quién escribió una enmienda: el miembro que la empezó y los coautores que aceptaron una invitación.',
      retention:
        'Mientras exista la enmienda. Puedes dejar un borrador si queda otro autor. Si eliminas tu cuenta, la fila se queda y apareces como «antiguo miembro».',
      visibleTo: 'Quien pueda leer la enmienda: los autores aparecen públicamente en una enmienda presentada.',
      fields: {
        amendmentId: AMENDMENT_REF,
        memberId: { what: 'El autor.', why: 'Un texto político lo firman quienes lo escribieron.' },
        invitedById: {
          what: 'Para un coautor: quién lo invitó.',
          why: 'Para dejar constancia de cómo se reunieron los autores.',
        },
        addedAt: { what: 'Cuándo pasó a ser autor.', why: 'Los autores se enumeran en ese orden.' },
      },
    },
    AmendmentSupport: {
      title: 'Apoyos',
      summary: 'Que apoyas una enmienda presentada: uno por miembro y enmienda.',
      retention:
        'Puedes retirarlo hasta la fecha límite de apoyos; después se conserva tanto como la enmienda, para que un umbral alcanzado siga alcanzado (también si eliminas tu cuenta).',
      visibleTo: 'Tú. Los demás solo ven el número de apoyos, nunca quién los dio.',
      fields: {
        amendmentId: AMENDMENT_REF,
        memberId: { what: 'Quién la apoya.', why: 'Un apoyo por miembro, que solo él puede retirar.' },
        createdAt: { what: 'Cuándo lo diste.', why: 'Solo cuentan los apoyos dados antes de la fecha límite.' },
      },
    },
    CoauthorInvitation: {
      title: 'Invitaciones a ser coautor',
      summary: 'Una invitación a ser coautor de un borrador: nadie aparece en un texto político sin haberlo aceptado.',
      retention:
        'Hasta que la aceptes o la rechaces, o el borrador se presente o se retire (entonces caduca); se borra con tu cuenta.',
      visibleTo:
        'Tú. Los autores que invitan una dirección no saben si es la de un miembro, ni de quién: tu nombre aparece en el borrador solo cuando aceptas.',
      fields: {
        amendmentId: AMENDMENT_REF,
        memberId: { what: 'El miembro invitado.', why: 'Solo él puede aceptar o rechazar.' },
        invitedById: { what: 'El autor que lo invitó.', why: 'Para que el miembro invitado sepa quién se lo pide.' },
        createdAt: { what: CREATED, why: DATES_WHY },
      },
    },
    Comment: {
      title: 'Comentarios',
      summary: 'Los comentarios del debate de una enmienda, y sus respuestas.',
      retention:
        'Mientras exista la enmienda. Si eliminas tu cuenta, tus comentarios se quedan, con su texto, firmados «antiguo miembro».',
      visibleTo:
        'Quien pueda leer la enmienda. Un comentario ocultado por los moderadores solo muestra «ocultado por la moderación» y el motivo.',
      fields: {
        id: ROW_ID,
        amendmentId: { ...AMENDMENT_REF, what: 'La enmienda debatida.' },
        authorId: {
          what: 'Quién lo escribió.',
          why: 'Un comentario se firma con el nombre de su autor.',
          retention: 'Se borra cuando su autor elimina su cuenta.',
        },
        parentId: { what: 'Para una respuesta: el comentario al que responde.', why: 'Para mostrar el hilo.' },
        stance: {
          what: 'A favor, en contra o una pregunta (las respuestas no tienen).',
          why: 'Los lectores ven los argumentos de cada lado.',
        },
        body: {
          what: 'El comentario en texto enriquecido, a partir de lo que escribió su autor.',
          why: 'Para mostrarlo.',
          visibleTo:
            'Quien pueda leer la enmienda, salvo si se ocultó: entonces nadie en el sitio (sigue en la exportación de su autor).',
        },
        source: {
          what: 'Lo que escribió su autor.',
          why: 'Para que pueda editarlo durante los 15 minutos siguientes a publicarlo.',
          visibleTo: 'Su autor (y en su exportación).',
        },
        createdAt: { what: CREATED, why: DATES_WHY },
        editedAt: { what: 'Cuándo lo editó su autor por última vez.', why: 'Los lectores ven que se editó.' },
        hiddenAt: { what: 'Cuándo lo ocultaron los moderadores.', why: DATES_WHY },
        hiddenReason: {
          what: 'Por qué lo ocultaron los moderadores, en sus palabras.',
          why: 'Todo el mundo lee el motivo en lugar del texto.',
        },
        hiddenById: {
          what: 'El moderador que lo ocultó.',
          why: 'Los moderadores responden de sus decisiones.',
          visibleTo: 'El registro de moderación nombra al moderador.',
        },
      },
    },
    // ───────────────────────────── Local groups ─────────────────────────────
    Group: {
      title: 'Grupos locales',
      summary: 'Un grupo local creado por miembros y validado por los moderadores.',
      retention: 'Mientras el movimiento conserve el grupo.',
      visibleTo:
        'Todo el mundo ve un grupo validado (su nombre, su zona, su descripción y su tamaño); un grupo pendiente de los moderadores lo ven sus miembros y los moderadores.',
      fields: {
        id: ROW_ID,
        name: { what: 'Su nombre, elegido por su fundador.', why: 'Para nombrarlo.' },
        area: {
          what: 'Dónde se reúne o actúa: una ciudad, un barrio o un código postal, tal como lo escribe su fundador.',
          why: 'Los miembros encuentran los grupos cercanos.',
        },
        description: { what: 'De qué trata el grupo.', why: 'Para presentarlo.' },
        status: {
          what: 'Pendiente de los moderadores, validado o rechazado.',
          why: 'Solo los grupos validados respaldan enmiendas.',
        },
        createdById: { what: 'El miembro que lo creó.', why: 'Para saber quién lo fundó.', visibleTo: NOT_SHOWN },
        createdAt: { what: CREATED, why: DATES_WHY },
        decidedAt: { what: 'Cuándo lo validaron o rechazaron los moderadores.', why: DATES_WHY },
        decidedById: {
          what: 'El moderador que decidió.',
          why: 'Los moderadores responden de sus decisiones.',
          visibleTo: NOT_SHOWN,
        },
        decisionReason: {
          what: 'El motivo de los moderadores, mostrado con el grupo.',
          why: 'Las decisiones se explican.',
        },
      },
    },
    Follow: {
      title: 'Lo que sigues',
      summary:
        'Los programas, capítulos, secciones y enmiendas que sigues, para que se te avise de lo que pasa en ellos.',
      retention: 'Hasta que dejes de seguirlo, desaparezca o elimines tu cuenta.',
      visibleTo: 'Solo tú.',
      fields: {
        memberId: { what: 'Tú.', why: 'Para saber a quién avisar.' },
        target: { what: 'Lo que sigues.', why: 'Para saber de qué avisarte.' },
        programId: { what: 'Su programa.', why: 'Para listar lo que sigues por programa.' },
        chapterId: { what: 'El capítulo, si sigues uno.', why: 'Para avisarte de lo que pasa en él.' },
        sectionId: { what: 'La sección, si sigues una.', why: 'Para avisarte de lo que pasa en ella.' },
        amendmentId: {
          what: 'La enmienda, si sigues una (sigues las tuyas desde el principio).',
          why: 'Para avisarte de lo que le pasa.',
        },
        createdAt: { what: 'Cuándo empezaste a seguirlo.', why: 'Para listar lo que sigues en orden.' },
      },
    },
    ChapterAssignment: {
      title: 'Capítulos tomados por los moderadores',
      summary: 'Que un moderador tomó un capítulo, para ver primero lo que le concierne.',
      retention: 'Hasta que suelte el capítulo, este desaparezca o elimine su cuenta.',
      visibleTo: 'Los moderadores.',
      fields: {
        chapterId: { what: 'El capítulo.', why: 'Para poner primero lo que le concierne.' },
        memberId: { what: 'El moderador.', why: 'Para saber quién lo tomó.' },
        createdAt: { what: 'Cuándo lo tomó.', why: 'Para mostrar desde cuándo.' },
      },
    },
    GroupMembership: {
      title: 'Miembros de los grupos locales',
      summary: 'Que perteneces a un grupo local, y si lo coordinas.',
      retention: 'Hasta que dejes el grupo o elimines tu cuenta.',
      visibleTo:
        'Los miembros del grupo: su lista de miembros solo se les muestra a ellos. Los demás solo ven el tamaño del grupo.',
      fields: {
        groupId: { what: 'El grupo.', why: 'Para saber quién forma parte.' },
        memberId: { what: 'El miembro.', why: 'Para saber quién forma parte.' },
        coordinator: {
          what: 'Si coordina el grupo (su fundador lo hace, el primero).',
          why: 'Los coordinadores respaldan enmiendas en nombre del grupo.',
        },
        joinedAt: {
          what: 'Cuándo se unió.',
          why: 'Cuando se va el último coordinador, el miembro más antiguo toma el relevo.',
        },
      },
    },
    GroupEndorsement: {
      title: 'Respaldos de los grupos',
      summary:
        'El respaldo de un grupo validado a una enmienda, dado por uno de sus coordinadores; cuenta cuando el umbral es una parte de los grupos validados.',
      retention: 'Tanto como la enmienda y el grupo.',
      visibleTo: 'Quien pueda ver el grupo: su página enumera las enmiendas que respaldó.',
      fields: {
        groupId: { what: 'El grupo.', why: 'Un respaldo por grupo.' },
        amendmentId: AMENDMENT_REF,
        endorsedById: {
          what: 'El coordinador que lo dio.',
          why: 'Los coordinadores responden de lo que hacen en nombre del grupo.',
          visibleTo: NOT_SHOWN,
        },
        createdAt: { what: CREATED, why: DATES_WHY },
      },
    },
    // ───────────────────────────── Votes ─────────────────────────────
    VotingRound: {
      title: 'Votaciones',
      summary: 'Una votación que decide enmiendas: sus fechas, sus reglas y, una vez cerrada, sus resultados.',
      retention: 'Para siempre: los resultados y la urna publicada son el registro público de la votación.',
      visibleTo: PROGRAM_READERS,
      fields: {
        id: ROW_ID,
        programId: PROGRAM_REF,
        number: { what: 'Su número dentro del programa.', why: 'Para nombrarla.' },
        title: { what: 'Su título.', why: 'Para nombrarla.' },
        explanation: { what: 'Lo que dicen de ella los moderadores.', why: 'Para informar a los votantes.' },
        opensAt: { what: 'Cuándo se abre.', why: 'Se abre sola.' },
        closesAt: { what: 'Cuándo se cierra.', why: 'Se cierra y se cuenta sola.' },
        status: { what: 'Programada, abierta o cerrada.', why: 'Para llevarla a cabo.' },
        quorumPercent: {
          what: 'La participación mínima, como parte del censo.',
          why: 'Una regla de recuento, visible para todos.',
        },
        majorityNumerator: {
          what: 'La mayoría necesaria (su numerador, por ejemplo 1 de 1/2).',
          why: 'Una regla de recuento, visible para todos.',
        },
        majorityDenominator: {
          what: 'La mayoría necesaria (su denominador).',
          why: 'Una regla de recuento, visible para todos.',
        },
        questionMajorities: {
          what: 'Las mayorías fijadas para enmiendas concretas.',
          why: 'Una regla de recuento, visible para todos.',
        },
        method: {
          what: 'Cómo se deciden las enmiendas en competencia: Schulze, Borda o Dowdall.',
          why: 'Una regla de recuento, visible para todos.',
        },
        censusJoinedBefore: {
          what: 'Quién puede votar: los miembros que se unieron antes de esta fecha (con dirección confirmada).',
          why: 'La regla del censo es pública.',
        },
        censusSize: {
          what: 'Cuántos miembros pueden votar (un número, fijado en la apertura).',
          why: 'Para la participación y el quórum.',
        },
        censusRule: {
          what: 'La regla con la que se congeló el censo (todo miembro verificado, o el registro al corriente).',
          why: 'La regla del censo es pública.',
        },
        censusCommitment: {
          what: 'Un SHA-256 de los hashes con sal de las entradas del censo, publicado en la apertura.',
          why: 'Para resolver más tarde una disputa sobre quién podía votar sin publicar la lista.',
        },
        openedAt: { what: 'Cuándo se abrió realmente.', why: DATES_WHY },
        closedAt: { what: 'Cuándo se cerró realmente.', why: DATES_WHY },
        results: {
          what: 'El recuento, escrito al cierre; no existe nada de él antes.',
          why: 'Para publicar los resultados.',
        },
        boardSha256: {
          what: 'El SHA-256 de la urna publicada.',
          why: 'Cualquiera puede comprobar que una urna descargada es la publicada.',
        },
        rollSize: {
          what: 'Cuántos miembros votaron (el tamaño del registro de votantes), indicado en la urna publicada al cierre.',
          why: 'Cualquiera puede comprobar que la urna cuenta una papeleta por votante.',
        },
        createdById: {
          what: 'El moderador que la creó.',
          why: 'Los moderadores responden de sus decisiones.',
          visibleTo: NOT_SHOWN,
        },
        createdAt: { what: CREATED, why: DATES_WHY },
        binding: {
          what: 'Si cada papeleta pide un código de un solo uso (votación vinculante).',
          why: 'Una decisión vinculante necesita más que una sesión para votarse.',
        },
      },
    },
    RoundQuestion: {
      title: 'Preguntas de una votación',
      summary:
        'Una pregunta sometida a votación, fijada al abrirse: una enmienda, o enmiendas en competencia que ordenar.',
      retention: 'Para siempre, con la votación.',
      visibleTo: PROGRAM_READERS,
      fields: {
        id: ROW_ID,
        roundId: ROUND_REF,
        position: { what: 'Su lugar en la papeleta.', why: 'Para ordenar la papeleta.' },
        kind: { what: 'Sí/no, o una clasificación.', why: 'Para contarla correctamente.' },
        title: { what: 'La pregunta tal como la leen los votantes.', why: 'Para mostrarla.' },
        amendmentId: { ...AMENDMENT_REF, what: 'Para sí/no: la enmienda.' },
        collisionGroup: {
          what: 'Para una clasificación: el grupo de enmiendas en competencia.',
          why: 'Para contarla.',
        },
        alternatives: {
          what: 'Para una clasificación: las opciones, «mantener el texto actual» primero.',
          why: 'Su orden también deshace los empates.',
        },
        majorityNumerator: {
          what: 'La mayoría que necesita esta pregunta (numerador).',
          why: 'Una regla de recuento, visible para todos.',
        },
        majorityDenominator: {
          what: 'La mayoría que necesita esta pregunta (denominador).',
          why: 'Una regla de recuento, visible para todos.',
        },
      },
    },
    RegisterEntry: {
      title: 'Registro de afiliados',
      summary:
        'La lista de afiliados del movimiento, importada por los administradores: dirección, nombre, número de afiliado, grupo local y fecha hasta la que vale la afiliación. Nada más del archivo se guarda.',
      retention:
        'Mientras el movimiento te incluya. Si ya no: marcada como caducada, se guarda para explicar el censo de votaciones pasadas. Se borra con tu cuenta.',
      visibleTo: 'Los administradores. Tú, en la exportación de tus datos.',
      fields: {
        id: ROW_ID,
        email: {
          what: 'La dirección que incluye el movimiento.',
          why: 'Para invitarte y vincular la entrada a tu cuenta.',
        },
        name: { what: 'Tu nombre tal como lo da el movimiento.', why: 'Para reconocer la entrada.' },
        membershipNumber: { what: 'Tu número de afiliado, si el movimiento lo da.', why: 'Para reconocer la entrada.' },
        localGroup: {
          what: 'Tu grupo local tal como lo da el movimiento.',
          why: 'El movimiento lo guarda con su lista.',
        },
        memberUntil: {
          what: 'El último día que cubre tu afiliación.',
          why: 'Las votaciones con la regla del registro cuentan a los afiliados al corriente el día de la apertura.',
        },
        lapsedAt: {
          what: 'Cuándo una importación dejó de incluirte.',
          why: 'Un afiliado caducado no está en el censo.',
        },
        memberId: { what: 'Tu cuenta, una vez vinculada a la entrada.', why: 'El censo cuenta cuentas.' },
        inviteTokenHash: {
          what: 'El hash de tu enlace de invitación (el enlace nunca se guarda).',
          why: 'El enlace crea tu cuenta una sola vez.',
          visibleTo: NOT_SHOWN,
        },
        invitedAt: { what: 'Cuándo se envió la invitación.', why: 'Cada entrada se invita una vez.' },
        importedAt: { what: 'Cuándo se importó la entrada por primera vez.', why: DATES_WHY },
        updatedAt: { what: UPDATED, why: DATES_WHY },
      },
    },
    RegisterUpload: {
      title: 'Archivos del registro pendientes de confirmación',
      summary: 'Un archivo del registro subido por un administrador, guardado entre su vista previa y su importación.',
      retention: 'Hasta su importación, una hora como máximo.',
      visibleTo: NOT_SHOWN,
      fields: {
        id: ROW_ID,
        createdById: { what: 'El administrador que lo subió.', why: 'Solo él puede confirmarlo.' },
        fileName: { what: 'El nombre del archivo.', why: 'Se muestra en la vista previa.' },
        content: {
          what: 'El archivo tal como se subió.',
          why: 'La importación lee exactamente el archivo previsualizado.',
        },
        createdAt: { what: CREATED, why: 'Se borra al cabo de una hora.' },
      },
    },
    CensusEntry: {
      title: 'Censo de una votación',
      summary:
        'Quién puede votar en una votación, fijado al abrirse: los miembros con dirección confirmada que se unieron antes de la fecha de la votación.',
      retention:
        'Para siempre, para que el tamaño del censo pueda comprobarse. Si eliminas tu cuenta, tu fila pierde tu identificador y queda anónima: ningún recuento cambia.',
      visibleTo: 'Tú (si puedes votar). Los demás solo ven el tamaño del censo.',
      fields: {
        id: ROW_ID,
        roundId: ROUND_REF,
        memberId: {
          what: 'Un miembro que puede votar.',
          why: 'Solo los miembros del censo pueden votar.',
          retention: 'Se borra cuando eliminas tu cuenta.',
        },
        salt: {
          what: 'Un valor aleatorio sacado para tu entrada cuando se congeló el censo.',
          why: 'Solo tú lo recibes: te permite probar que se te contó; sin él tu hash no revela nada.',
          visibleTo: 'Solo tú, en la página de la votación.',
        },
        leaf: {
          what: 'El hash de la sal y de tu identificador de miembro.',
          why: 'Sobre lo que se calcula el compromiso publicado; se conserva tras un borrado para que el compromiso siga comprobándose.',
          visibleTo: 'Solo tú, en la página de la votación.',
        },
      },
    },
    VoterRoll: {
      title: 'Registro de votantes',
      summary:
        'Que votaste en una votación, y nada de cómo ni de cuándo. Separado de las papeletas: nada vincula ambos.',
      retention:
        'Para siempre, como registro de la participación. Si eliminas tu cuenta, tu fila pierde tu identificador (el recuento se mantiene).',
      visibleTo:
        'Tú (que votaste); tras el cierre, los miembros del censo de la votación y los moderadores ven quién votó (tu nombre tal como lo muestras), nunca cómo. El público solo ve la participación.',
      fields: {
        id: ROW_ID,
        roundId: ROUND_REF,
        memberId: {
          what: 'Un miembro que votó.',
          why: 'La participación se cuenta a partir de él; nunca dice cómo votaste.',
          retention: 'Se borra cuando eliminas tu cuenta.',
        },
      },
    },
    MailMessage: {
      title: 'Correos sobre votaciones (cola de envío)',
      summary:
        'La convocatoria enviada a todo el censo de una votación cuando se abre, y los recordatorios que los moderadores programan para quienes no han votado. La cola no guarda ninguna dirección ni ningún texto: el correo se redacta al enviarlo.',
      retention: 'Hasta 30 días después del cierre de la votación, o hasta que borres tu cuenta.',
      visibleTo: 'Los moderadores solo ven cifras (en cola, enviados, fallidos), nunca quién.',
      fields: {
        id: {
          what: 'La clave de idempotencia del correo: su tipo, la votación o el recordatorio, y el miembro.',
          why: 'Para que ningún correo se ponga en cola ni se envíe dos veces.',
        },
        kind: { what: 'Convocatoria o recordatorio.', why: 'Para redactar el correo adecuado.' },
        roundId: ROUND_REF,
        programId: { what: 'El programa del que trata un aviso de fase.', why: 'Para redactar el aviso.' },
        memberId: { what: 'El miembro destinatario.', why: 'Para encontrar la dirección al enviarlo.' },
        status: {
          what: 'En cola, enviándose, enviado, ya no necesario o fallido.',
          why: 'Para enviar cada correo una sola vez.',
        },
        attempts: { what: 'Cuántas veces se intentó enviar.', why: 'Cada reintento espera más, y luego se detiene.' },
        nextAttemptAt: { what: 'Cuándo puede reintentarse.', why: 'Para esperar a un servidor de correo caído.' },
        queuedAt: {
          what: 'Cuándo se puso en la cola.',
          why: 'Para que quien opera el servidor vea cuánto esperan los correos (una cifra sobre toda la cola, nunca por miembro).',
        },
        sentAt: { what: 'Cuándo lo aceptó el servidor de correo.', why: 'Para contar lo enviado.' },
        error: {
          what: 'Por qué falló el último intento: un código, nunca una dirección.',
          why: 'Para que quien gestiona el servidor vea los problemas de un servidor de correo.',
        },
      },
    },
    RoundMailing: {
      title: 'Envío de una votación',
      summary:
        'El secreto que firma los enlaces para parar los recordatorios de los correos de una votación, y cuándo se puso en cola su convocatoria.',
      retention: 'Mientras exista la votación.',
      visibleTo: NOBODY,
      fields: {
        roundId: ROUND_REF,
        secret: {
          what: 'Un secreto aleatorio.',
          why: 'Para que solo el enlace que te enviamos pueda parar tus recordatorios.',
        },
        queuedAt: { what: 'Cuándo se puso en cola la convocatoria.', why: 'Para ponerla en cola una sola vez.' },
      },
    },
    RoundReminder: {
      title: 'Recordatorios de una votación',
      summary: 'Un recordatorio que un moderador programó para las personas del censo que no han votado.',
      retention: 'Mientras exista la votación.',
      visibleTo: 'Los moderadores del programa.',
      fields: {
        id: ROW_ID,
        roundId: ROUND_REF,
        sendAt: { what: 'Cuándo sale.', why: 'Para enviarlo a su hora.' },
        queuedAt: { what: 'Cuándo se puso en cola.', why: 'Para ponerlo en cola una sola vez.' },
        createdById: {
          what: 'El moderador que lo programó.',
          why: 'Rendición de cuentas (también en el registro de auditoría).',
        },
        createdAt: { what: CREATED, why: DATES_WHY },
      },
    },
    ReminderStop: {
      title: 'Recordatorios parados',
      summary: 'Que paraste los recordatorios de una votación, con el enlace de su correo.',
      retention: 'Mientras exista la votación, o hasta que borres tu cuenta.',
      visibleTo: NOBODY,
      fields: {
        roundId: ROUND_REF,
        memberId: {
          what: 'El miembro que los paró.',
          why: 'Para no enviarle más recordatorios de esa votación.',
        },
      },
    },
    TurnoutCount: {
      title: 'Participación a lo largo del tiempo',
      summary:
        'Cuántos miembros emitieron su primera papeleta en cada hora de una votación: solo cifras. No se guarda la hora en que vota nadie, y nada vincula una cifra con un miembro.',
      retention: 'Mientras exista la votación.',
      visibleTo: 'Quien pueda leer la votación (su gráfico de participación).',
      fields: {
        roundId: ROUND_REF,
        hour: { what: 'Una hora de la votación.', why: 'Para dibujar la participación a lo largo del tiempo.' },
        shard: {
          what: 'Uno de los 16 contadores de la hora, elegido al azar.',
          why: 'Para que las papeletas emitidas a la vez no se esperen entre sí.',
        },
        voters: {
          what: 'Cuántas primeras papeletas se emitieron en esa hora.',
          why: 'Para dibujar la participación a lo largo del tiempo.',
        },
      },
    },
    Ballot: {
      title: 'Papeletas',
      summary:
        'Las papeletas. Una papeleta nunca está vinculada a un miembro: no contiene identificador de miembro, ni nombre, ni hora. Mientras la votación está abierta está sellada con la clave de la votación, guardada fuera de la base de datos; al cierre cada papeleta se abre, se cuenta y se publica de forma anónima en la urna publicada, y la clave se destruye.',
      retention:
        'Selladas hasta el cierre y luego anónimas para siempre en la urna publicada. La clave de la votación se destruye al cierre: después nadie, ni siquiera quienes gestionan el servidor, puede vincular una papeleta a un miembro.',
      visibleTo:
        'Mientras la votación está abierta: nadie (selladas; solo alguien que controle el servidor y la clave de la votación podría abrirlas). Tras el cierre: todo el mundo, en la urna publicada, sin vínculo con ningún votante; solo tú sabes qué código de seguimiento es el tuyo.',
      fields: {
        id: { ...ROW_ID, what: 'Un identificador aleatorio, sorteado de nuevo al cierre.' },
        roundId: ROUND_REF,
        slot: {
          what: 'Mientras la votación está abierta: un hash con clave (HMAC) del identificador del votante bajo la clave de la votación.',
          why: 'Para que votar de nuevo sustituya tu papeleta anterior.',
          retention: 'Se borra al cierre.',
          visibleTo: 'Nadie.',
        },
        sealed: {
          what: 'Mientras la votación está abierta: las respuestas, un valor aleatorio y el código de seguimiento, cifrados (AES-256-GCM) con la clave de la votación y rellenados a un tamaño único.',
          why: 'Nadie puede leer una papeleta ni un resultado parcial antes del cierre.',
          retention: 'Se borra al cierre.',
          visibleTo: 'Nadie.',
        },
        code: {
          what: 'Tras el cierre: el código de seguimiento de la papeleta, el recibo que su votante vio una vez.',
          why: 'Cada votante comprueba que su papeleta se contó.',
        },
        nonce: {
          what: 'Tras el cierre: el valor aleatorio que, con las respuestas, permite recalcular el código.',
          why: 'Cualquiera puede comprobar que ninguna papeleta se modificó.',
        },
        answers: {
          what: 'Tras el cierre: las respuestas de la papeleta.',
          why: 'Cualquiera puede volver a contar la votación.',
        },
      },
    },
    // ───────────────────────────── The program’s text ─────────────────────────────
    Program: {
      title: 'Programas',
      summary: 'Un programa: su título, su resumen, su fase y las reglas que fijan los moderadores.',
      retention: PROGRAM_LIFETIME,
      visibleTo: PROGRAM_READERS,
      fields: {
        id: ROW_ID,
        slug: { what: 'El nombre corto de su dirección.', why: 'Direcciones legibles.' },
        title: { what: 'Su título.', why: 'Para nombrarlo.' },
        summary: { what: 'Su resumen.', why: 'Para presentarlo.' },
        phase: { what: 'Redacción, enmiendas, votación o publicado.', why: 'Decide lo que pueden hacer los miembros.' },
        draftIsPublic: { what: 'Si el público puede leer el borrador.', why: 'Una regla de apertura.' },
        draftingAccess: {
          what: 'Quién escribe durante la redacción: todos los miembros o solo los redactores designados.',
          why: 'Una regla de redacción.',
        },
        phaseStartedAt: { what: 'Cuándo empezó la fase actual.', why: 'Se muestra con la fase.' },
        phaseEndsAt: {
          what: 'Cuándo prevén los moderadores terminar la fase actual, si lo dijeron.',
          why: 'Se muestra con la fase.',
        },
        supportRule: {
          what: 'Lo que necesita una enmienda para calificarse: un número de apoyos, una parte de los miembros activos o una parte de los grupos locales validados.',
          why: 'Una regla de apoyos.',
        },
        supportValue: { what: 'El número, o el porcentaje, de esa regla.', why: 'Una regla de apoyos.' },
        supportActiveDays: {
          what: 'Cuántos días recientes hacen que un miembro sea activo.',
          why: 'Una regla de apoyos.',
        },
        supportDays: {
          what: 'Durante cuántos días recoge apoyos una enmienda presentada.',
          why: 'Una regla de apoyos.',
        },
        applyLeaseUntil: {
          what: 'Un bloqueo que se mantiene mientras las enmiendas aprobadas se escriben en el texto o se publica una versión.',
          why: 'Un solo escritor a la vez.',
          visibleTo: NOT_SHOWN,
        },
        drafterNamesPublic: {
          what: 'Si las versiones publicadas nombran a los miembros que editaron el texto directamente.',
          why: 'Lo deciden los moderadores; desactivado mientras no lo activen.',
        },
        censusRule: {
          what: 'Quién vota en las votaciones del programa: todo miembro verificado, o los afiliados del registro al corriente.',
          why: 'Lo deciden los moderadores; cada votación la congela al abrirse.',
        },
        phaseAutoAdvance: {
          what: 'Si la fase pasa por sí sola a la siguiente en su fin previsto.',
          why: 'Lo deciden los moderadores; los miembros reciben aviso previo.',
        },
        phaseNoticeFor: {
          what: 'El fin previsto del que se avisó a los miembros.',
          why: 'Para avisarles una sola vez por fecha.',
        },
        language: {
          what: 'La lengua en que está escrito su texto.',
          why: 'Para que los lectores de pantalla lo pronuncien y la búsqueda reduzca sus palabras en esa lengua.',
        },
        createdAt: { what: CREATED, why: DATES_WHY },
        updatedAt: { what: UPDATED, why: DATES_WHY },
      },
    },
    Drafter: {
      title: 'Redactores designados',
      summary:
        'Los miembros que los moderadores designaron para escribir un programa cuando su redacción está reservada a los redactores designados.',
      retention: 'Hasta que los moderadores te retiren o elimines tu cuenta.',
      visibleTo: 'Los moderadores del programa, y tú en tu exportación.',
      fields: {
        programId: PROGRAM_REF,
        memberId: {
          what: 'El redactor.',
          why: 'Solo los redactores designados escriben cuando el acceso está limitado.',
        },
        addedAt: { what: 'Cuándo fue designado.', why: DATES_WHY },
      },
    },
    CommitteeMember: {
      title: 'Comité de redacción',
      summary:
        'Los miembros que los moderadores nombraron en el comité de redacción de un programa, que recomienda una posición sobre cada enmienda.',
      retention: 'Hasta que los moderadores te retiren, o elimines tu cuenta.',
      visibleTo: 'Cualquiera que lea el programa: el comité se expresa en público.',
      fields: {
        programId: PROGRAM_REF,
        memberId: {
          what: 'El miembro del comité.',
          why: 'Solo el comité registra recomendaciones y redacta compromisos.',
        },
        addedAt: { what: 'Cuándo fue nombrado.', why: DATES_WHY },
      },
    },
    Recommendation: {
      title: 'Las recomendaciones del comité',
      summary:
        'La posición del comité de redacción sobre una enmienda (adoptar, rechazar, adoptar un compromiso) y su razón pública.',
      retention: 'Mientras exista la enmienda.',
      visibleTo: 'Cualquiera que lea la enmienda; la papeleta y los resultados la muestran.',
      fields: {
        amendmentId: AMENDMENT_REF,
        programId: PROGRAM_REF,
        kind: { what: 'Adoptar, rechazar, o adoptar un compromiso.', why: 'Es la recomendación.' },
        reason: { what: 'La razón pública del comité.', why: 'Los miembros juzgan la recomendación por ella.' },
        recordedById: {
          what: 'El miembro del comité que la registró.',
          why: 'Figura en el registro de auditoría.',
          visibleTo: 'Los moderadores del programa.',
        },
        createdAt: { what: CREATED, why: DATES_WHY },
        updatedAt: { what: UPDATED, why: DATES_WHY },
      },
    },
    LiveTextWriter: {
      title: 'Quién escribió en una sección',
      summary:
        'Para cada sección, día y fase: qué miembros escribieron en su texto en directo, y cuándo por primera y última vez. Nunca lo que escribieron.',
      retention: 'Hasta que eliminas tu cuenta, o se elimina la sección.',
      visibleTo:
        'Los moderadores del programa. Una versión publicada te nombra entre los editores directos de una sección solo si los moderadores decidieron publicar los nombres de quienes redactan.',
      fields: {
        docName: { what: 'Qué texto en directo.', why: 'Para encontrar la sección.' },
        memberId: { what: 'Quién escribió.', why: 'Para atribuir un cambio hecho fuera de las enmiendas.' },
        day: { what: 'El día (UTC).', why: 'Para decir cuándo se hizo un cambio.' },
        phase: { what: 'La fase del programa en ese momento.', why: 'Para decir en qué fase se hizo un cambio.' },
        firstAt: { what: 'La primera escritura de ese día.', why: DATES_WHY },
        lastAt: { what: 'La última escritura de ese día.', why: DATES_WHY },
      },
    },
    Chapter: {
      title: 'Capítulos',
      summary: 'Las partes ordenadas de un programa.',
      retention:
        'Tanto como el programa, salvo si los moderadores retiran el capítulo (el registro de auditoría lo recoge).',
      visibleTo: PROGRAM_READERS,
      fields: {
        id: ROW_ID,
        programId: PROGRAM_REF,
        position: { what: 'Su lugar; su número se deriva de él.', why: 'Para ordenar el programa.' },
        title: { what: 'Su título.', why: 'Para nombrarlo.' },
        createdAt: { what: CREATED, why: DATES_WHY },
      },
    },
    Section: {
      title: 'Secciones',
      summary: 'Las partes ordenadas de un capítulo, cada una con su texto.',
      retention:
        'Tanto como el programa. Una sección retirada por una enmienda aprobada se archiva, no se borra; los moderadores pueden borrar una sección a la que no remite ninguna enmienda.',
      visibleTo: PROGRAM_READERS,
      fields: {
        id: ROW_ID,
        chapterId: { what: 'Su capítulo.', why: 'Para ordenar el programa.' },
        position: { what: 'Su lugar en el capítulo; su número se deriva de él.', why: 'Para ordenar el programa.' },
        title: { what: 'Su título.', why: 'Para nombrarla.' },
        content: {
          what: 'El texto con el que se creó (el texto en redacción vive en los textos en directo).',
          why: 'El texto en directo parte de él.',
        },
        lockedAt: {
          what: 'Cuándo la bloquearon los moderadores o una votación.',
          why: 'Nadie escribe en una sección bloqueada.',
        },
        lockReason: { what: 'Por qué está bloqueada.', why: 'Se muestra a quien la lea.' },
        lockedByRoundId: {
          what: 'La votación que la bloqueó, si la hay.',
          why: 'El bloqueo se levanta solo al cierre.',
        },
        archivedAt: {
          what: 'Cuándo la retiró una enmienda aprobada.',
          why: 'Las enmiendas y el historial que remiten a ella siguen siendo legibles.',
        },
        createdAt: { what: CREATED, why: DATES_WHY },
        updatedAt: { what: UPDATED, why: DATES_WHY },
      },
    },
    AmendmentApplication: {
      title: 'Enmiendas aprobadas escritas en el texto',
      summary:
        'Cada enmienda aprobada aplicada al texto, con el texto de la sección antes y después: de ahí sale la procedencia del programa publicado.',
      retention: 'Para siempre: es la procedencia del programa.',
      visibleTo: PROGRAM_READERS,
      fields: {
        id: ROW_ID,
        amendmentId: AMENDMENT_REF,
        programId: PROGRAM_REF,
        sectionId: { what: 'La sección modificada (o creada).', why: 'Para rastrear el cambio.' },
        status: {
          what: 'Pendiente, aplicada o en conflicto (a la espera de un moderador).',
          why: 'Una enmienda aprobada nunca se abandona ni se fuerza.',
        },
        seq: {
          what: 'Su orden de aplicación en el programa.',
          why: 'El registro de cambios de cada versión son las aplicaciones desde la anterior.',
        },
        before: { what: 'El texto de la sección antes.', why: 'La procedencia.' },
        after: { what: 'El texto de la sección después.', why: 'La procedencia.' },
        createdAt: { what: CREATED, why: DATES_WHY },
        appliedAt: { what: 'Cuándo se escribió en el texto.', why: DATES_WHY },
        resolvedById: {
          what: 'Para un conflicto: el moderador que lo resolvió.',
          why: 'Los moderadores responden de sus decisiones.',
          visibleTo: NOT_SHOWN,
        },
        resolution: {
          what: 'Para un conflicto: cómo y por qué se resolvió, en palabras del moderador.',
          why: 'La procedencia.',
        },
      },
    },
    ProgramVersion: {
      title: 'Versiones publicadas',
      summary: 'Una versión publicada del programa, que nunca cambia.',
      retention: FOREVER_PUBLIC,
      visibleTo: EVERYONE,
      fields: {
        id: ROW_ID,
        programId: PROGRAM_REF,
        number: { what: 'Su número: 1, 2…', why: 'Para nombrarla.' },
        title: { what: 'El título del programa entonces.', why: 'Para mostrarlo.' },
        note: { what: 'Lo que cambia esta versión, en palabras de los moderadores.', why: 'Para presentarla.' },
        throughSeq: { what: 'La última enmienda aprobada que incluye.', why: 'Para calcular su registro de cambios.' },
        publishedAt: { what: 'Cuándo se publicó.', why: DATES_WHY },
        publishedById: {
          what: 'El moderador que la publicó.',
          why: 'Los moderadores responden de sus decisiones.',
          visibleTo: NOT_SHOWN,
        },
        outline: {
          what: 'Su índice y el origen de cada pasaje aprobado: la enmienda, su votación y los identificadores de sus autores (sus nombres se buscan en cada lectura, así que el de un antiguo miembro ya no aparece).',
          why: 'Los lectores ven por qué está cada pasaje y quién lo propuso.',
        },
        changelog: {
          what: 'Las enmiendas aplicadas desde la versión anterior, con sus resultados.',
          why: 'Los lectores ven qué cambió y por qué.',
        },
        html: { what: 'Toda la versión en una sola página.', why: 'Para la vista en una página y las exportaciones.' },
      },
    },
    VersionSection: {
      title: 'Secciones de las versiones publicadas',
      summary: 'Una sección de una versión publicada, con el origen de cada pasaje.',
      retention: FOREVER_PUBLIC,
      visibleTo: EVERYONE,
      fields: {
        versionId: { what: 'Su versión.', why: 'Para encontrarla.' },
        sectionId: { what: 'La sección de la que es copia.', why: 'Para comparar las versiones sección por sección.' },
        position: { what: 'Su orden de lectura.', why: 'Para ordenar la versión.' },
        number: { what: 'Su número, por ejemplo 3.2.', why: 'Para mostrarlo.' },
        chapterId: { what: 'Su capítulo.', why: 'Para agrupar las secciones.' },
        chapterNumber: { what: 'El número de su capítulo.', why: 'Para mostrarlo.' },
        chapterTitle: { what: 'El título de su capítulo.', why: 'Para mostrarlo.' },
        title: { what: 'Su título.', why: 'Para mostrarlo.' },
        doc: {
          what: 'Su texto, con cada pasaje marcado con la enmienda que lo escribió.',
          why: 'Los lectores ven de dónde viene cada pasaje.',
        },
        text: { what: 'Su texto plano.', why: 'Para la búsqueda.' },
      },
    },
    // ───────────────────────────── Moderation and audit ─────────────────────────────
    RollReport: {
      title: 'Avisos sobre registros de votantes',
      summary:
        'Un miembro que figura en el registro de votantes de una votación cerrada dice que no votó, con lo que dice a los moderadores: uno por miembro y votación.',
      retention: 'Mientras exista la votación. Se borra cuando eliminas tu cuenta.',
      visibleTo: 'Los moderadores, que ven tu nombre, la votación y tu mensaje; y tú, en tu exportación.',
      fields: {
        roundId: ROUND_REF,
        memberId: { what: 'Quién avisó.', why: 'Los moderadores deben saber qué cuenta votó sin su titular.' },
        message: { what: 'Lo que dijiste a los moderadores.', why: 'Para que puedan comprobarlo.' },
        createdAt: { what: CREATED, why: DATES_WHY },
      },
    },
    CommentReport: {
      title: 'Denuncias de comentarios',
      summary:
        'La denuncia de un comentario a los moderadores por parte de un miembro, con el motivo: una por miembro y comentario.',
      retention:
        'Tanto como el comentario, también una vez resuelta por los moderadores. Si eliminas tu cuenta, tus denuncias se quedan bajo tu cuenta vaciada («antiguo miembro»).',
      visibleTo: 'Los moderadores, que ven el motivo y la fecha pero no quién denunció; y tú, en tu exportación.',
      fields: {
        commentId: { what: 'El comentario denunciado.', why: 'Para resolverla.' },
        memberId: {
          what: 'Quién lo denunció.',
          why: 'Una denuncia por miembro y comentario.',
          visibleTo: 'Nadie: a los moderadores no se les dice quién denunció.',
        },
        reason: { what: 'Por qué, en tus palabras.', why: 'Los moderadores deciden sabiendo por qué.' },
        createdAt: { what: CREATED, why: DATES_WHY },
        resolvedAt: {
          what: 'Cuándo la resolvieron los moderadores: comentario ocultado o mantenido.',
          why: 'Las denuncias resueltas salen de la cola de los moderadores.',
        },
      },
    },
    DuplicateCandidate: {
      title: 'Posibles duplicados',
      summary:
        'Dos enmiendas en liza de una misma sección que hacen casi el mismo cambio, con cuánto se parecen, medido cuando una enmienda se presenta o cambia.',
      retention: 'Mientras ambas enmiendas sigan en liza y el par no se descarte.',
      visibleTo: 'Los moderadores, en su cola.',
      fields: {
        amendmentId: AMENDMENT_REF,
        otherId: { what: 'La otra enmienda del par.', why: 'Para mostrar el par.' },
        programId: { what: 'El programa de ambas.', why: 'Para listar los pares de un programa.' },
        sectionId: {
          what: 'La sección que ambas cambian.',
          why: 'Para volver a medir los pares de una sección cuando cambia.',
        },
        similarity: { what: 'Cuánto se parecen sus cambios.', why: 'Para listar primero los más parecidos.' },
      },
    },
    DuplicateDismissal: {
      title: 'Enmiendas consideradas no duplicadas',
      summary:
        'Dos enmiendas que la detección de duplicados encontró parecidas y que un moderador consideró distintas, con el motivo: el par ya no se muestra como posible duplicado.',
      retention: 'Mientras existan ambas enmiendas.',
      visibleTo: 'Los moderadores; el registro de moderación muestra la decisión, quién la tomó y por qué.',
      fields: {
        amendmentId: AMENDMENT_REF,
        otherId: { what: 'La otra enmienda del par.', why: 'Para dejar de mostrar el par.' },
        reason: { what: 'Por qué no son duplicados, en palabras del moderador.', why: 'Las decisiones se motivan.' },
        createdAt: { what: CREATED, why: DATES_WHY },
      },
    },
    ReasonTemplate: {
      title: 'Plantillas de motivos',
      summary:
        'Motivos que los moderadores reutilizan al decidir sobre las enmiendas, guardados por programa. Una decisión copia sus palabras: editar o borrar una plantilla no cambia ninguna decisión pasada.',
      retention: 'Hasta que un moderador la borre, o se borre el programa.',
      visibleTo: 'Los moderadores.',
      fields: {
        id: ROW_ID,
        programId: PROGRAM_REF,
        name: { what: 'Un nombre corto para el menú.', why: 'Para elegirla rápido.' },
        text: {
          what: 'El motivo, con las palabras de los moderadores.',
          why: 'Para dar el mismo motivo sin reescribirlo.',
        },
        createdAt: { what: CREATED, why: DATES_WHY },
        updatedAt: { what: UPDATED, why: DATES_WHY },
      },
    },
    AuditEvent: {
      title: 'Registro de auditoría',
      summary:
        'Un registro de solo adición de quién hizo qué y por qué: altas, cambios de rol, de contraseña o de dirección, decisiones de los moderadores, cambios de fase, votaciones, publicaciones.',
      retention:
        'Para siempre: la base de datos se niega a modificar o borrar estas filas. Contienen identificadores opacos, nunca una dirección de correo ni una contraseña; cuando un miembro elimina su cuenta, su identificador ya no designa a nadie.',
      visibleTo:
        'Una parte es pública con el programa (cambios de fase, cronología de una enmienda, registro de moderación, con el nombre de quién actuó); los eventos de una cuenta los ven los administradores; tus propias acciones están en tu exportación.',
      fields: {
        id: SEQUENCE_ID,
        actorId: {
          what: 'El miembro que actuó (ninguno para el sistema).',
          why: 'Cada cual responde de lo que decide.',
        },
        action: { what: 'Lo que se hizo, por ejemplo «member.role_changed».', why: 'El registro en sí.' },
        targetType: {
          what: 'El tipo de cosa afectada (una cuenta, una enmienda, una sección…).',
          why: 'El registro en sí.',
        },
        targetId: {
          what: 'Su identificador (el identificador opaco de un miembro cuando se trata de una cuenta).',
          why: 'El registro en sí.',
        },
        reason: {
          what: 'El motivo dado por quien actuó, cuando se exige (decisiones de los moderadores, cambios de rol).',
          why: 'Las decisiones se explican.',
        },
        data: {
          what: 'Los hechos del cambio: valores anteriores y nuevos (un rol, una fase, el título y el texto de una sección), a veces el identificador opaco de otro miembro.',
          why: 'Para saber exactamente qué cambió.',
        },
        createdAt: { what: 'Cuándo ocurrió.', why: DATES_WHY },
      },
    },
    // ───────────────────────────── Technical ─────────────────────────────
    LoginFailure: {
      title: 'Inicios de sesión fallidos',
      summary:
        'Cada intento de inicio de sesión, registrado como fallo mientras la contraseña no sea correcta, para frenar los intentos de adivinar contraseñas por cuenta y por dirección de red.',
      retention:
        'Se cuentan solo durante una hora; las filas de más de una hora se borran en menos de diez minutos. Un inicio de sesión correcto, o un restablecimiento de contraseña, borra los fallos de la cuenta; eliminar tu cuenta borra los registrados con tu dirección de correo.',
      visibleTo: NOBODY,
      fields: {
        id: SEQUENCE_ID,
        scope: {
          what: 'Si cuenta contra una cuenta o contra una dirección de red.',
          why: 'Ambos se frenan, por separado.',
        },
        key: {
          what: 'La dirección de correo escrita (cuenta) o la dirección IP de la que vino el intento (dirección de red).',
          why: 'Para contar los intentos contra cada una.',
        },
        createdAt: { what: 'Cuándo se hizo el intento.', why: 'Solo cuenta la última hora.' },
      },
    },
    CollabDocument: {
      title: 'Textos en directo',
      summary:
        'El estado guardado de un texto escrito entre varios: una sección o el borrador de una enmienda. No contiene ningún identificador de miembro: quién escribió qué no se guarda.',
      retention: 'Tanto como su sección o enmienda; se borra con una sección que borren los moderadores.',
      visibleTo: 'Quien pueda leer esa sección o ese borrador.',
      fields: {
        name: { what: 'Qué texto: «section:» o «amendment:» seguido de su identificador.', why: 'Para encontrarlo.' },
        snapshot: {
          what: 'El texto y su estado de edición, en formato Yjs, sin identificador de miembro.',
          why: 'Los editores retoman el texto donde está, incluso sin conexión.',
        },
        snapshotSeq: { what: 'El último cambio integrado.', why: 'Ningún cambio se pierde ni se aplica dos veces.' },
        updatedAt: { what: UPDATED, why: DATES_WHY },
      },
    },
    CollabUpdate: {
      title: 'Cambios de los textos en directo',
      summary:
        'Cada cambio de un texto en directo, guardado antes de retransmitirse a los demás editores. Ningún identificador de miembro.',
      retention:
        'Hasta que se integra en el texto guardado: tras 200 cambios o 512 KB, cuando se va el último editor o cuando se detiene el servidor.',
      visibleTo: 'Quien pueda leer ese texto, del que forma parte.',
      fields: {
        id: SEQUENCE_ID,
        docName: { what: 'Qué texto en directo.', why: 'Para encontrarlo.' },
        data: {
          what: 'El cambio, en formato Yjs, sin identificador de miembro.',
          why: 'Nada de lo escrito se pierde si el servidor se detiene.',
        },
        createdAt: { what: CREATED, why: DATES_WHY },
      },
    },
    Installation: {
      title: 'Los ajustes de la instalación',
      summary:
        'Una fila: el nombre del movimiento, los idiomas que ofrece y si moderadores y administradores necesitan un segundo factor, fijados al configurar la instalación.',
      retention: 'Mientras exista la instalación.',
      visibleTo: 'Todo el mundo ve el nombre del movimiento y sus idiomas; el resto, nadie.',
      fields: {
        id: { what: 'Siempre 1: hay una sola fila.', why: 'Para mantener una sola fila.' },
        movementName: { what: 'El nombre del movimiento.', why: 'Para mostrarlo en la parte superior de cada página.' },
        locales: { what: 'Los idiomas ofrecidos a los miembros.', why: 'Para ofrecer solo esos.' },
        twoFactorRequired: {
          what: 'Si moderadores y administradores necesitan un segundo factor.',
          why: 'Para proteger las cuentas que pueden cambiar el programa y las votaciones.',
        },
        setupCompletedAt: {
          what: 'Cuándo se configuró la instalación.',
          why: 'Para no volver a mostrar nunca la página de configuración.',
        },
        updatedAt: { what: UPDATED, why: DATES_WHY },
      },
    },
  },
};
