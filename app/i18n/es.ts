import type { Messages } from './index.ts';

/** Spanish messages. */
export const es: Messages = {
  'nav.skip': 'Ir al contenido',
  'nav.label': 'Principal',
  'nav.programs': 'Programas',
  'nav.admin': 'Miembros',
  'nav.language': 'Idioma',
  'nav.languageApply': 'Cambiar',
  'nav.login': 'Iniciar sesión',
  'nav.logout': 'Cerrar sesión',
  'nav.signup': 'Unirse',
  'footer.privacy': 'Plenum no usa rastreadores ni servicios de terceros. Tus datos siguen siendo tuyos.',

  'home.title': 'Escribamos juntos el programa',
  'home.intro':
    'Los miembros coescriben el programa, proponen enmiendas, las debaten y las votan. ' +
    'Todo el mundo puede leer por qué está ahí cada frase.',
  'home.join': 'Únete al movimiento',
  'home.programs': 'Programas',
  'home.noPrograms': 'Todavía no hay ningún programa abierto para ti.',

  'phase.DRAFTING': 'Redacción',
  'phase.AMENDING': 'Enmiendas',
  'phase.VOTING': 'Votación',
  'phase.PUBLISHED': 'Publicado',
  'role.MEMBER': 'Miembro',
  'role.MODERATOR': 'Moderador',
  'role.ADMIN': 'Administrador',

  'program.phaseLabel': 'Fase:',
  'program.toc': 'Índice',
  'program.contents': 'Contenido',
  'program.chapter': 'Capítulo {n}',
  'program.canEdit': 'El borrador está abierto: los miembros lo escriben juntos.',
  'program.publicDraft': 'Este borrador es público: cualquiera puede leerlo mientras se escribe.',
  'section.updated': 'Última modificación',
  'section.around': 'Secciones anterior y siguiente',

  'fields.displayName': 'Nombre',
  'fields.email': 'Correo electrónico',
  'fields.password': 'Contraseña',
  'fields.passwordHint':
    'Al menos 10 caracteres. Unas cuantas palabras sin relación entre sí forman una contraseña segura.',
  'fields.newEmail': 'Nuevo correo electrónico',
  'fields.currentPassword': 'Contraseña actual',
  'fields.newPassword': 'Nueva contraseña',
  'fields.confirmPassword': 'Confirma la nueva contraseña',

  'errors.required': 'Este campo es obligatorio.',
  'errors.emailInvalid': 'Escribe un correo electrónico válido, como nombre@example.org.',
  'errors.nameTooShort': 'Tu nombre debe tener al menos 2 caracteres.',
  'errors.nameTooLong': 'Tu nombre puede tener como máximo 80 caracteres.',
  'errors.passwordTooShort': 'Usa al menos 10 caracteres.',
  'errors.passwordTooLong': 'Usa como máximo 1024 caracteres.',
  'errors.passwordsDiffer': 'Las dos contraseñas no coinciden.',
  'errors.roleInvalid': 'Elige uno de los roles.',
  'errors.reasonRequired': 'Indica el motivo (al menos 3 caracteres): queda guardado en el registro de auditoría.',
  'errors.reasonTooLong': 'El motivo puede tener como máximo 500 caracteres.',

  'signup.title': 'Únete a Plenum',
  'signup.intro': 'Los miembros coescriben el programa y lo votan. Solo pedimos lo necesario.',
  'signup.submit': 'Crear mi cuenta',
  'signup.haveAccount': '¿Ya eres miembro?',
  'signup.sent.title': 'Revisa tu bandeja de entrada',
  'signup.sent.body':
    'Te enviamos un mensaje a {email}. Sigue su enlace para confirmar tu dirección y luego inicia sesión. ' +
    'Puede tardar un minuto.',

  'login.title': 'Iniciar sesión',
  'login.submit': 'Iniciar sesión',
  'login.forgot': '¿Olvidaste tu contraseña?',
  'login.noAccount': '¿Todavía no eres miembro?',
  'login.invalid': 'Este correo y esta contraseña no corresponden a ninguna cuenta.',
  'login.unverified': 'Primero confirma tu correo electrónico: te enviamos un enlace nuevo.',
  'login.throttled': 'Demasiados intentos fallidos. Vuelve a intentarlo en {when}.',
  'time.seconds': '{n} s',
  'time.minutes': '{n} min',

  'verify.title': 'Confirma tu correo electrónico',
  'verify.intro': 'Un clic y tu dirección queda confirmada.',
  'verify.submit': 'Confirmar mi dirección',
  'verify.invalid': 'Este enlace ya no es válido o ya se usó. Inicia sesión para recibir uno nuevo.',
  'verify.taken': 'Otra cuenta ya usa esta dirección.',

  'forgot.title': 'Restablece tu contraseña',
  'forgot.intro':
    'Escribe tu correo electrónico: si pertenece a una cuenta, ' +
    'te enviaremos un enlace para elegir una nueva contraseña.',
  'forgot.submit': 'Enviar el enlace',
  'forgot.sent': 'Si esta dirección pertenece a una cuenta, el enlace ya va en camino. Es válido durante una hora.',
  'reset.title': 'Elige una nueva contraseña',
  'reset.submit': 'Guardar la nueva contraseña',
  'reset.invalid': 'Este enlace ya no es válido o ya se usó.',
  'reset.again': 'Pedir un enlace nuevo',

  'account.title': 'Tu cuenta',
  'account.signedInAs': 'Sesión iniciada como {email}',
  'account.name.title': 'Tu nombre',
  'account.save': 'Guardar',
  'account.email.title': 'Correo electrónico',
  'account.email.submit': 'Cambiar mi dirección',
  'account.email.sent': 'Sigue el enlace que enviamos a la nueva dirección para completar el cambio.',
  'account.email.same': 'Esta ya es tu dirección.',
  'account.password.title': 'Contraseña',
  'account.password.submit': 'Cambiar mi contraseña',
  'account.password.wrongCurrent': 'Tu contraseña actual no es correcta.',
  'account.devices.title': 'Dispositivos',
  'account.devices.count': 'Dispositivos con sesión iniciada: {n}.',
  'account.devices.logoutOthers': 'Cerrar sesión en todos los demás dispositivos',

  'account.devices.logoutAll': 'Cerrar sesión en todos los dispositivos, este incluido',
  'admin.members.title': 'Miembros',
  'admin.members.search': 'Buscar por nombre o correo electrónico',
  'admin.members.searchSubmit': 'Buscar',
  'admin.members.count': '{n} miembros',
  'admin.members.joined': 'Miembro desde',
  'admin.members.lastActive': 'Última actividad',
  'admin.members.role': 'Rol',
  'admin.members.roleFor': 'Rol de {name}',
  'admin.members.reasonFor': 'Motivo del cambio de rol de {name}',
  'admin.members.reason': 'Motivo',
  'admin.members.change': 'Cambiar rol',
  'admin.members.unverified': 'sin confirmar',
  'admin.members.notFound': 'Este miembro ya no existe.',
  'admin.members.pages': 'Páginas',
  'admin.roleChanges.title': 'Últimos cambios de rol',
  'admin.roleChanges.none': 'Todavía no se ha cambiado ningún rol.',
  'admin.roleChanges.entry': '{actor} cambió a {target} de {from} a {to}:',
  'admin.roleChanges.system': 'la línea de comandos',
  'pager.previous': 'Anterior',
  'pager.next': 'Siguiente',
  'pager.position': 'Página {page} de {pageCount}',

  'flash.loggedOut': 'Sesión cerrada.',
  'flash.loggedOutOthers': 'Se cerró la sesión en todos tus demás dispositivos.',
  'flash.loggedOutAll': 'Se cerró la sesión en todos tus dispositivos.',
  'flash.nameChanged': 'Tu nombre se actualizó.',
  'flash.passwordChanged': 'Tu contraseña se cambió. Se cerró la sesión en tus otros dispositivos.',
  'flash.passwordReset': 'Tu contraseña se cambió. Ya puedes iniciar sesión con ella.',
  'flash.emailConfirmed': 'Tu correo electrónico está confirmado.',
  'flash.emailConfirmedLogIn': 'Tu correo electrónico está confirmado. Ya puedes iniciar sesión.',
  'flash.roleChanged': 'El rol se cambió y quedó guardado en el registro de auditoría.',

  'error.notFound.title': 'Página no encontrada',
  'error.notFound.body':
    'Esta dirección no lleva a ninguna parte. Puede que la página se haya movido o que el enlace esté mal escrito.',
  'error.forbidden.title': 'Acceso no permitido',
  'error.forbidden.body': 'Tu cuenta no da acceso a esta página.',
  'error.badRequest.title': 'No se pudo procesar esta solicitud',
  'error.badRequest.body': 'Algo en ella no era como se esperaba. Vuelve atrás e inténtalo de nuevo.',
  'error.unexpected.title': 'Algo salió mal',
  'error.unexpected.body':
    'El error quedó registrado. Si vuelve a ocurrir, avisa a los moderadores y dales esta referencia.',
  'error.reference': 'Referencia:',
  'error.backHome': 'Volver a la página de inicio',

  'mail.verify.subject': 'Confirma tu correo electrónico en Plenum',
  'mail.verify.body':
    'Hola:\n\nPara confirmar esta dirección en tu cuenta de Plenum, abre este enlace (válido durante 48 horas):\n\n' +
    '{link}\n\nSi no lo pediste, ignora este mensaje.',
  'mail.exists.subject': 'Alguien intentó crear una cuenta con tu dirección',
  'mail.exists.body':
    'Hola:\n\nAlguien intentó crear una cuenta de Plenum con esta dirección, que ya tiene una. ' +
    'Si fuiste tú, inicia sesión o elige una nueva contraseña aquí:\n\n{link}\n\n' +
    'Si no, ignora este mensaje.',
  'mail.reset.subject': 'Elige una nueva contraseña de Plenum',
  'mail.reset.body':
    'Hola:\n\nPara elegir una nueva contraseña, abre este enlace (válido durante una hora):\n\n{link}\n\n' +
    'Si no lo pediste, ignora este mensaje: tu contraseña seguirá siendo la misma.',
  'mail.emailChange.subject': 'La dirección de tu cuenta de Plenum está a punto de cambiar',
  'mail.emailChange.body':
    'Hola:\n\nSe pidió cambiar la dirección de tu cuenta a {email}. ' +
    'El cambio solo se hará efectivo cuando se confirme la nueva dirección. ' +
    'Si no fuiste tú, cambia tu contraseña ahora mismo.',
  'settings.title': 'Ajustes del programa',
  'settings.link': 'Fase y apertura',
  'settings.phase': 'Fase',
  'settings.draftIsPublic': 'Cualquier persona, incluso sin cuenta, puede leer el borrador en curso',
  'settings.reason': 'Motivo',
  'settings.reasonHint': 'Se guarda en el registro de auditoría, con tu nombre.',
  'settings.submit': 'Guardar los ajustes',
  'flash.programSettingsChanged': 'Los ajustes del programa se cambiaron y quedaron en el registro de auditoría.',
  'errors.phaseInvalid': 'Elige una de las fases.',
  'errors.controlCharacters': 'Quita los caracteres de control invisibles de este texto.',
};
