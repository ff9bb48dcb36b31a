// The generated client's browser entry: the same `Prisma.ModelName` and `Prisma.<Model>ScalarFieldEnum` as
// client.ts (the unit test checks they match), without the Node runtime, which must not reach the browser's bundle
// of the /privacy route (esbuild resolves every import of a route before it drops the loader's).
import { Prisma } from '~/generated/prisma/browser.ts';
import type { Locale } from '~/i18n/index.ts';

/**
 * What Plenum stores, why and for how long, for every table and every column of the data model (issue 7): the
 * source of the public /privacy page. The models and their columns come from the generated Prisma client, so the
 * page cannot drift from the database: a column added to prisma/schema.prisma without a description here fails
 * the type check (the `fields` of each model must name exactly its scalar fields) and the unit test
 * (`undescribedFields()` must be empty). Facts stated here are those of the code: app/modules/members/
 * deletion.server.ts (what deletion erases and keeps), sessions.server.ts, accounts.server.ts (links),
 * throttle.server.ts, and docs/decisions/0014-secret-verifiable-ballots.md (ballots).
 */

/** A sentence in each of Plenum's languages (French says "vous", Spanish "tú"). */
export type Text = Readonly<Record<Locale, string>>;

/**
 * Whether a field is personal data: `yes` it identifies a member or says something about them or what they did;
 * `pseudonymous` an opaque id or a keyed hash that points to a member without naming them; `no` about nobody.
 */
export type Personal = 'yes' | 'pseudonymous' | 'no';

/** The sections of the page, in the order a reader meets them. */
export const GROUP_IDS = ['account', 'contributions', 'groups', 'votes', 'program', 'moderation', 'technical'] as const;
export type GroupId = (typeof GROUP_IDS)[number];

interface FieldDescription {
  what: Text;
  why: Text;
  personal: Personal;
  /** How long, when it differs from the model's. */
  retention?: Text;
  /** Who can see it, when it differs from the model's. */
  visibleTo?: Text;
}

interface ModelDescription<F extends string> {
  group: GroupId;
  title: Text;
  summary: Text;
  retention: Text;
  visibleTo: Text;
  fields: Record<F, FieldDescription>;
}

type ModelName = Prisma.ModelName;
/** The scalar columns of a model, as the generated client names them. */
type FieldsOf<M extends ModelName> = keyof (typeof Prisma)[`${M}ScalarFieldEnum` & keyof typeof Prisma] & string;
type Inventory = { [M in ModelName]: ModelDescription<FieldsOf<M>> };

// Sentences several tables share.
const ROW_ID: FieldDescription = {
  what: {
    en: 'A random identifier of the row.',
    fr: 'Un identifiant aléatoire de la ligne.',
    es: 'Un identificador aleatorio de la fila.',
  },
  why: {
    en: 'To refer to it from other tables and in addresses.',
    fr: 'Pour y renvoyer depuis d’autres tables et dans les adresses.',
    es: 'Para referirse a ella desde otras tablas y en las direcciones.',
  },
  personal: 'no',
};
const SEQUENCE_ID: FieldDescription = {
  what: { en: 'A sequence number.', fr: 'Un numéro d’ordre.', es: 'Un número de orden.' },
  why: {
    en: 'To identify the row and keep the order in which rows were written.',
    fr: 'Pour identifier la ligne et garder l’ordre dans lequel les lignes ont été écrites.',
    es: 'Para identificar la fila y conservar el orden en que se escribieron las filas.',
  },
  personal: 'no',
};
const CREATED: Text = {
  en: 'When the row was created.',
  fr: 'Quand la ligne a été créée.',
  es: 'Cuándo se creó la fila.',
};
const UPDATED: Text = {
  en: 'When the row was last changed.',
  fr: 'Quand la ligne a été modifiée pour la dernière fois.',
  es: 'Cuándo se modificó la fila por última vez.',
};
const DATES_WHY: Text = {
  en: 'To show it and to keep the history in order.',
  fr: 'Pour l’afficher et garder l’historique dans l’ordre.',
  es: 'Para mostrarla y mantener el historial en orden.',
};
const PROGRAM_REF: FieldDescription = {
  what: {
    en: 'The program it belongs to.',
    fr: 'Le programme auquel elle appartient.',
    es: 'El programa al que pertenece.',
  },
  why: {
    en: 'To find it within its program.',
    fr: 'Pour la retrouver dans son programme.',
    es: 'Para encontrarla dentro de su programa.',
  },
  personal: 'no',
};
const AMENDMENT_REF: FieldDescription = {
  what: { en: 'The amendment it is about.', fr: 'L’amendement concerné.', es: 'La enmienda a la que se refiere.' },
  why: { en: 'To link the two.', fr: 'Pour relier les deux.', es: 'Para vincular ambas.' },
  personal: 'no',
};
const ROUND_REF: FieldDescription = {
  what: {
    en: 'The voting round it belongs to.',
    fr: 'Le scrutin auquel elle appartient.',
    es: 'La votación a la que pertenece.',
  },
  why: {
    en: 'To find it within its round.',
    fr: 'Pour la retrouver dans son scrutin.',
    es: 'Para encontrarla dentro de su votación.',
  },
  personal: 'no',
};
const MEMBER_REF = (what: Text, why: Text): FieldDescription => ({ what, why, personal: 'pseudonymous' });
const NOT_SHOWN: Text = {
  en: 'Not shown on any page.',
  fr: 'Affiché sur aucune page.',
  es: 'No se muestra en ninguna página.',
};
const PROGRAM_READERS: Text = {
  en: 'Whoever may read the program: everyone when its draft is public or once it is published, otherwise its members.',
  fr: 'Quiconque peut lire le programme : tout le monde quand son brouillon est public ou une fois publié, sinon ses membres.',
  es: 'Quien pueda leer el programa: todo el mundo cuando su borrador es público o una vez publicado; si no, sus miembros.',
};
const PROGRAM_LIFETIME: Text = {
  en: 'As long as the movement keeps the program: it is part of the program’s history.',
  fr: 'Tant que le mouvement conserve le programme : cela fait partie de son histoire.',
  es: 'Mientras el movimiento conserve el programa: forma parte de su historia.',
};
const FOREVER_PUBLIC: Text = {
  en: 'Forever: a published version is never changed.',
  fr: 'Pour toujours : une version publiée n’est jamais modifiée.',
  es: 'Para siempre: una versión publicada nunca se modifica.',
};
const EVERYONE: Text = { en: 'Everyone.', fr: 'Tout le monde.', es: 'Todo el mundo.' };
const ONLY_YOU: Text = { en: 'Only you.', fr: 'Vous seul·e.', es: 'Solo tú.' };
const NOBODY: Text = {
  en: 'Nobody: no page shows it.',
  fr: 'Personne : aucune page ne l’affiche.',
  es: 'Nadie: ninguna página lo muestra.',
};

const INVENTORY: Inventory = {
  // ───────────────────────────── Your account ─────────────────────────────
  Member: {
    group: 'account',
    title: { en: 'Your account’s details', fr: 'Les données de votre compte', es: 'Los datos de tu cuenta' },
    summary: {
      en: 'One row per person with an account.',
      fr: 'Une ligne par personne ayant un compte.',
      es: 'Una fila por persona con cuenta.',
    },
    retention: {
      en: 'Until you delete your account. Then every personal field is erased at once; the row stays as an empty tombstone (its id and dates), so that what you contributed is signed “former member” and every count stays right.',
      fr: 'Jusqu’à ce que vous supprimiez votre compte. Chaque champ personnel est alors effacé aussitôt ; la ligne reste, vide (son identifiant et ses dates), pour que vos contributions soient signées « ancien membre » et que tous les décomptes restent justes.',
      es: 'Hasta que elimines tu cuenta. Entonces cada campo personal se borra al instante; la fila queda vacía (su identificador y sus fechas), para que tus contribuciones aparezcan firmadas «antiguo miembro» y todos los recuentos sigan siendo correctos.',
    },
    visibleTo: {
      en: 'You, and the administrators of this instance.',
      fr: 'Vous, et les administrateurs de cette instance.',
      es: 'Tú y los administradores de esta instancia.',
    },
    fields: {
      id: {
        what: {
          en: 'A random identifier of your account.',
          fr: 'Un identifiant aléatoire de votre compte.',
          es: 'Un identificador aleatorio de tu cuenta.',
        },
        why: {
          en: 'It ties your sessions and contributions to your account, and says nothing about you.',
          fr: 'Il relie vos sessions et vos contributions à votre compte, et ne dit rien de vous.',
          es: 'Vincula tus sesiones y contribuciones a tu cuenta, y no dice nada de ti.',
        },
        personal: 'pseudonymous',
        retention: {
          en: 'Kept on the tombstone after deletion, where it names no one.',
          fr: 'Conservé sur la ligne vide après la suppression, où il ne désigne plus personne.',
          es: 'Se conserva en la fila vacía tras la eliminación, donde ya no designa a nadie.',
        },
        visibleTo: {
          en: 'Used inside pages’ data; on its own it reveals nothing.',
          fr: 'Utilisé dans les données des pages ; seul, il ne révèle rien.',
          es: 'Se usa en los datos de las páginas; por sí solo no revela nada.',
        },
      },
      email: {
        what: {
          en: 'Your email address, stored in lower case.',
          fr: 'Votre adresse e-mail, enregistrée en minuscules.',
          es: 'Tu dirección de correo, guardada en minúsculas.',
        },
        why: {
          en: 'To sign you in, and to mail you the links that confirm your address or reset your password, and the digest if you ask for it.',
          fr: 'Pour vous connecter, vous envoyer les liens qui confirment votre adresse ou réinitialisent votre mot de passe, et le récapitulatif si vous le demandez.',
          es: 'Para iniciar tu sesión y enviarte los enlaces que confirman tu dirección o restablecen tu contraseña, y el resumen si lo pides.',
        },
        personal: 'yes',
        retention: {
          en: 'Until you change it or delete your account (it is then replaced by a meaningless placeholder).',
          fr: 'Jusqu’à ce que vous la changiez ou supprimiez votre compte (elle est alors remplacée par une valeur sans signification).',
          es: 'Hasta que la cambies o elimines tu cuenta (entonces se sustituye por un valor sin significado).',
        },
      },
      displayName: {
        what: { en: 'The name you chose.', fr: 'Le nom que vous avez choisi.', es: 'El nombre que elegiste.' },
        why: {
          en: 'It signs your amendments and comments, and lets co-authors find you.',
          fr: 'Il signe vos amendements et vos commentaires, et permet à des coauteurs de vous trouver.',
          es: 'Firma tus enmiendas y comentarios, y permite que los coautores te encuentren.',
        },
        personal: 'yes',
        retention: {
          en: 'Until you change it or delete your account; your contributions then read “former member”.',
          fr: 'Jusqu’à ce que vous le changiez ou supprimiez votre compte ; vos contributions indiquent alors « ancien membre ».',
          es: 'Hasta que lo cambies o elimines tu cuenta; tus contribuciones indican entonces «antiguo miembro».',
        },
        visibleTo: {
          en: 'Everyone who can read your contributions (the public when the program is public).',
          fr: 'Quiconque peut lire vos contributions (le public quand le programme est public).',
          es: 'Quien pueda leer tus contribuciones (el público cuando el programa es público).',
        },
      },
      passwordHash: {
        what: {
          en: 'An Argon2id hash of your password; the password itself is never stored.',
          fr: 'Une empreinte Argon2id de votre mot de passe ; le mot de passe lui-même n’est jamais enregistré.',
          es: 'Un hash Argon2id de tu contraseña; la contraseña en sí nunca se guarda.',
        },
        why: {
          en: 'To check your password when you sign in.',
          fr: 'Pour vérifier votre mot de passe quand vous vous connectez.',
          es: 'Para comprobar tu contraseña cuando inicias sesión.',
        },
        personal: 'yes',
        retention: {
          en: 'Until you change your password or delete your account.',
          fr: 'Jusqu’à ce que vous changiez de mot de passe ou supprimiez votre compte.',
          es: 'Hasta que cambies tu contraseña o elimines tu cuenta.',
        },
        visibleTo: {
          en: 'Nobody: no page shows it and your export leaves it out.',
          fr: 'Personne : aucune page ne l’affiche et votre export l’omet.',
          es: 'Nadie: ninguna página lo muestra y tu exportación lo omite.',
        },
      },
      role: {
        what: {
          en: 'Member, moderator or administrator.',
          fr: 'Membre, modérateur ou administrateur.',
          es: 'Miembro, moderador o administrador.',
        },
        why: {
          en: 'It decides what you may do.',
          fr: 'Il décide de ce que vous pouvez faire.',
          es: 'Decide lo que puedes hacer.',
        },
        personal: 'yes',
      },
      emailVerifiedAt: {
        what: {
          en: 'When you confirmed your address.',
          fr: 'Quand vous avez confirmé votre adresse.',
          es: 'Cuándo confirmaste tu dirección.',
        },
        why: {
          en: 'Only members with a confirmed address are in the census of a vote.',
          fr: 'Seuls les membres à l’adresse confirmée figurent dans le recensement d’un scrutin.',
          es: 'Solo los miembros con dirección confirmada forman parte del censo de una votación.',
        },
        personal: 'yes',
      },
      locale: {
        what: {
          en: 'Your language: French, English or Spanish.',
          fr: 'Votre langue : français, anglais ou espagnol.',
          es: 'Tu idioma: francés, inglés o español.',
        },
        why: {
          en: 'Pages and mails in your language, on every device.',
          fr: 'Des pages et des e-mails dans votre langue, sur chaque appareil.',
          es: 'Páginas y correos en tu idioma, en cada dispositivo.',
        },
        personal: 'yes',
        visibleTo: ONLY_YOU,
      },
      createdAt: {
        what: { en: 'When you joined.', fr: 'Quand vous avez adhéré.', es: 'Cuándo te uniste.' },
        why: {
          en: 'The census of a vote includes the members who joined before a date the round sets.',
          fr: 'Le recensement d’un scrutin comprend les membres inscrits avant une date fixée par le scrutin.',
          es: 'El censo de una votación incluye a los miembros que se unieron antes de una fecha fijada por la votación.',
        },
        personal: 'yes',
        retention: {
          en: 'Kept on the tombstone after deletion.',
          fr: 'Conservé sur la ligne vide après la suppression.',
          es: 'Se conserva en la fila vacía tras la eliminación.',
        },
      },
      lastActiveAt: {
        what: {
          en: 'When you last used Plenum while signed in (noted at most once a minute).',
          fr: 'Quand vous avez utilisé Plenum connecté·e pour la dernière fois (noté au plus une fois par minute).',
          es: 'Cuándo usaste Plenum con la sesión iniciada por última vez (anotado como mucho una vez por minuto).',
        },
        why: {
          en: 'To count active members: a support threshold may be a share of the members active in recent days, and the participation page says how many are active.',
          fr: 'Pour compter les membres actifs : un seuil de soutiens peut être une part des membres actifs ces derniers jours, et la page de participation indique combien le sont.',
          es: 'Para contar a los miembros activos: un umbral de apoyos puede ser una parte de los miembros activos en los últimos días, y la página de participación indica cuántos lo son.',
        },
        personal: 'yes',
      },
      emailDigest: {
        what: {
          en: 'Whether you asked for the email digest of your notifications (off unless you turn it on).',
          fr: 'Si vous avez demandé le récapitulatif de vos notifications par e-mail (désactivé tant que vous ne l’activez pas).',
          es: 'Si pediste el resumen de tus notificaciones por correo (desactivado mientras no lo actives).',
        },
        why: {
          en: 'Nothing is mailed to you beyond what you asked for.',
          fr: 'Rien ne vous est envoyé au-delà de ce que vous avez demandé.',
          es: 'No se te envía nada más allá de lo que pediste.',
        },
        personal: 'yes',
        visibleTo: ONLY_YOU,
      },
      digestKey: {
        what: {
          en: 'The secret in the digest’s one-click unsubscribe link, new each time you opt in.',
          fr: 'Le secret du lien de désinscription en un clic du récapitulatif, nouveau à chaque activation.',
          es: 'El secreto del enlace para darte de baja del resumen con un clic, nuevo cada vez que lo activas.',
        },
        why: {
          en: 'So that the link in a mail turns the digest off without signing in, and only yours.',
          fr: 'Pour que le lien d’un e-mail désactive le récapitulatif sans connexion, et seulement le vôtre.',
          es: 'Para que el enlace de un correo desactive el resumen sin iniciar sesión, y solo el tuyo.',
        },
        personal: 'pseudonymous',
        retention: {
          en: 'Until you turn the digest off.',
          fr: 'Jusqu’à ce que vous désactiviez le récapitulatif.',
          es: 'Hasta que desactives el resumen.',
        },
        visibleTo: {
          en: 'Nobody on the site: it is only in the links mailed to you.',
          fr: 'Personne sur le site : il n’existe que dans les liens qui vous sont envoyés.',
          es: 'Nadie en el sitio: solo está en los enlaces que se te envían.',
        },
      },
      digestSentAt: {
        what: {
          en: 'When the last digest was mailed to you.',
          fr: 'Quand le dernier récapitulatif vous a été envoyé.',
          es: 'Cuándo se te envió el último resumen.',
        },
        why: {
          en: 'At most one digest a day.',
          fr: 'Au plus un récapitulatif par jour.',
          es: 'Como mucho un resumen al día.',
        },
        personal: 'yes',
        visibleTo: NOBODY,
      },
      area: {
        what: {
          en: 'Optional: a town or a postcode, as you write it.',
          fr: 'Facultatif : une ville ou un code postal, tel que vous l’écrivez.',
          es: 'Opcional: una ciudad o un código postal, tal como lo escribes.',
        },
        why: {
          en: 'To suggest local groups near you.',
          fr: 'Pour vous suggérer des groupes locaux proches.',
          es: 'Para sugerirte grupos locales cercanos.',
        },
        personal: 'yes',
        visibleTo: ONLY_YOU,
      },
      voteAnnouncements: {
        what: {
          en: 'Whether you asked for an email when a vote you can take part in opens (off unless you turn it on).',
          fr: 'Si vous avez demandé un e-mail à l’ouverture d’un vote auquel vous pouvez participer (désactivé tant que vous ne l’activez pas).',
          es: 'Si pediste un correo cuando se abre una votación en la que puedes participar (desactivado mientras no lo actives).',
        },
        why: {
          en: 'Nothing is mailed to you beyond what you asked for.',
          fr: 'Rien ne vous est envoyé au-delà de ce que vous avez demandé.',
          es: 'No se te envía nada más allá de lo que pediste.',
        },
        personal: 'yes',
        visibleTo: ONLY_YOU,
      },
      announceKey: {
        what: {
          en: 'The secret in that email’s one-click unsubscribe link, new each time you opt in.',
          fr: 'Le secret du lien de désinscription en un clic de cet e-mail, nouveau à chaque activation.',
          es: 'El secreto del enlace para darte de baja de ese correo con un clic, nuevo cada vez que lo activas.',
        },
        why: {
          en: 'So that the link in a mail turns these emails off without signing in, and only yours.',
          fr: 'Pour que le lien d’un e-mail désactive ces envois sans connexion, et seulement les vôtres.',
          es: 'Para que el enlace de un correo desactive estos envíos sin iniciar sesión, y solo los tuyos.',
        },
        personal: 'pseudonymous',
        retention: {
          en: 'Until you turn these emails off.',
          fr: 'Jusqu’à ce que vous désactiviez ces e-mails.',
          es: 'Hasta que desactives estos correos.',
        },
        visibleTo: {
          en: 'Nobody on the site: it is only in the links mailed to you.',
          fr: 'Personne sur le site : il n’existe que dans les liens qui vous sont envoyés.',
          es: 'Nadie en el sitio: solo está en los enlaces que se te envían.',
        },
      },
      suspendedAt: {
        what: {
          en: 'When an administrator suspended the account, if ever.',
          fr: 'Quand un administrateur a suspendu le compte, le cas échéant.',
          es: 'Cuándo un administrador suspendió la cuenta, si lo hizo.',
        },
        why: {
          en: 'A suspended member takes part in nothing, but may still export or delete their data.',
          fr: 'Un membre suspendu ne participe plus à rien, mais peut toujours exporter ou supprimer ses données.',
          es: 'Un miembro suspendido no participa en nada, pero sigue pudiendo exportar o eliminar sus datos.',
        },
        personal: 'yes',
        retention: {
          en: 'Until the suspension is lifted; kept on the tombstone after deletion.',
          fr: 'Jusqu’à la levée de la suspension ; conservé sur la ligne vide après la suppression.',
          es: 'Hasta que se levante la suspensión; se conserva en la fila vacía tras la eliminación.',
        },
      },
      suspendedReason: {
        what: {
          en: 'Why the account was suspended, in the administrator’s words.',
          fr: 'Pourquoi le compte a été suspendu, dans les mots de l’administrateur.',
          es: 'Por qué se suspendió la cuenta, en palabras del administrador.',
        },
        why: {
          en: 'So that you know why, as the administrators do.',
          fr: 'Pour que vous sachiez pourquoi, comme les administrateurs.',
          es: 'Para que sepas por qué, igual que los administradores.',
        },
        personal: 'yes',
        retention: {
          en: 'Until the suspension is lifted or you delete your account; the audit trail keeps the reason given at the time, under an opaque id.',
          fr: 'Jusqu’à la levée de la suspension ou la suppression de votre compte ; le journal d’audit garde le motif donné alors, sous un identifiant opaque.',
          es: 'Hasta que se levante la suspensión o elimines tu cuenta; el registro de auditoría conserva el motivo dado entonces, bajo un identificador opaco.',
        },
      },
      deletedAt: {
        what: {
          en: 'When the account was deleted.',
          fr: 'Quand le compte a été supprimé.',
          es: 'Cuándo se eliminó la cuenta.',
        },
        why: {
          en: 'It marks the tombstone: nobody can sign in to it, and its contributions read “former member”.',
          fr: 'Elle marque la ligne vide : personne ne peut s’y connecter, et ses contributions indiquent « ancien membre ».',
          es: 'Marca la fila vacía: nadie puede iniciar sesión en ella, y sus contribuciones indican «antiguo miembro».',
        },
        personal: 'no',
        retention: {
          en: 'Forever, with the tombstone.',
          fr: 'Pour toujours, avec la ligne vide.',
          es: 'Para siempre, con la fila vacía.',
        },
      },
    },
  },

  Session: {
    group: 'account',
    title: { en: 'Signed-in devices', fr: 'Appareils connectés', es: 'Dispositivos con sesión iniciada' },
    summary: {
      en: 'One row per browser in which you are signed in.',
      fr: 'Une ligne par navigateur dans lequel vous êtes connecté·e.',
      es: 'Una fila por navegador en el que tienes la sesión iniciada.',
    },
    retention: {
      en: 'A session lasts 30 days and is extended while you use it; unused for 14 days, it is closed. The row is deleted when you log out, log out your other devices, change or reset your password, or delete your account; a session that expired or went unused is deleted within ten minutes.',
      fr: 'Une session dure 30 jours et se prolonge tant que vous l’utilisez ; inutilisée pendant 14 jours, elle est fermée. La ligne est supprimée quand vous vous déconnectez, déconnectez vos autres appareils, changez ou réinitialisez votre mot de passe, ou supprimez votre compte ; une session expirée ou inutilisée est supprimée dans les dix minutes.',
      es: 'Una sesión dura 30 días y se prolonga mientras la usas; sin usar durante 14 días, se cierra. La fila se borra cuando cierras sesión, cierras la sesión de tus otros dispositivos, cambias o restableces tu contraseña, o eliminas tu cuenta; una sesión caducada o sin usar se borra en menos de diez minutos.',
    },
    visibleTo: {
      en: 'You: your account page counts your devices, and your export lists them.',
      fr: 'Vous : votre page de compte compte vos appareils, et votre export les liste.',
      es: 'Tú: tu página de cuenta cuenta tus dispositivos y tu exportación los enumera.',
    },
    fields: {
      id: {
        what: {
          en: 'The SHA-256 hash of the random token in your session cookie; the token itself is never stored.',
          fr: 'L’empreinte SHA-256 du jeton aléatoire de votre cookie de session ; le jeton lui-même n’est jamais enregistré.',
          es: 'El hash SHA-256 del token aleatorio de tu cookie de sesión; el token en sí nunca se guarda.',
        },
        why: {
          en: 'To recognise your browser without storing anything that would let someone with the database sign in as you.',
          fr: 'Pour reconnaître votre navigateur sans rien enregistrer qui permettrait à qui détient la base de se connecter à votre place.',
          es: 'Para reconocer tu navegador sin guardar nada que permita a quien tenga la base de datos iniciar sesión en tu lugar.',
        },
        personal: 'pseudonymous',
        visibleTo: NOBODY,
      },
      memberId: MEMBER_REF(
        { en: 'Whose session it is.', fr: 'À qui appartient la session.', es: 'De quién es la sesión.' },
        {
          en: 'To know who is signed in.',
          fr: 'Pour savoir qui est connecté.',
          es: 'Para saber quién ha iniciado sesión.',
        },
      ),
      createdAt: {
        what: {
          en: 'When you signed in on this device.',
          fr: 'Quand vous vous êtes connecté·e sur cet appareil.',
          es: 'Cuándo iniciaste sesión en este dispositivo.',
        },
        why: {
          en: 'So that you can spot a device you do not know.',
          fr: 'Pour que vous repériez un appareil que vous ne connaissez pas.',
          es: 'Para que detectes un dispositivo que no conoces.',
        },
        personal: 'yes',
      },
      expiresAt: {
        what: {
          en: 'When the session ends unless it is used again.',
          fr: 'Quand la session prend fin si elle n’est pas réutilisée.',
          es: 'Cuándo termina la sesión si no se vuelve a usar.',
        },
        why: {
          en: 'Sessions expire: 30 days, extended while you use them.',
          fr: 'Les sessions expirent : 30 jours, prolongés tant que vous les utilisez.',
          es: 'Las sesiones caducan: 30 días, prolongados mientras las usas.',
        },
        personal: 'yes',
      },
      lastUsedAt: {
        what: {
          en: 'When the session was last used (noted at most once a minute).',
          fr: 'Quand la session a servi pour la dernière fois (noté au plus une fois par minute).',
          es: 'Cuándo se usó la sesión por última vez (anotado como mucho una vez por minuto).',
        },
        why: {
          en: 'To close sessions unused for 14 days.',
          fr: 'Pour fermer les sessions inutilisées depuis 14 jours.',
          es: 'Para cerrar las sesiones sin usar desde hace 14 días.',
        },
        personal: 'yes',
      },
      userAgent: {
        what: {
          en: 'How your browser describes itself (browser and system), cut to 300 characters.',
          fr: 'La façon dont votre navigateur se décrit (navigateur et système), coupée à 300 caractères.',
          es: 'Cómo se describe tu navegador (navegador y sistema), recortado a 300 caracteres.',
        },
        why: {
          en: 'So that you can tell your devices apart in your export.',
          fr: 'Pour que vous distinguiez vos appareils dans votre export.',
          es: 'Para que distingas tus dispositivos en tu exportación.',
        },
        personal: 'yes',
      },
    },
  },

  EmailToken: {
    group: 'account',
    title: { en: 'Links sent by email', fr: 'Liens envoyés par e-mail', es: 'Enlaces enviados por correo' },
    summary: {
      en: 'One row per link mailed to you to confirm an address or to reset your password.',
      fr: 'Une ligne par lien envoyé pour confirmer une adresse ou réinitialiser votre mot de passe.',
      es: 'Una fila por enlace enviado para confirmar una dirección o restablecer tu contraseña.',
    },
    retention: {
      en: 'A confirmation link works for 48 hours, a reset link for 1 hour, each only once. The row is deleted a day after the link was used or expired (meanwhile it also limits links to 5 of a kind an hour).',
      fr: 'Un lien de confirmation fonctionne 48 heures, un lien de réinitialisation 1 heure, chacun une seule fois. La ligne est supprimée un jour après l’usage ou l’expiration du lien (entre-temps, elle limite aussi les liens à 5 de chaque sorte par heure).',
      es: 'Un enlace de confirmación funciona 48 horas y uno de restablecimiento 1 hora, cada uno una sola vez. La fila se borra un día después de usarse o caducar el enlace (mientras tanto también limita los enlaces a 5 de cada tipo por hora).',
    },
    visibleTo: {
      en: 'Nobody: no page shows these rows, and only the hash of each link’s secret is stored.',
      fr: 'Personne : aucune page n’affiche ces lignes, et seule l’empreinte du secret de chaque lien est enregistrée.',
      es: 'Nadie: ninguna página muestra estas filas, y solo se guarda el hash del secreto de cada enlace.',
    },
    fields: {
      id: {
        what: {
          en: 'The SHA-256 hash of the secret in the link; the secret itself is only in the mail.',
          fr: 'L’empreinte SHA-256 du secret du lien ; le secret lui-même n’est que dans l’e-mail.',
          es: 'El hash SHA-256 del secreto del enlace; el secreto en sí solo está en el correo.',
        },
        why: {
          en: 'To check a link when it is followed, without storing anything that would work as a link.',
          fr: 'Pour vérifier un lien quand il est suivi, sans rien enregistrer qui puisse servir de lien.',
          es: 'Para comprobar un enlace cuando se sigue, sin guardar nada que pueda servir de enlace.',
        },
        personal: 'pseudonymous',
      },
      memberId: MEMBER_REF(
        { en: 'Whose link it is.', fr: 'À qui appartient le lien.', es: 'De quién es el enlace.' },
        {
          en: 'To act on the right account when it is followed.',
          fr: 'Pour agir sur le bon compte quand il est suivi.',
          es: 'Para actuar sobre la cuenta correcta cuando se sigue.',
        },
      ),
      purpose: {
        what: {
          en: 'Confirm an address, or reset a password.',
          fr: 'Confirmer une adresse, ou réinitialiser un mot de passe.',
          es: 'Confirmar una dirección o restablecer una contraseña.',
        },
        why: {
          en: 'A link does only what it was sent for.',
          fr: 'Un lien ne fait que ce pour quoi il a été envoyé.',
          es: 'Un enlace solo hace aquello para lo que se envió.',
        },
        personal: 'yes',
      },
      email: {
        what: {
          en: 'The address the link was sent to (the new one, when you change your address).',
          fr: 'L’adresse à laquelle le lien a été envoyé (la nouvelle, quand vous changez d’adresse).',
          es: 'La dirección a la que se envió el enlace (la nueva, cuando cambias de dirección).',
        },
        why: {
          en: 'An address becomes yours only when a link sent to it is followed.',
          fr: 'Une adresse ne devient la vôtre que lorsqu’un lien qui lui a été envoyé est suivi.',
          es: 'Una dirección solo pasa a ser tuya cuando se sigue un enlace enviado a ella.',
        },
        personal: 'yes',
      },
      expiresAt: {
        what: {
          en: 'When the link stops working: 48 hours to confirm an address, 1 hour to reset a password.',
          fr: 'Quand le lien cesse de fonctionner : 48 heures pour confirmer une adresse, 1 heure pour réinitialiser un mot de passe.',
          es: 'Cuándo deja de funcionar el enlace: 48 horas para confirmar una dirección, 1 hora para restablecer una contraseña.',
        },
        why: {
          en: 'Old links must not work.',
          fr: 'Les vieux liens ne doivent pas fonctionner.',
          es: 'Los enlaces antiguos no deben funcionar.',
        },
        personal: 'yes',
      },
      usedAt: {
        what: {
          en: 'When the link was used, or cancelled (changing your password cancels pending links).',
          fr: 'Quand le lien a été utilisé, ou annulé (changer de mot de passe annule les liens en attente).',
          es: 'Cuándo se usó el enlace, o se anuló (cambiar la contraseña anula los enlaces pendientes).',
        },
        why: { en: 'A link works once.', fr: 'Un lien ne sert qu’une fois.', es: 'Un enlace solo sirve una vez.' },
        personal: 'yes',
      },
      createdAt: {
        what: { en: 'When the link was sent.', fr: 'Quand le lien a été envoyé.', es: 'Cuándo se envió el enlace.' },
        why: {
          en: 'At most 5 links of each kind an hour.',
          fr: 'Au plus 5 liens de chaque sorte par heure.',
          es: 'Como mucho 5 enlaces de cada tipo por hora.',
        },
        personal: 'yes',
      },
    },
  },

  Notification: {
    group: 'account',
    title: { en: 'Your notifications', fr: 'Vos notifications', es: 'Tus notificaciones' },
    summary: {
      en: 'What happened to your amendments and comments: shown in Plenum and, if you asked for it, in a daily email digest.',
      fr: 'Ce qui est arrivé à vos amendements et commentaires : affiché dans Plenum et, si vous l’avez demandé, dans un récapitulatif quotidien par e-mail.',
      es: 'Lo que ocurrió con tus enmiendas y comentarios: se muestra en Plenum y, si lo pediste, en un resumen diario por correo.',
    },
    retention: {
      en: 'Until you delete your account; read notifications are kept so that your list stays complete.',
      fr: 'Jusqu’à la suppression de votre compte ; les notifications lues sont gardées pour que votre liste reste complète.',
      es: 'Hasta que elimines tu cuenta; las notificaciones leídas se conservan para que tu lista esté completa.',
    },
    visibleTo: ONLY_YOU,
    fields: {
      id: ROW_ID,
      memberId: MEMBER_REF(
        { en: 'Who it is for.', fr: 'À qui elle est destinée.', es: 'A quién va dirigida.' },
        { en: 'To show it to you only.', fr: 'Pour ne la montrer qu’à vous.', es: 'Para mostrártela solo a ti.' },
      ),
      kind: {
        what: {
          en: 'What happened: an invitation to co-author, a threshold reached or missed, a moderators’ decision, an update needed, a reply, a hidden comment, an amendment you support rewritten, a vote’s result.',
          fr: 'Ce qui s’est passé : une invitation à coécrire, un seuil atteint ou manqué, une décision des modérateurs, une mise à jour nécessaire, une réponse, un commentaire masqué, un amendement que vous soutenez réécrit, le résultat d’un vote.',
          es: 'Qué pasó: una invitación a ser coautor, un umbral alcanzado o no, una decisión de los moderadores, una actualización necesaria, una respuesta, un comentario ocultado, una enmienda que apoyas reescrita, el resultado de una votación.',
        },
        why: { en: 'To write the message.', fr: 'Pour rédiger le message.', es: 'Para redactar el mensaje.' },
        personal: 'yes',
      },
      amendmentId: { ...AMENDMENT_REF, personal: 'yes' },
      commentId: {
        what: {
          en: 'For a reply or a hidden comment: the comment it is about.',
          fr: 'Pour une réponse ou un commentaire masqué : le commentaire concerné.',
          es: 'Para una respuesta o un comentario ocultado: el comentario al que se refiere.',
        },
        why: { en: 'To link to it.', fr: 'Pour y renvoyer.', es: 'Para enlazarlo.' },
        personal: 'yes',
      },
      data: {
        what: {
          en: 'Details for the message: which decision, or who acted (their display name as it was then).',
          fr: 'Les détails du message : quelle décision, ou qui a agi (son nom affiché à ce moment-là).',
          es: 'Los detalles del mensaje: qué decisión, o quién actuó (su nombre visible en ese momento).',
        },
        why: {
          en: 'To say what happened without looking it up again.',
          fr: 'Pour dire ce qui s’est passé sans le rechercher à nouveau.',
          es: 'Para decir lo que pasó sin volver a buscarlo.',
        },
        personal: 'yes',
      },
      createdAt: { what: CREATED, why: DATES_WHY, personal: 'yes' },
      readAt: {
        what: {
          en: 'When you read it, or marked it read.',
          fr: 'Quand vous l’avez lue, ou marquée comme lue.',
          es: 'Cuándo la leíste o la marcaste como leída.',
        },
        why: {
          en: 'To count what you have not read yet.',
          fr: 'Pour compter ce que vous n’avez pas encore lu.',
          es: 'Para contar lo que aún no has leído.',
        },
        personal: 'yes',
      },
      emailedAt: {
        what: {
          en: 'When it went out in an email digest.',
          fr: 'Quand elle est partie dans un récapitulatif par e-mail.',
          es: 'Cuándo salió en un resumen por correo.',
        },
        why: {
          en: 'Nothing is mailed twice.',
          fr: 'Rien n’est envoyé deux fois.',
          es: 'Nada se envía dos veces.',
        },
        personal: 'yes',
      },
    },
  },

  // ───────────────────────────── Your contributions ─────────────────────────────
  Amendment: {
    group: 'contributions',
    title: { en: 'Amendments', fr: 'Amendements', es: 'Enmiendas' },
    summary: {
      en: 'A proposed change to the program: drafted by its authors, then submitted, supported, moderated and voted on.',
      fr: 'Une modification proposée du programme : rédigée par ses auteurs, puis déposée, soutenue, modérée et votée.',
      es: 'Un cambio propuesto al programa: redactado por sus autores, y luego presentado, apoyado, moderado y votado.',
    },
    retention: {
      en: 'As long as the movement keeps the program: amendments are its history. A withdrawn amendment stays, marked withdrawn. If you delete your account, your amendments stay, signed “former member”.',
      fr: 'Tant que le mouvement conserve le programme : les amendements sont son histoire. Un amendement retiré reste, marqué comme retiré. Si vous supprimez votre compte, vos amendements restent, signés « ancien membre ».',
      es: 'Mientras el movimiento conserve el programa: las enmiendas son su historia. Una enmienda retirada se queda, marcada como retirada. Si eliminas tu cuenta, tus enmiendas se quedan, firmadas «antiguo miembro».',
    },
    visibleTo: {
      en: 'A draft: its authors and the members invited to co-author it. Once submitted: whoever may read the program.',
      fr: 'Un brouillon : ses auteurs et les membres invités à le coécrire. Une fois déposé : quiconque peut lire le programme.',
      es: 'Un borrador: sus autores y los miembros invitados a ser coautores. Una vez presentada: quien pueda leer el programa.',
    },
    fields: {
      id: ROW_ID,
      programId: {
        ...PROGRAM_REF,
        what: { en: 'The program it amends.', fr: 'Le programme qu’il amende.', es: 'El programa que enmienda.' },
      },
      sectionId: {
        what: {
          en: 'The section it changes or deletes, or after which it adds a new one.',
          fr: 'La section qu’il modifie ou supprime, ou après laquelle il en ajoute une.',
          es: 'La sección que cambia o elimina, o tras la cual añade una nueva.',
        },
        why: {
          en: 'To apply it to the right place.',
          fr: 'Pour l’appliquer au bon endroit.',
          es: 'Para aplicarla en el lugar correcto.',
        },
        personal: 'no',
      },
      kind: {
        what: {
          en: 'Change, addition or deletion of a section.',
          fr: 'Modification, ajout ou suppression d’une section.',
          es: 'Cambio, adición o eliminación de una sección.',
        },
        why: {
          en: 'To apply it correctly.',
          fr: 'Pour l’appliquer correctement.',
          es: 'Para aplicarla correctamente.',
        },
        personal: 'no',
      },
      status: {
        what: {
          en: 'Where it stands: draft, submitted, qualified, expired, admissible, inadmissible, merged, in vote, adopted, rejected, applied or withdrawn.',
          fr: 'Où il en est : brouillon, déposé, qualifié, expiré, recevable, irrecevable, fusionné, au vote, adopté, rejeté, appliqué ou retiré.',
          es: 'En qué punto está: borrador, presentada, calificada, caducada, admisible, inadmisible, fusionada, en votación, aprobada, rechazada, aplicada o retirada.',
        },
        why: { en: 'To run the process.', fr: 'Pour conduire le processus.', es: 'Para llevar el proceso.' },
        personal: 'no',
      },
      title: {
        what: {
          en: 'Its title, written by its authors.',
          fr: 'Son titre, écrit par ses auteurs.',
          es: 'Su título, escrito por sus autores.',
        },
        why: { en: 'To name it.', fr: 'Pour le nommer.', es: 'Para nombrarla.' },
        personal: 'yes',
      },
      justification: {
        what: {
          en: 'Why its authors propose it, in their words.',
          fr: 'Pourquoi ses auteurs le proposent, dans leurs mots.',
          es: 'Por qué la proponen sus autores, en sus palabras.',
        },
        why: {
          en: 'Members support and vote knowing why.',
          fr: 'Les membres soutiennent et votent en sachant pourquoi.',
          es: 'Los miembros apoyan y votan sabiendo por qué.',
        },
        personal: 'yes',
      },
      newTitle: {
        what: {
          en: 'For an addition: the title of the new section.',
          fr: 'Pour un ajout : le titre de la nouvelle section.',
          es: 'Para una adición: el título de la nueva sección.',
        },
        why: { en: 'To create the section.', fr: 'Pour créer la section.', es: 'Para crear la sección.' },
        personal: 'yes',
      },
      baseText: {
        what: {
          en: 'The section’s text when the amendment was started.',
          fr: 'Le texte de la section quand l’amendement a été commencé.',
          es: 'El texto de la sección cuando se empezó la enmienda.',
        },
        why: {
          en: 'Its change is measured against it.',
          fr: 'Sa modification se mesure par rapport à lui.',
          es: 'Su cambio se mide respecto a él.',
        },
        personal: 'no',
      },
      proposedText: {
        what: {
          en: 'The proposed text, frozen at submission (while it is a draft, the text lives in the live texts).',
          fr: 'Le texte proposé, figé au dépôt (tant que c’est un brouillon, il vit dans les textes en direct).',
          es: 'El texto propuesto, fijado al presentarla (mientras es un borrador, vive en los textos en directo).',
        },
        why: {
          en: 'What members support and vote on.',
          fr: 'Ce que les membres soutiennent et votent.',
          es: 'Lo que los miembros apoyan y votan.',
        },
        personal: 'yes',
      },
      createdById: {
        what: {
          en: 'The member who started it.',
          fr: 'Le membre qui l’a commencé.',
          es: 'El miembro que la empezó.',
        },
        why: {
          en: 'To know who started it; the authors are listed separately.',
          fr: 'Pour savoir qui l’a commencé ; les auteurs sont listés à part.',
          es: 'Para saber quién la empezó; los autores se enumeran aparte.',
        },
        personal: 'pseudonymous',
        visibleTo: NOT_SHOWN,
      },
      createdAt: { what: CREATED, why: DATES_WHY, personal: 'no' },
      updatedAt: { what: UPDATED, why: DATES_WHY, personal: 'no' },
      submittedAt: {
        what: { en: 'When it was submitted.', fr: 'Quand il a été déposé.', es: 'Cuándo se presentó.' },
        why: {
          en: 'Support is collected from then on, and ties go to the earliest submitted.',
          fr: 'Les soutiens se recueillent à partir de là, et les égalités vont au premier déposé.',
          es: 'Los apoyos se recogen desde entonces, y los empates van a la primera presentada.',
        },
        personal: 'no',
      },
      supportsNeeded: {
        what: {
          en: 'How many supports it needs, fixed at submission.',
          fr: 'Combien de soutiens il lui faut, fixé au dépôt.',
          es: 'Cuántos apoyos necesita, fijado al presentarla.',
        },
        why: {
          en: 'The threshold does not move once it is submitted.',
          fr: 'Le seuil ne bouge plus une fois l’amendement déposé.',
          es: 'El umbral no cambia una vez presentada.',
        },
        personal: 'no',
      },
      supportRule: {
        what: {
          en: 'How the threshold was set: a number, a share of the active members, or a share of the validated local groups.',
          fr: 'Comment le seuil a été fixé : un nombre, une part des membres actifs, ou une part des groupes locaux validés.',
          es: 'Cómo se fijó el umbral: un número, una parte de los miembros activos o una parte de los grupos locales validados.',
        },
        why: {
          en: 'The threshold is shown with what it was computed from.',
          fr: 'Le seuil est affiché avec ce qui a servi à le calculer.',
          es: 'El umbral se muestra con lo que sirvió para calcularlo.',
        },
        personal: 'no',
      },
      supportValue: {
        what: {
          en: 'The number, or the percentage, of that rule.',
          fr: 'Le nombre, ou le pourcentage, de cette règle.',
          es: 'El número, o el porcentaje, de esa regla.',
        },
        why: { en: 'Shown with the threshold.', fr: 'Affiché avec le seuil.', es: 'Se muestra con el umbral.' },
        personal: 'no',
      },
      supportActiveDays: {
        what: {
          en: 'For a share: how many days of activity make a member active.',
          fr: 'Pour une part : combien de jours d’activité rendent un membre actif.',
          es: 'Para una parte: cuántos días de actividad hacen que un miembro sea activo.',
        },
        why: { en: 'Shown with the threshold.', fr: 'Affiché avec le seuil.', es: 'Se muestra con el umbral.' },
        personal: 'no',
      },
      supportDenominator: {
        what: {
          en: 'For a share: how many members were active at submission (a count, no names).',
          fr: 'Pour une part : combien de membres étaient actifs au dépôt (un nombre, aucun nom).',
          es: 'Para una parte: cuántos miembros estaban activos al presentarla (un número, ningún nombre).',
        },
        why: { en: 'Shown with the threshold.', fr: 'Affiché avec le seuil.', es: 'Se muestra con el umbral.' },
        personal: 'no',
      },
      supportDeadline: {
        what: {
          en: 'Until when it collects supports.',
          fr: 'Jusqu’à quand il recueille des soutiens.',
          es: 'Hasta cuándo recoge apoyos.',
        },
        why: {
          en: 'An amendment that misses its threshold in time expires.',
          fr: 'Un amendement qui n’atteint pas son seuil à temps expire.',
          es: 'Una enmienda que no alcanza su umbral a tiempo caduca.',
        },
        personal: 'no',
      },
      qualifiedAt: {
        what: {
          en: 'When it reached its threshold.',
          fr: 'Quand il a atteint son seuil.',
          es: 'Cuándo alcanzó su umbral.',
        },
        why: DATES_WHY,
        personal: 'no',
      },
      collisionGroup: {
        what: {
          en: 'The group of amendments that change the same words, if any.',
          fr: 'Le groupe d’amendements qui modifient les mêmes mots, s’il y en a un.',
          es: 'El grupo de enmiendas que cambian las mismas palabras, si lo hay.',
        },
        why: {
          en: 'A group goes to the vote as one preferential question.',
          fr: 'Un groupe passe au vote comme une seule question préférentielle.',
          es: 'Un grupo va a votación como una sola pregunta preferencial.',
        },
        personal: 'no',
      },
      needsUpdate: {
        what: {
          en: 'Whether the section moved under it in a way its authors must take into account.',
          fr: 'Si la section a bougé sous lui d’une façon dont ses auteurs doivent tenir compte.',
          es: 'Si la sección cambió bajo ella de una forma que sus autores deben tener en cuenta.',
        },
        why: {
          en: 'Its authors are asked to update it.',
          fr: 'On demande à ses auteurs de le mettre à jour.',
          es: 'Se pide a sus autores que la actualicen.',
        },
        personal: 'no',
      },
      rebaseTo: {
        what: {
          en: 'The section’s new text it must be rewritten against.',
          fr: 'Le nouveau texte de la section sur lequel il doit être réécrit.',
          es: 'El nuevo texto de la sección sobre el que debe reescribirse.',
        },
        why: {
          en: 'The base of its update.',
          fr: 'La base de sa mise à jour.',
          es: 'La base de su actualización.',
        },
        personal: 'no',
      },
      revision: {
        what: {
          en: 'How many times its authors were asked to rewrite it, and did.',
          fr: 'Combien de fois ses auteurs ont dû le réécrire, et l’ont fait.',
          es: 'Cuántas veces se pidió a sus autores que la reescribieran, y lo hicieron.',
        },
        why: {
          en: 'Each update is drafted in a new live text.',
          fr: 'Chaque mise à jour est rédigée dans un nouveau texte en direct.',
          es: 'Cada actualización se redacta en un nuevo texto en directo.',
        },
        personal: 'no',
      },
      mergedIntoId: {
        what: {
          en: 'When merged as a duplicate: the amendment it was merged into.',
          fr: 'Quand il a été fusionné comme doublon : l’amendement qui l’a absorbé.',
          es: 'Si se fusionó como duplicada: la enmienda en la que se fusionó.',
        },
        why: { en: 'To point readers to it.', fr: 'Pour y renvoyer les lecteurs.', es: 'Para remitir a los lectores.' },
        personal: 'no',
      },
      roundId: {
        what: {
          en: 'The voting round that settles it.',
          fr: 'Le scrutin qui le tranche.',
          es: 'La votación que la decide.',
        },
        why: { en: 'To put it to the vote.', fr: 'Pour le soumettre au vote.', es: 'Para someterla a votación.' },
        personal: 'no',
      },
    },
  },

  AmendmentAuthor: {
    group: 'contributions',
    title: { en: 'Authors of amendments', fr: 'Auteurs des amendements', es: 'Autores de enmiendas' },
    summary: {
      en: 'Who wrote an amendment: the member who started it, and the co-authors who accepted an invitation.',
      fr: 'Qui a écrit un amendement : le membre qui l’a commencé, et les coauteurs qui ont accepté une invitation.',
      es: 'Quién escribió una enmienda: el miembro que la empezó y los coautores que aceptaron una invitación.',
    },
    retention: {
      en: 'As long as the amendment exists. You may leave a draft while another author remains. If you delete your account, the row stays and you appear as “former member”.',
      fr: 'Tant que l’amendement existe. Vous pouvez quitter un brouillon s’il reste un autre auteur. Si vous supprimez votre compte, la ligne reste et vous apparaissez comme « ancien membre ».',
      es: 'Mientras exista la enmienda. Puedes dejar un borrador si queda otro autor. Si eliminas tu cuenta, la fila se queda y apareces como «antiguo miembro».',
    },
    visibleTo: {
      en: 'Whoever may read the amendment: authors are named publicly on a submitted amendment.',
      fr: 'Quiconque peut lire l’amendement : les auteurs sont nommés publiquement sur un amendement déposé.',
      es: 'Quien pueda leer la enmienda: los autores aparecen públicamente en una enmienda presentada.',
    },
    fields: {
      amendmentId: { ...AMENDMENT_REF, personal: 'yes' },
      memberId: MEMBER_REF(
        { en: 'The author.', fr: 'L’auteur.', es: 'El autor.' },
        {
          en: 'A political text is signed by those who wrote it.',
          fr: 'Un texte politique est signé par ceux qui l’ont écrit.',
          es: 'Un texto político lo firman quienes lo escribieron.',
        },
      ),
      invitedById: MEMBER_REF(
        {
          en: 'For a co-author: who invited them.',
          fr: 'Pour un coauteur : qui l’a invité.',
          es: 'Para un coautor: quién lo invitó.',
        },
        {
          en: 'To keep track of how the authors came together.',
          fr: 'Pour garder trace de la façon dont les auteurs se sont réunis.',
          es: 'Para dejar constancia de cómo se reunieron los autores.',
        },
      ),
      addedAt: {
        what: {
          en: 'When they became an author.',
          fr: 'Quand il est devenu auteur.',
          es: 'Cuándo pasó a ser autor.',
        },
        why: {
          en: 'Authors are listed in that order.',
          fr: 'Les auteurs sont listés dans cet ordre.',
          es: 'Los autores se enumeran en ese orden.',
        },
        personal: 'yes',
      },
    },
  },

  AmendmentSupport: {
    group: 'contributions',
    title: { en: 'Supports', fr: 'Soutiens', es: 'Apoyos' },
    summary: {
      en: 'That you support a submitted amendment: one per member and amendment.',
      fr: 'Le fait que vous soutenez un amendement déposé : un par membre et par amendement.',
      es: 'Que apoyas una enmienda presentada: uno por miembro y enmienda.',
    },
    retention: {
      en: 'You may withdraw it until the support deadline; after that it is kept as long as the amendment, so that a threshold reached stays reached (also if you delete your account).',
      fr: 'Vous pouvez le retirer jusqu’à la date limite des soutiens ; ensuite il est gardé aussi longtemps que l’amendement, pour qu’un seuil atteint le reste (y compris si vous supprimez votre compte).',
      es: 'Puedes retirarlo hasta la fecha límite de apoyos; después se conserva tanto como la enmienda, para que un umbral alcanzado siga alcanzado (también si eliminas tu cuenta).',
    },
    visibleTo: {
      en: 'You. Everyone else sees only the number of supports, never who gave them.',
      fr: 'Vous. Les autres ne voient que le nombre de soutiens, jamais qui les a donnés.',
      es: 'Tú. Los demás solo ven el número de apoyos, nunca quién los dio.',
    },
    fields: {
      amendmentId: { ...AMENDMENT_REF, personal: 'yes' },
      memberId: MEMBER_REF(
        { en: 'Who supports it.', fr: 'Qui le soutient.', es: 'Quién la apoya.' },
        {
          en: 'One support per member, which only they may withdraw.',
          fr: 'Un soutien par membre, que lui seul peut retirer.',
          es: 'Un apoyo por miembro, que solo él puede retirar.',
        },
      ),
      createdAt: {
        what: { en: 'When you gave it.', fr: 'Quand vous l’avez donné.', es: 'Cuándo lo diste.' },
        why: {
          en: 'Only supports given before the deadline count.',
          fr: 'Seuls les soutiens donnés avant la date limite comptent.',
          es: 'Solo cuentan los apoyos dados antes de la fecha límite.',
        },
        personal: 'yes',
      },
    },
  },

  CoauthorInvitation: {
    group: 'contributions',
    title: { en: 'Invitations to co-author', fr: 'Invitations à coécrire', es: 'Invitaciones a ser coautor' },
    summary: {
      en: 'An invitation to co-author a draft: nobody is named on a political text without accepting.',
      fr: 'Une invitation à coécrire un brouillon : personne n’est nommé sur un texte politique sans l’avoir accepté.',
      es: 'Una invitación a ser coautor de un borrador: nadie aparece en un texto político sin haberlo aceptado.',
    },
    retention: {
      en: 'Until you accept or decline it, or the draft is submitted or withdrawn (it then lapses); deleted with your account.',
      fr: 'Jusqu’à ce que vous l’acceptiez ou la refusiez, ou que le brouillon soit déposé ou retiré (elle devient caduque) ; supprimée avec votre compte.',
      es: 'Hasta que la aceptes o la rechaces, o el borrador se presente o se retire (entonces caduca); se borra con tu cuenta.',
    },
    visibleTo: {
      en: 'You. The authors who invite an address are not told whether it is a member’s, nor whose: your name appears on the draft only once you accept.',
      fr: 'Vous. Les auteurs qui invitent une adresse ne savent pas si elle est celle d’un membre, ni de qui : votre nom apparaît sur le brouillon seulement quand vous acceptez.',
      es: 'Tú. Los autores que invitan una dirección no saben si es la de un miembro, ni de quién: tu nombre aparece en el borrador solo cuando aceptas.',
    },
    fields: {
      amendmentId: { ...AMENDMENT_REF, personal: 'yes' },
      memberId: MEMBER_REF(
        { en: 'The member invited.', fr: 'Le membre invité.', es: 'El miembro invitado.' },
        {
          en: 'Only they may accept or decline.',
          fr: 'Lui seul peut accepter ou refuser.',
          es: 'Solo él puede aceptar o rechazar.',
        },
      ),
      invitedById: MEMBER_REF(
        { en: 'The author who invited them.', fr: 'L’auteur qui l’a invité.', es: 'El autor que lo invitó.' },
        {
          en: 'So that the invited member knows who asks.',
          fr: 'Pour que le membre invité sache qui le lui demande.',
          es: 'Para que el miembro invitado sepa quién se lo pide.',
        },
      ),
      createdAt: { what: CREATED, why: DATES_WHY, personal: 'yes' },
    },
  },

  Comment: {
    group: 'contributions',
    title: { en: 'Comments', fr: 'Commentaires', es: 'Comentarios' },
    summary: {
      en: 'Comments in the debate of an amendment, and replies to them.',
      fr: 'Les commentaires du débat d’un amendement, et les réponses.',
      es: 'Los comentarios del debate de una enmienda, y sus respuestas.',
    },
    retention: {
      en: 'As long as the amendment exists. If you delete your account, your comments stay, with their text, signed “former member”.',
      fr: 'Tant que l’amendement existe. Si vous supprimez votre compte, vos commentaires restent, avec leur texte, signés « ancien membre ».',
      es: 'Mientras exista la enmienda. Si eliminas tu cuenta, tus comentarios se quedan, con su texto, firmados «antiguo miembro».',
    },
    visibleTo: {
      en: 'Whoever may read the amendment. A comment hidden by moderators shows only “hidden by moderation” and the reason.',
      fr: 'Quiconque peut lire l’amendement. Un commentaire masqué par les modérateurs n’affiche que « masqué par la modération » et le motif.',
      es: 'Quien pueda leer la enmienda. Un comentario ocultado por los moderadores solo muestra «ocultado por la moderación» y el motivo.',
    },
    fields: {
      id: ROW_ID,
      amendmentId: {
        ...AMENDMENT_REF,
        what: { en: 'The amendment debated.', fr: 'L’amendement débattu.', es: 'La enmienda debatida.' },
      },
      authorId: {
        what: { en: 'Who wrote it.', fr: 'Qui l’a écrit.', es: 'Quién lo escribió.' },
        why: {
          en: 'A comment is signed with its author’s name.',
          fr: 'Un commentaire est signé du nom de son auteur.',
          es: 'Un comentario se firma con el nombre de su autor.',
        },
        personal: 'pseudonymous',
        retention: {
          en: 'Erased when its author deletes their account.',
          fr: 'Effacé quand son auteur supprime son compte.',
          es: 'Se borra cuando su autor elimina su cuenta.',
        },
      },
      parentId: {
        what: {
          en: 'For a reply: the comment it answers.',
          fr: 'Pour une réponse : le commentaire auquel elle répond.',
          es: 'Para una respuesta: el comentario al que responde.',
        },
        why: { en: 'To show the thread.', fr: 'Pour afficher le fil.', es: 'Para mostrar el hilo.' },
        personal: 'no',
      },
      stance: {
        what: {
          en: 'For, against, or a question (replies have none).',
          fr: 'Pour, contre, ou une question (les réponses n’en ont pas).',
          es: 'A favor, en contra o una pregunta (las respuestas no tienen).',
        },
        why: {
          en: 'Readers see the arguments on each side.',
          fr: 'Les lecteurs voient les arguments de chaque côté.',
          es: 'Los lectores ven los argumentos de cada lado.',
        },
        personal: 'yes',
      },
      body: {
        what: {
          en: 'The comment as rich text, made from what its author typed.',
          fr: 'Le commentaire en texte enrichi, tiré de ce que son auteur a tapé.',
          es: 'El comentario en texto enriquecido, a partir de lo que escribió su autor.',
        },
        why: { en: 'To show it.', fr: 'Pour l’afficher.', es: 'Para mostrarlo.' },
        personal: 'yes',
        visibleTo: {
          en: 'Whoever may read the amendment, unless moderators hid it: then nobody on the site (it stays in its author’s export).',
          fr: 'Quiconque peut lire l’amendement, sauf s’il a été masqué : alors personne sur le site (il reste dans l’export de son auteur).',
          es: 'Quien pueda leer la enmienda, salvo si se ocultó: entonces nadie en el sitio (sigue en la exportación de su autor).',
        },
      },
      source: {
        what: {
          en: 'What its author typed.',
          fr: 'Ce que son auteur a tapé.',
          es: 'Lo que escribió su autor.',
        },
        why: {
          en: 'So that they can edit it during the 15 minutes after posting.',
          fr: 'Pour qu’il puisse le modifier pendant les 15 minutes qui suivent.',
          es: 'Para que pueda editarlo durante los 15 minutos siguientes a publicarlo.',
        },
        personal: 'yes',
        visibleTo: {
          en: 'Its author (and in their export).',
          fr: 'Son auteur (et dans son export).',
          es: 'Su autor (y en su exportación).',
        },
      },
      createdAt: { what: CREATED, why: DATES_WHY, personal: 'yes' },
      editedAt: {
        what: {
          en: 'When its author last edited it.',
          fr: 'Quand son auteur l’a modifié pour la dernière fois.',
          es: 'Cuándo lo editó su autor por última vez.',
        },
        why: {
          en: 'Readers see that it was edited.',
          fr: 'Les lecteurs voient qu’il a été modifié.',
          es: 'Los lectores ven que se editó.',
        },
        personal: 'yes',
      },
      hiddenAt: {
        what: {
          en: 'When moderators hid it.',
          fr: 'Quand les modérateurs l’ont masqué.',
          es: 'Cuándo lo ocultaron los moderadores.',
        },
        why: DATES_WHY,
        personal: 'yes',
      },
      hiddenReason: {
        what: {
          en: 'Why moderators hid it, in their words.',
          fr: 'Pourquoi les modérateurs l’ont masqué, dans leurs mots.',
          es: 'Por qué lo ocultaron los moderadores, en sus palabras.',
        },
        why: {
          en: 'Everyone reads the reason instead of the text.',
          fr: 'Tout le monde lit le motif à la place du texte.',
          es: 'Todo el mundo lee el motivo en lugar del texto.',
        },
        personal: 'yes',
      },
      hiddenById: {
        what: {
          en: 'The moderator who hid it.',
          fr: 'Le modérateur qui l’a masqué.',
          es: 'El moderador que lo ocultó.',
        },
        why: {
          en: 'Moderators answer for their decisions.',
          fr: 'Les modérateurs répondent de leurs décisions.',
          es: 'Los moderadores responden de sus decisiones.',
        },
        personal: 'pseudonymous',
        visibleTo: {
          en: 'The moderation log names the moderator.',
          fr: 'Le journal de modération nomme le modérateur.',
          es: 'El registro de moderación nombra al moderador.',
        },
      },
    },
  },

  // ───────────────────────────── Local groups ─────────────────────────────
  Group: {
    group: 'groups',
    title: { en: 'Local groups', fr: 'Groupes locaux', es: 'Grupos locales' },
    summary: {
      en: 'A local group created by members and validated by moderators.',
      fr: 'Un groupe local créé par des membres et validé par les modérateurs.',
      es: 'Un grupo local creado por miembros y validado por los moderadores.',
    },
    retention: {
      en: 'As long as the movement keeps the group.',
      fr: 'Tant que le mouvement conserve le groupe.',
      es: 'Mientras el movimiento conserve el grupo.',
    },
    visibleTo: {
      en: 'Everyone sees a validated group (its name, area, description and size); a group waiting for moderators is seen by its members and the moderators.',
      fr: 'Tout le monde voit un groupe validé (son nom, son secteur, sa description et sa taille) ; un groupe en attente des modérateurs est vu par ses membres et les modérateurs.',
      es: 'Todo el mundo ve un grupo validado (su nombre, su zona, su descripción y su tamaño); un grupo pendiente de los moderadores lo ven sus miembros y los moderadores.',
    },
    fields: {
      id: ROW_ID,
      name: {
        what: {
          en: 'Its name, chosen by its founder.',
          fr: 'Son nom, choisi par son fondateur.',
          es: 'Su nombre, elegido por su fundador.',
        },
        why: { en: 'To name it.', fr: 'Pour le nommer.', es: 'Para nombrarlo.' },
        personal: 'no',
      },
      area: {
        what: {
          en: 'Where it meets or acts: a town, a district or a postcode, as its founder writes it.',
          fr: 'Où il se réunit ou agit : une ville, un quartier ou un code postal, tel que son fondateur l’écrit.',
          es: 'Dónde se reúne o actúa: una ciudad, un barrio o un código postal, tal como lo escribe su fundador.',
        },
        why: {
          en: 'Members find the groups near them.',
          fr: 'Les membres trouvent les groupes proches d’eux.',
          es: 'Los miembros encuentran los grupos cercanos.',
        },
        personal: 'no',
      },
      description: {
        what: { en: 'What the group is about.', fr: 'Ce que fait le groupe.', es: 'De qué trata el grupo.' },
        why: { en: 'To present it.', fr: 'Pour le présenter.', es: 'Para presentarlo.' },
        personal: 'no',
      },
      status: {
        what: {
          en: 'Waiting for moderators, validated or rejected.',
          fr: 'En attente des modérateurs, validé ou refusé.',
          es: 'Pendiente de los moderadores, validado o rechazado.',
        },
        why: {
          en: 'Only validated groups endorse amendments.',
          fr: 'Seuls les groupes validés soutiennent des amendements.',
          es: 'Solo los grupos validados respaldan enmiendas.',
        },
        personal: 'no',
      },
      createdById: {
        what: { en: 'The member who created it.', fr: 'Le membre qui l’a créé.', es: 'El miembro que lo creó.' },
        why: {
          en: 'To know who founded it.',
          fr: 'Pour savoir qui l’a fondé.',
          es: 'Para saber quién lo fundó.',
        },
        personal: 'pseudonymous',
        visibleTo: NOT_SHOWN,
      },
      createdAt: { what: CREATED, why: DATES_WHY, personal: 'no' },
      decidedAt: {
        what: {
          en: 'When moderators validated or rejected it.',
          fr: 'Quand les modérateurs l’ont validé ou refusé.',
          es: 'Cuándo lo validaron o rechazaron los moderadores.',
        },
        why: DATES_WHY,
        personal: 'no',
      },
      decidedById: {
        what: { en: 'The moderator who decided.', fr: 'Le modérateur qui a décidé.', es: 'El moderador que decidió.' },
        why: {
          en: 'Moderators answer for their decisions.',
          fr: 'Les modérateurs répondent de leurs décisions.',
          es: 'Los moderadores responden de sus decisiones.',
        },
        personal: 'pseudonymous',
        visibleTo: NOT_SHOWN,
      },
      decisionReason: {
        what: {
          en: 'The moderators’ reason, shown with the group.',
          fr: 'Le motif des modérateurs, affiché avec le groupe.',
          es: 'El motivo de los moderadores, mostrado con el grupo.',
        },
        why: {
          en: 'Decisions are explained.',
          fr: 'Les décisions sont expliquées.',
          es: 'Las decisiones se explican.',
        },
        personal: 'no',
      },
    },
  },

  GroupMembership: {
    group: 'groups',
    title: { en: 'Members of local groups', fr: 'Membres des groupes locaux', es: 'Miembros de los grupos locales' },
    summary: {
      en: 'That you belong to a local group, and whether you coordinate it.',
      fr: 'Le fait que vous appartenez à un groupe local, et si vous le coordonnez.',
      es: 'Que perteneces a un grupo local, y si lo coordinas.',
    },
    retention: {
      en: 'Until you leave the group or delete your account.',
      fr: 'Jusqu’à ce que vous quittiez le groupe ou supprimiez votre compte.',
      es: 'Hasta que dejes el grupo o elimines tu cuenta.',
    },
    visibleTo: {
      en: 'The group’s members: its member list is shown to them only. Everyone else sees only the group’s size.',
      fr: 'Les membres du groupe : sa liste de membres n’est montrée qu’à eux. Les autres ne voient que la taille du groupe.',
      es: 'Los miembros del grupo: su lista de miembros solo se les muestra a ellos. Los demás solo ven el tamaño del grupo.',
    },
    fields: {
      groupId: {
        what: { en: 'The group.', fr: 'Le groupe.', es: 'El grupo.' },
        why: {
          en: 'To know who belongs to it.',
          fr: 'Pour savoir qui en fait partie.',
          es: 'Para saber quién forma parte.',
        },
        personal: 'yes',
      },
      memberId: MEMBER_REF(
        { en: 'The member.', fr: 'Le membre.', es: 'El miembro.' },
        {
          en: 'To know who belongs to it.',
          fr: 'Pour savoir qui en fait partie.',
          es: 'Para saber quién forma parte.',
        },
      ),
      coordinator: {
        what: {
          en: 'Whether they coordinate the group (its founder does, first).',
          fr: 'S’il coordonne le groupe (son fondateur le fait, en premier).',
          es: 'Si coordina el grupo (su fundador lo hace, el primero).',
        },
        why: {
          en: 'Coordinators endorse amendments on the group’s behalf.',
          fr: 'Les coordinateurs soutiennent des amendements au nom du groupe.',
          es: 'Los coordinadores respaldan enmiendas en nombre del grupo.',
        },
        personal: 'yes',
      },
      joinedAt: {
        what: { en: 'When they joined.', fr: 'Quand il a rejoint le groupe.', es: 'Cuándo se unió.' },
        why: {
          en: 'When the last coordinator leaves, the longest-standing member takes over.',
          fr: 'Quand le dernier coordinateur part, le membre le plus ancien prend le relais.',
          es: 'Cuando se va el último coordinador, el miembro más antiguo toma el relevo.',
        },
        personal: 'yes',
      },
    },
  },

  GroupEndorsement: {
    group: 'groups',
    title: { en: 'Endorsements by groups', fr: 'Soutiens des groupes', es: 'Respaldos de los grupos' },
    summary: {
      en: 'A validated group’s endorsement of an amendment, given by one of its coordinators; it counts when the threshold is a share of the validated groups.',
      fr: 'Le soutien d’un groupe validé à un amendement, donné par l’un de ses coordinateurs ; il compte quand le seuil est une part des groupes validés.',
      es: 'El respaldo de un grupo validado a una enmienda, dado por uno de sus coordinadores; cuenta cuando el umbral es una parte de los grupos validados.',
    },
    retention: {
      en: 'As long as the amendment and the group.',
      fr: 'Aussi longtemps que l’amendement et le groupe.',
      es: 'Tanto como la enmienda y el grupo.',
    },
    visibleTo: {
      en: 'Whoever can see the group: its page lists the amendments it endorsed.',
      fr: 'Quiconque peut voir le groupe : sa page liste les amendements qu’il a soutenus.',
      es: 'Quien pueda ver el grupo: su página enumera las enmiendas que respaldó.',
    },
    fields: {
      groupId: {
        what: { en: 'The group.', fr: 'Le groupe.', es: 'El grupo.' },
        why: { en: 'One endorsement per group.', fr: 'Un soutien par groupe.', es: 'Un respaldo por grupo.' },
        personal: 'no',
      },
      amendmentId: AMENDMENT_REF,
      endorsedById: {
        what: {
          en: 'The coordinator who gave it.',
          fr: 'Le coordinateur qui l’a donné.',
          es: 'El coordinador que lo dio.',
        },
        why: {
          en: 'Coordinators answer for what they do on the group’s behalf.',
          fr: 'Les coordinateurs répondent de ce qu’ils font au nom du groupe.',
          es: 'Los coordinadores responden de lo que hacen en nombre del grupo.',
        },
        personal: 'pseudonymous',
        visibleTo: NOT_SHOWN,
      },
      createdAt: { what: CREATED, why: DATES_WHY, personal: 'no' },
    },
  },

  // ───────────────────────────── Votes ─────────────────────────────
  VotingRound: {
    group: 'votes',
    title: { en: 'Voting rounds', fr: 'Scrutins', es: 'Votaciones' },
    summary: {
      en: 'A vote that settles amendments: its dates and rules and, once it is closed, its results.',
      fr: 'Un vote qui tranche des amendements : ses dates, ses règles et, une fois clos, ses résultats.',
      es: 'Una votación que decide enmiendas: sus fechas, sus reglas y, una vez cerrada, sus resultados.',
    },
    retention: {
      en: 'Forever: the results and the ballot board are the public record of the vote.',
      fr: 'Pour toujours : les résultats et l’urne publiée sont la trace publique du vote.',
      es: 'Para siempre: los resultados y la urna publicada son el registro público de la votación.',
    },
    visibleTo: PROGRAM_READERS,
    fields: {
      id: ROW_ID,
      programId: PROGRAM_REF,
      number: {
        what: {
          en: 'Its number within the program.',
          fr: 'Son numéro dans le programme.',
          es: 'Su número dentro del programa.',
        },
        why: { en: 'To name it.', fr: 'Pour le nommer.', es: 'Para nombrarla.' },
        personal: 'no',
      },
      title: {
        what: { en: 'Its title.', fr: 'Son titre.', es: 'Su título.' },
        why: { en: 'To name it.', fr: 'Pour le nommer.', es: 'Para nombrarla.' },
        personal: 'no',
      },
      explanation: {
        what: {
          en: 'What moderators say about it.',
          fr: 'Ce que les modérateurs en disent.',
          es: 'Lo que dicen de ella los moderadores.',
        },
        why: { en: 'To inform voters.', fr: 'Pour informer les votants.', es: 'Para informar a los votantes.' },
        personal: 'no',
      },
      opensAt: {
        what: { en: 'When it opens.', fr: 'Quand il ouvre.', es: 'Cuándo se abre.' },
        why: { en: 'It opens by itself.', fr: 'Il s’ouvre de lui-même.', es: 'Se abre sola.' },
        personal: 'no',
      },
      closesAt: {
        what: { en: 'When it closes.', fr: 'Quand il ferme.', es: 'Cuándo se cierra.' },
        why: {
          en: 'It closes and is counted by itself.',
          fr: 'Il se ferme et se dépouille de lui-même.',
          es: 'Se cierra y se cuenta sola.',
        },
        personal: 'no',
      },
      status: {
        what: { en: 'Scheduled, open or closed.', fr: 'Prévu, ouvert ou clos.', es: 'Programada, abierta o cerrada.' },
        why: { en: 'To run it.', fr: 'Pour le conduire.', es: 'Para llevarla a cabo.' },
        personal: 'no',
      },
      quorumPercent: {
        what: {
          en: 'The minimum turnout, as a share of the census.',
          fr: 'La participation minimale, en part du recensement.',
          es: 'La participación mínima, como parte del censo.',
        },
        why: {
          en: 'A counting rule, shown to all.',
          fr: 'Une règle de décompte, affichée à tous.',
          es: 'Una regla de recuento, visible para todos.',
        },
        personal: 'no',
      },
      majorityNumerator: {
        what: {
          en: 'The majority needed (its numerator, e.g. 1 of 1/2).',
          fr: 'La majorité requise (son numérateur, par exemple 1 de 1/2).',
          es: 'La mayoría necesaria (su numerador, por ejemplo 1 de 1/2).',
        },
        why: {
          en: 'A counting rule, shown to all.',
          fr: 'Une règle de décompte, affichée à tous.',
          es: 'Una regla de recuento, visible para todos.',
        },
        personal: 'no',
      },
      majorityDenominator: {
        what: {
          en: 'The majority needed (its denominator).',
          fr: 'La majorité requise (son dénominateur).',
          es: 'La mayoría necesaria (su denominador).',
        },
        why: {
          en: 'A counting rule, shown to all.',
          fr: 'Une règle de décompte, affichée à tous.',
          es: 'Una regla de recuento, visible para todos.',
        },
        personal: 'no',
      },
      questionMajorities: {
        what: {
          en: 'Majorities set for single amendments.',
          fr: 'Les majorités fixées pour certains amendements.',
          es: 'Las mayorías fijadas para enmiendas concretas.',
        },
        why: {
          en: 'A counting rule, shown to all.',
          fr: 'Une règle de décompte, affichée à tous.',
          es: 'Una regla de recuento, visible para todos.',
        },
        personal: 'no',
      },
      method: {
        what: {
          en: 'How competing amendments are settled: Schulze, Borda or Dowdall.',
          fr: 'Comment les amendements concurrents sont départagés : Schulze, Borda ou Dowdall.',
          es: 'Cómo se deciden las enmiendas en competencia: Schulze, Borda o Dowdall.',
        },
        why: {
          en: 'A counting rule, shown to all.',
          fr: 'Une règle de décompte, affichée à tous.',
          es: 'Una regla de recuento, visible para todos.',
        },
        personal: 'no',
      },
      censusJoinedBefore: {
        what: {
          en: 'Who may vote: members who joined before this date (with a confirmed address).',
          fr: 'Qui peut voter : les membres inscrits avant cette date (à l’adresse confirmée).',
          es: 'Quién puede votar: los miembros que se unieron antes de esta fecha (con dirección confirmada).',
        },
        why: {
          en: 'The census rule is public.',
          fr: 'La règle du recensement est publique.',
          es: 'La regla del censo es pública.',
        },
        personal: 'no',
      },
      censusSize: {
        what: {
          en: 'How many members may vote (a count, fixed at the opening).',
          fr: 'Combien de membres peuvent voter (un nombre, fixé à l’ouverture).',
          es: 'Cuántos miembros pueden votar (un número, fijado en la apertura).',
        },
        why: {
          en: 'For turnout and quorum.',
          fr: 'Pour la participation et le quorum.',
          es: 'Para la participación y el quórum.',
        },
        personal: 'no',
      },
      openedAt: {
        what: {
          en: 'When it actually opened.',
          fr: 'Quand il a effectivement ouvert.',
          es: 'Cuándo se abrió realmente.',
        },
        why: DATES_WHY,
        personal: 'no',
      },
      closedAt: {
        what: {
          en: 'When it actually closed.',
          fr: 'Quand il a effectivement fermé.',
          es: 'Cuándo se cerró realmente.',
        },
        why: DATES_WHY,
        personal: 'no',
      },
      results: {
        what: {
          en: 'The tally, written at the close; nothing of it exists before.',
          fr: 'Le dépouillement, écrit à la clôture ; rien n’en existe avant.',
          es: 'El recuento, escrito al cierre; no existe nada de él antes.',
        },
        why: { en: 'To publish the results.', fr: 'Pour publier les résultats.', es: 'Para publicar los resultados.' },
        personal: 'no',
      },
      boardSha256: {
        what: {
          en: 'The SHA-256 of the published ballot board.',
          fr: 'Le SHA-256 de l’urne publiée.',
          es: 'El SHA-256 de la urna publicada.',
        },
        why: {
          en: 'Anyone can check that a downloaded board is the one published.',
          fr: 'Chacun peut vérifier qu’une urne téléchargée est bien celle publiée.',
          es: 'Cualquiera puede comprobar que una urna descargada es la publicada.',
        },
        personal: 'no',
      },
      createdById: {
        what: {
          en: 'The moderator who created it.',
          fr: 'Le modérateur qui l’a créé.',
          es: 'El moderador que la creó.',
        },
        why: {
          en: 'Moderators answer for their decisions.',
          fr: 'Les modérateurs répondent de leurs décisions.',
          es: 'Los moderadores responden de sus decisiones.',
        },
        personal: 'pseudonymous',
        visibleTo: NOT_SHOWN,
      },
      createdAt: { what: CREATED, why: DATES_WHY, personal: 'no' },
    },
  },

  RoundQuestion: {
    group: 'votes',
    title: { en: 'Questions of a round', fr: 'Questions d’un scrutin', es: 'Preguntas de una votación' },
    summary: {
      en: 'A question put to the vote, fixed when the round opens: one amendment, or competing amendments to rank.',
      fr: 'Une question soumise au vote, fixée à l’ouverture du scrutin : un amendement, ou des amendements concurrents à classer.',
      es: 'Una pregunta sometida a votación, fijada al abrirse: una enmienda, o enmiendas en competencia que ordenar.',
    },
    retention: {
      en: 'Forever, with the round.',
      fr: 'Pour toujours, avec le scrutin.',
      es: 'Para siempre, con la votación.',
    },
    visibleTo: PROGRAM_READERS,
    fields: {
      id: ROW_ID,
      roundId: ROUND_REF,
      position: {
        what: { en: 'Its place on the ballot.', fr: 'Sa place sur le bulletin.', es: 'Su lugar en la papeleta.' },
        why: { en: 'To order the ballot.', fr: 'Pour ordonner le bulletin.', es: 'Para ordenar la papeleta.' },
        personal: 'no',
      },
      kind: {
        what: {
          en: 'Yes/no, or a ranking.',
          fr: 'Oui/non, ou un classement.',
          es: 'Sí/no, o una clasificación.',
        },
        why: {
          en: 'To count it correctly.',
          fr: 'Pour le dépouiller correctement.',
          es: 'Para contarla correctamente.',
        },
        personal: 'no',
      },
      title: {
        what: {
          en: 'The question as voters read it.',
          fr: 'La question telle que les votants la lisent.',
          es: 'La pregunta tal como la leen los votantes.',
        },
        why: { en: 'To show it.', fr: 'Pour l’afficher.', es: 'Para mostrarla.' },
        personal: 'no',
      },
      amendmentId: {
        ...AMENDMENT_REF,
        what: { en: 'For yes/no: the amendment.', fr: 'Pour oui/non : l’amendement.', es: 'Para sí/no: la enmienda.' },
      },
      collisionGroup: {
        what: {
          en: 'For a ranking: the group of competing amendments.',
          fr: 'Pour un classement : le groupe d’amendements concurrents.',
          es: 'Para una clasificación: el grupo de enmiendas en competencia.',
        },
        why: { en: 'To count it.', fr: 'Pour le dépouiller.', es: 'Para contarla.' },
        personal: 'no',
      },
      alternatives: {
        what: {
          en: 'For a ranking: the choices, “keep the current text” first.',
          fr: 'Pour un classement : les choix, « garder le texte actuel » en premier.',
          es: 'Para una clasificación: las opciones, «mantener el texto actual» primero.',
        },
        why: {
          en: 'Their order also breaks ties.',
          fr: 'Leur ordre départage aussi les égalités.',
          es: 'Su orden también deshace los empates.',
        },
        personal: 'no',
      },
      majorityNumerator: {
        what: {
          en: 'The majority this question needs (numerator).',
          fr: 'La majorité requise pour cette question (numérateur).',
          es: 'La mayoría que necesita esta pregunta (numerador).',
        },
        why: {
          en: 'A counting rule, shown to all.',
          fr: 'Une règle de décompte, affichée à tous.',
          es: 'Una regla de recuento, visible para todos.',
        },
        personal: 'no',
      },
      majorityDenominator: {
        what: {
          en: 'The majority this question needs (denominator).',
          fr: 'La majorité requise pour cette question (dénominateur).',
          es: 'La mayoría que necesita esta pregunta (denominador).',
        },
        why: {
          en: 'A counting rule, shown to all.',
          fr: 'Une règle de décompte, affichée à tous.',
          es: 'Una regla de recuento, visible para todos.',
        },
        personal: 'no',
      },
    },
  },

  CensusEntry: {
    group: 'votes',
    title: { en: 'Census of a round', fr: 'Recensement d’un scrutin', es: 'Censo de una votación' },
    summary: {
      en: 'Who may vote in a round, fixed when it opens: members with a confirmed address who joined before the round’s date.',
      fr: 'Qui peut voter à un scrutin, fixé à son ouverture : les membres à l’adresse confirmée inscrits avant la date du scrutin.',
      es: 'Quién puede votar en una votación, fijado al abrirse: los miembros con dirección confirmada que se unieron antes de la fecha de la votación.',
    },
    retention: {
      en: 'Forever, so that the census size can be checked. If you delete your account, your entry loses your id and stays as an anonymous line: no count changes.',
      fr: 'Pour toujours, pour que la taille du recensement reste vérifiable. Si vous supprimez votre compte, votre ligne perd votre identifiant et reste anonyme : aucun décompte ne change.',
      es: 'Para siempre, para que el tamaño del censo pueda comprobarse. Si eliminas tu cuenta, tu fila pierde tu identificador y queda anónima: ningún recuento cambia.',
    },
    visibleTo: {
      en: 'You (whether you may vote). Everyone else sees only the size of the census.',
      fr: 'Vous (si vous pouvez voter). Les autres ne voient que la taille du recensement.',
      es: 'Tú (si puedes votar). Los demás solo ven el tamaño del censo.',
    },
    fields: {
      id: ROW_ID,
      roundId: { ...ROUND_REF, personal: 'yes' },
      memberId: {
        ...MEMBER_REF(
          { en: 'A member who may vote.', fr: 'Un membre qui peut voter.', es: 'Un miembro que puede votar.' },
          {
            en: 'Only members of the census may cast a ballot.',
            fr: 'Seuls les membres du recensement peuvent voter.',
            es: 'Solo los miembros del censo pueden votar.',
          },
        ),
        retention: {
          en: 'Erased when you delete your account.',
          fr: 'Effacé quand vous supprimez votre compte.',
          es: 'Se borra cuando eliminas tu cuenta.',
        },
      },
    },
  },

  VoterRoll: {
    group: 'votes',
    title: { en: 'Voter roll', fr: 'Liste d’émargement', es: 'Registro de votantes' },
    summary: {
      en: 'That you voted in a round, and nothing of how or when. Kept apart from the ballots: nothing links the two.',
      fr: 'Le fait que vous avez voté à un scrutin, et rien de comment ni de quand. Séparé des bulletins : rien ne relie les deux.',
      es: 'Que votaste en una votación, y nada de cómo ni de cuándo. Separado de las papeletas: nada vincula ambos.',
    },
    retention: {
      en: 'Forever, as the record of turnout. If you delete your account, your entry loses your id (the count stays).',
      fr: 'Pour toujours, comme trace de la participation. Si vous supprimez votre compte, votre ligne perd votre identifiant (le décompte reste).',
      es: 'Para siempre, como registro de la participación. Si eliminas tu cuenta, tu fila pierde tu identificador (el recuento se mantiene).',
    },
    visibleTo: {
      en: 'You (that you voted). Everyone else sees only the turnout.',
      fr: 'Vous (que vous avez voté). Les autres ne voient que la participation.',
      es: 'Tú (que votaste). Los demás solo ven la participación.',
    },
    fields: {
      id: ROW_ID,
      roundId: { ...ROUND_REF, personal: 'yes' },
      memberId: {
        ...MEMBER_REF(
          { en: 'A member who voted.', fr: 'Un membre qui a voté.', es: 'Un miembro que votó.' },
          {
            en: 'Turnout is counted from it; it never says how you voted.',
            fr: 'La participation se compte à partir de là ; cela ne dit jamais comment vous avez voté.',
            es: 'La participación se cuenta a partir de él; nunca dice cómo votaste.',
          },
        ),
        retention: {
          en: 'Erased when you delete your account.',
          fr: 'Effacé quand vous supprimez votre compte.',
          es: 'Se borra cuando eliminas tu cuenta.',
        },
      },
    },
  },

  Ballot: {
    group: 'votes',
    title: { en: 'Ballots', fr: 'Bulletins', es: 'Papeletas' },
    summary: {
      en: 'The ballots. A ballot is never linked to a member: it holds no member id, no name and no time. While the round is open it is sealed with the round’s key, kept outside the database; at the close every ballot is opened, counted and published anonymously on the ballot board, and the key is destroyed.',
      fr: 'Les bulletins. Un bulletin n’est jamais relié à un membre : il ne contient ni identifiant de membre, ni nom, ni heure. Pendant le scrutin il est scellé avec la clé du scrutin, gardée hors de la base ; à la clôture chaque bulletin est ouvert, compté et publié anonymement dans l’urne publiée, et la clé est détruite.',
      es: 'Las papeletas. Una papeleta nunca está vinculada a un miembro: no contiene identificador de miembro, ni nombre, ni hora. Mientras la votación está abierta está sellada con la clave de la votación, guardada fuera de la base de datos; al cierre cada papeleta se abre, se cuenta y se publica de forma anónima en la urna publicada, y la clave se destruye.',
    },
    retention: {
      en: 'Sealed until the close, then anonymous forever on the ballot board. The round’s key is destroyed at the close: after that nobody, the people running the server included, can link a ballot to a member.',
      fr: 'Scellés jusqu’à la clôture, puis anonymes pour toujours dans l’urne publiée. La clé du scrutin est détruite à la clôture : ensuite personne, y compris les personnes qui font tourner le serveur, ne peut relier un bulletin à un membre.',
      es: 'Selladas hasta el cierre y luego anónimas para siempre en la urna publicada. La clave de la votación se destruye al cierre: después nadie, ni siquiera quienes gestionan el servidor, puede vincular una papeleta a un miembro.',
    },
    visibleTo: {
      en: 'While the round is open: nobody (sealed; only someone in control of the server and of the round’s key could open them). After the close: everyone, on the ballot board, with no link to any voter; only you know which tracking code is yours.',
      fr: 'Pendant le scrutin : personne (scellés ; seul quelqu’un qui contrôle le serveur et la clé du scrutin pourrait les ouvrir). Après la clôture : tout le monde, dans l’urne publiée, sans lien avec aucun votant ; vous seul·e savez quel code de suivi est le vôtre.',
      es: 'Mientras la votación está abierta: nadie (selladas; solo alguien que controle el servidor y la clave de la votación podría abrirlas). Tras el cierre: todo el mundo, en la urna publicada, sin vínculo con ningún votante; solo tú sabes qué código de seguimiento es el tuyo.',
    },
    fields: {
      id: {
        ...ROW_ID,
        what: {
          en: 'A random identifier, drawn again at the close.',
          fr: 'Un identifiant aléatoire, tiré à nouveau à la clôture.',
          es: 'Un identificador aleatorio, sorteado de nuevo al cierre.',
        },
      },
      roundId: ROUND_REF,
      slot: {
        what: {
          en: 'While the round is open: a keyed hash (HMAC) of the voter’s id under the round’s key.',
          fr: 'Pendant le scrutin : une empreinte à clé (HMAC) de l’identifiant du votant sous la clé du scrutin.',
          es: 'Mientras la votación está abierta: un hash con clave (HMAC) del identificador del votante bajo la clave de la votación.',
        },
        why: {
          en: 'So that voting again replaces your previous ballot.',
          fr: 'Pour que voter à nouveau remplace votre bulletin précédent.',
          es: 'Para que votar de nuevo sustituya tu papeleta anterior.',
        },
        personal: 'pseudonymous',
        retention: {
          en: 'Erased at the close.',
          fr: 'Effacée à la clôture.',
          es: 'Se borra al cierre.',
        },
        visibleTo: { en: 'Nobody.', fr: 'Personne.', es: 'Nadie.' },
      },
      sealed: {
        what: {
          en: 'While the round is open: the answers, a random value and the tracking code, encrypted (AES-256-GCM) under the round’s key and padded to one size.',
          fr: 'Pendant le scrutin : les réponses, une valeur aléatoire et le code de suivi, chiffrés (AES-256-GCM) sous la clé du scrutin et complétés à une taille unique.',
          es: 'Mientras la votación está abierta: las respuestas, un valor aleatorio y el código de seguimiento, cifrados (AES-256-GCM) con la clave de la votación y rellenados a un tamaño único.',
        },
        why: {
          en: 'Nobody can read a ballot or a partial result before the close.',
          fr: 'Personne ne peut lire un bulletin ni un résultat partiel avant la clôture.',
          es: 'Nadie puede leer una papeleta ni un resultado parcial antes del cierre.',
        },
        personal: 'pseudonymous',
        retention: {
          en: 'Erased at the close.',
          fr: 'Effacé à la clôture.',
          es: 'Se borra al cierre.',
        },
        visibleTo: { en: 'Nobody.', fr: 'Personne.', es: 'Nadie.' },
      },
      code: {
        what: {
          en: 'After the close: the ballot’s tracking code, the receipt its voter saw once.',
          fr: 'Après la clôture : le code de suivi du bulletin, le reçu que son votant a vu une fois.',
          es: 'Tras el cierre: el código de seguimiento de la papeleta, el recibo que su votante vio una vez.',
        },
        why: {
          en: 'Each voter checks that their ballot was counted.',
          fr: 'Chaque votant vérifie que son bulletin a été compté.',
          es: 'Cada votante comprueba que su papeleta se contó.',
        },
        personal: 'no',
      },
      nonce: {
        what: {
          en: 'After the close: the random value that, with the answers, recomputes the code.',
          fr: 'Après la clôture : la valeur aléatoire qui, avec les réponses, permet de recalculer le code.',
          es: 'Tras el cierre: el valor aleatorio que, con las respuestas, permite recalcular el código.',
        },
        why: {
          en: 'Anyone can check that no ballot was changed.',
          fr: 'Chacun peut vérifier qu’aucun bulletin n’a été modifié.',
          es: 'Cualquiera puede comprobar que ninguna papeleta se modificó.',
        },
        personal: 'no',
      },
      answers: {
        what: {
          en: 'After the close: the ballot’s answers.',
          fr: 'Après la clôture : les réponses du bulletin.',
          es: 'Tras el cierre: las respuestas de la papeleta.',
        },
        why: {
          en: 'Anyone can recount the vote.',
          fr: 'Chacun peut recompter le vote.',
          es: 'Cualquiera puede volver a contar la votación.',
        },
        personal: 'no',
      },
    },
  },

  // ───────────────────────────── The program's text ─────────────────────────────
  Program: {
    group: 'program',
    title: { en: 'Programs', fr: 'Programmes', es: 'Programas' },
    summary: {
      en: 'A program: its title, summary, phase and the rules moderators set.',
      fr: 'Un programme : son titre, son résumé, sa phase et les règles fixées par les modérateurs.',
      es: 'Un programa: su título, su resumen, su fase y las reglas que fijan los moderadores.',
    },
    retention: PROGRAM_LIFETIME,
    visibleTo: PROGRAM_READERS,
    fields: {
      id: ROW_ID,
      slug: {
        what: {
          en: 'The short name in its address.',
          fr: 'Le nom court de son adresse.',
          es: 'El nombre corto de su dirección.',
        },
        why: { en: 'Readable addresses.', fr: 'Des adresses lisibles.', es: 'Direcciones legibles.' },
        personal: 'no',
      },
      title: {
        what: { en: 'Its title.', fr: 'Son titre.', es: 'Su título.' },
        why: { en: 'To name it.', fr: 'Pour le nommer.', es: 'Para nombrarlo.' },
        personal: 'no',
      },
      summary: {
        what: { en: 'Its summary.', fr: 'Son résumé.', es: 'Su resumen.' },
        why: { en: 'To present it.', fr: 'Pour le présenter.', es: 'Para presentarlo.' },
        personal: 'no',
      },
      phase: {
        what: {
          en: 'Drafting, amending, voting or published.',
          fr: 'Rédaction, amendements, vote ou publié.',
          es: 'Redacción, enmiendas, votación o publicado.',
        },
        why: {
          en: 'It decides what members may do.',
          fr: 'Elle décide de ce que les membres peuvent faire.',
          es: 'Decide lo que pueden hacer los miembros.',
        },
        personal: 'no',
      },
      draftIsPublic: {
        what: {
          en: 'Whether the public may read the draft.',
          fr: 'Si le public peut lire le brouillon.',
          es: 'Si el público puede leer el borrador.',
        },
        why: { en: 'An openness rule.', fr: 'Une règle d’ouverture.', es: 'Una regla de apertura.' },
        personal: 'no',
      },
      draftingAccess: {
        what: {
          en: 'Who writes during drafting: every member, or only named drafters.',
          fr: 'Qui écrit pendant la rédaction : tous les membres, ou seulement les rédacteurs désignés.',
          es: 'Quién escribe durante la redacción: todos los miembros o solo los redactores designados.',
        },
        why: { en: 'A drafting rule.', fr: 'Une règle de rédaction.', es: 'Una regla de redacción.' },
        personal: 'no',
      },
      phaseStartedAt: {
        what: {
          en: 'When the current phase began.',
          fr: 'Quand la phase actuelle a commencé.',
          es: 'Cuándo empezó la fase actual.',
        },
        why: { en: 'Shown with the phase.', fr: 'Affiché avec la phase.', es: 'Se muestra con la fase.' },
        personal: 'no',
      },
      phaseEndsAt: {
        what: {
          en: 'When moderators plan to end the current phase, if they said.',
          fr: 'Quand les modérateurs prévoient de finir la phase actuelle, s’ils l’ont dit.',
          es: 'Cuándo prevén los moderadores terminar la fase actual, si lo dijeron.',
        },
        why: { en: 'Shown with the phase.', fr: 'Affiché avec la phase.', es: 'Se muestra con la fase.' },
        personal: 'no',
      },
      supportRule: {
        what: {
          en: 'What an amendment needs to qualify: a number of supports, a share of the active members, or a share of the validated local groups.',
          fr: 'Ce qu’il faut à un amendement pour être qualifié : un nombre de soutiens, une part des membres actifs, ou une part des groupes locaux validés.',
          es: 'Lo que necesita una enmienda para calificarse: un número de apoyos, una parte de los miembros activos o una parte de los grupos locales validados.',
        },
        why: { en: 'A support rule.', fr: 'Une règle de soutien.', es: 'Una regla de apoyos.' },
        personal: 'no',
      },
      supportValue: {
        what: {
          en: 'The number, or the percentage, of that rule.',
          fr: 'Le nombre, ou le pourcentage, de cette règle.',
          es: 'El número, o el porcentaje, de esa regla.',
        },
        why: { en: 'A support rule.', fr: 'Une règle de soutien.', es: 'Una regla de apoyos.' },
        personal: 'no',
      },
      supportActiveDays: {
        what: {
          en: 'How many recent days make a member active.',
          fr: 'Combien de jours récents rendent un membre actif.',
          es: 'Cuántos días recientes hacen que un miembro sea activo.',
        },
        why: { en: 'A support rule.', fr: 'Une règle de soutien.', es: 'Una regla de apoyos.' },
        personal: 'no',
      },
      supportDays: {
        what: {
          en: 'How many days a submitted amendment collects supports.',
          fr: 'Pendant combien de jours un amendement déposé recueille des soutiens.',
          es: 'Durante cuántos días recoge apoyos una enmienda presentada.',
        },
        why: { en: 'A support rule.', fr: 'Une règle de soutien.', es: 'Una regla de apoyos.' },
        personal: 'no',
      },
      applyLeaseUntil: {
        what: {
          en: 'A lock held while adopted amendments are written into the text or a version is published.',
          fr: 'Un verrou tenu pendant que des amendements adoptés sont écrits dans le texte ou qu’une version est publiée.',
          es: 'Un bloqueo que se mantiene mientras las enmiendas aprobadas se escriben en el texto o se publica una versión.',
        },
        why: {
          en: 'One writer at a time.',
          fr: 'Un seul rédacteur à la fois.',
          es: 'Un solo escritor a la vez.',
        },
        personal: 'no',
        visibleTo: NOT_SHOWN,
      },
      createdAt: { what: CREATED, why: DATES_WHY, personal: 'no' },
      updatedAt: { what: UPDATED, why: DATES_WHY, personal: 'no' },
    },
  },

  Drafter: {
    group: 'program',
    title: { en: 'Named drafters', fr: 'Rédacteurs désignés', es: 'Redactores designados' },
    summary: {
      en: 'The members moderators named to write a program while its drafting is limited to named drafters.',
      fr: 'Les membres que les modérateurs ont désignés pour écrire un programme quand sa rédaction est réservée aux rédacteurs désignés.',
      es: 'Los miembros que los moderadores designaron para escribir un programa cuando su redacción está reservada a los redactores designados.',
    },
    retention: {
      en: 'Until moderators remove you, or you delete your account.',
      fr: 'Jusqu’à ce que les modérateurs vous retirent, ou que vous supprimiez votre compte.',
      es: 'Hasta que los moderadores te retiren o elimines tu cuenta.',
    },
    visibleTo: {
      en: 'The program’s moderators, and you in your export.',
      fr: 'Les modérateurs du programme, et vous dans votre export.',
      es: 'Los moderadores del programa, y tú en tu exportación.',
    },
    fields: {
      programId: { ...PROGRAM_REF, personal: 'yes' },
      memberId: MEMBER_REF(
        { en: 'The drafter.', fr: 'Le rédacteur.', es: 'El redactor.' },
        {
          en: 'Only named drafters write when access is limited.',
          fr: 'Seuls les rédacteurs désignés écrivent quand l’accès est limité.',
          es: 'Solo los redactores designados escriben cuando el acceso está limitado.',
        },
      ),
      addedAt: {
        what: { en: 'When they were named.', fr: 'Quand il a été désigné.', es: 'Cuándo fue designado.' },
        why: DATES_WHY,
        personal: 'yes',
      },
    },
  },

  Chapter: {
    group: 'program',
    title: { en: 'Chapters', fr: 'Chapitres', es: 'Capítulos' },
    summary: {
      en: 'The ordered parts of a program.',
      fr: 'Les parties ordonnées d’un programme.',
      es: 'Las partes ordenadas de un programa.',
    },
    retention: {
      en: 'As long as the program, unless moderators remove the chapter (the audit trail records it).',
      fr: 'Aussi longtemps que le programme, sauf si les modérateurs retirent le chapitre (le journal d’audit l’enregistre).',
      es: 'Tanto como el programa, salvo si los moderadores retiran el capítulo (el registro de auditoría lo recoge).',
    },
    visibleTo: PROGRAM_READERS,
    fields: {
      id: ROW_ID,
      programId: PROGRAM_REF,
      position: {
        what: {
          en: 'Its place; its number is derived from it.',
          fr: 'Sa place ; son numéro en découle.',
          es: 'Su lugar; su número se deriva de él.',
        },
        why: { en: 'To order the program.', fr: 'Pour ordonner le programme.', es: 'Para ordenar el programa.' },
        personal: 'no',
      },
      title: {
        what: { en: 'Its title.', fr: 'Son titre.', es: 'Su título.' },
        why: { en: 'To name it.', fr: 'Pour le nommer.', es: 'Para nombrarlo.' },
        personal: 'no',
      },
      createdAt: { what: CREATED, why: DATES_WHY, personal: 'no' },
    },
  },

  Section: {
    group: 'program',
    title: { en: 'Sections', fr: 'Sections', es: 'Secciones' },
    summary: {
      en: 'The ordered parts of a chapter, each with its text.',
      fr: 'Les parties ordonnées d’un chapitre, chacune avec son texte.',
      es: 'Las partes ordenadas de un capítulo, cada una con su texto.',
    },
    retention: {
      en: 'As long as the program. A section removed by an adopted amendment is archived, not deleted; moderators may delete one that no amendment refers to.',
      fr: 'Aussi longtemps que le programme. Une section retirée par un amendement adopté est archivée, pas supprimée ; les modérateurs peuvent supprimer une section à laquelle aucun amendement ne renvoie.',
      es: 'Tanto como el programa. Una sección retirada por una enmienda aprobada se archiva, no se borra; los moderadores pueden borrar una sección a la que no remite ninguna enmienda.',
    },
    visibleTo: PROGRAM_READERS,
    fields: {
      id: ROW_ID,
      chapterId: {
        what: { en: 'Its chapter.', fr: 'Son chapitre.', es: 'Su capítulo.' },
        why: { en: 'To order the program.', fr: 'Pour ordonner le programme.', es: 'Para ordenar el programa.' },
        personal: 'no',
      },
      position: {
        what: {
          en: 'Its place in the chapter; its number is derived from it.',
          fr: 'Sa place dans le chapitre ; son numéro en découle.',
          es: 'Su lugar en el capítulo; su número se deriva de él.',
        },
        why: { en: 'To order the program.', fr: 'Pour ordonner le programme.', es: 'Para ordenar el programa.' },
        personal: 'no',
      },
      title: {
        what: { en: 'Its title.', fr: 'Son titre.', es: 'Su título.' },
        why: { en: 'To name it.', fr: 'Pour la nommer.', es: 'Para nombrarla.' },
        personal: 'no',
      },
      content: {
        what: {
          en: 'The text it was created with (the text being written lives in the live texts).',
          fr: 'Le texte avec lequel elle a été créée (le texte en cours d’écriture vit dans les textes en direct).',
          es: 'El texto con el que se creó (el texto en redacción vive en los textos en directo).',
        },
        why: {
          en: 'The live text starts from it.',
          fr: 'Le texte en direct part de lui.',
          es: 'El texto en directo parte de él.',
        },
        personal: 'no',
      },
      lockedAt: {
        what: {
          en: 'When moderators, or a vote, locked it.',
          fr: 'Quand les modérateurs, ou un vote, l’ont verrouillée.',
          es: 'Cuándo la bloquearon los moderadores o una votación.',
        },
        why: {
          en: 'Nobody writes a locked section.',
          fr: 'Personne n’écrit une section verrouillée.',
          es: 'Nadie escribe en una sección bloqueada.',
        },
        personal: 'no',
      },
      lockReason: {
        what: { en: 'Why it is locked.', fr: 'Pourquoi elle est verrouillée.', es: 'Por qué está bloqueada.' },
        why: {
          en: 'Shown to everyone who reads it.',
          fr: 'Affiché à quiconque la lit.',
          es: 'Se muestra a quien la lea.',
        },
        personal: 'no',
      },
      lockedByRoundId: {
        what: {
          en: 'The voting round that locked it, if any.',
          fr: 'Le scrutin qui l’a verrouillée, le cas échéant.',
          es: 'La votación que la bloqueó, si la hay.',
        },
        why: {
          en: 'The lock lifts itself at the close.',
          fr: 'Le verrou se lève de lui-même à la clôture.',
          es: 'El bloqueo se levanta solo al cierre.',
        },
        personal: 'no',
      },
      archivedAt: {
        what: {
          en: 'When an adopted amendment removed it.',
          fr: 'Quand un amendement adopté l’a retirée.',
          es: 'Cuándo la retiró una enmienda aprobada.',
        },
        why: {
          en: 'The amendments and history that refer to it stay readable.',
          fr: 'Les amendements et l’historique qui y renvoient restent lisibles.',
          es: 'Las enmiendas y el historial que remiten a ella siguen siendo legibles.',
        },
        personal: 'no',
      },
      createdAt: { what: CREATED, why: DATES_WHY, personal: 'no' },
      updatedAt: { what: UPDATED, why: DATES_WHY, personal: 'no' },
    },
  },

  AmendmentApplication: {
    group: 'program',
    title: {
      en: 'Adopted amendments written into the text',
      fr: 'Amendements adoptés écrits dans le texte',
      es: 'Enmiendas aprobadas escritas en el texto',
    },
    summary: {
      en: 'Each adopted amendment applied to the text, with the section’s text before and after: where the published program’s provenance comes from.',
      fr: 'Chaque amendement adopté appliqué au texte, avec le texte de la section avant et après : d’où vient la provenance du programme publié.',
      es: 'Cada enmienda aprobada aplicada al texto, con el texto de la sección antes y después: de ahí sale la procedencia del programa publicado.',
    },
    retention: {
      en: 'Forever: it is the program’s provenance.',
      fr: 'Pour toujours : c’est la provenance du programme.',
      es: 'Para siempre: es la procedencia del programa.',
    },
    visibleTo: PROGRAM_READERS,
    fields: {
      id: ROW_ID,
      amendmentId: AMENDMENT_REF,
      programId: PROGRAM_REF,
      sectionId: {
        what: {
          en: 'The section changed (or created).',
          fr: 'La section modifiée (ou créée).',
          es: 'La sección modificada (o creada).',
        },
        why: { en: 'To trace the change.', fr: 'Pour retracer la modification.', es: 'Para rastrear el cambio.' },
        personal: 'no',
      },
      status: {
        what: {
          en: 'Pending, applied, or in conflict (waiting for a moderator).',
          fr: 'En cours, appliqué, ou en conflit (en attente d’un modérateur).',
          es: 'Pendiente, aplicada o en conflicto (a la espera de un moderador).',
        },
        why: {
          en: 'An adopted amendment is never dropped nor forced.',
          fr: 'Un amendement adopté n’est jamais abandonné ni forcé.',
          es: 'Una enmienda aprobada nunca se abandona ni se fuerza.',
        },
        personal: 'no',
      },
      seq: {
        what: {
          en: 'Its order of application in the program.',
          fr: 'Son ordre d’application dans le programme.',
          es: 'Su orden de aplicación en el programa.',
        },
        why: {
          en: 'Each version’s changelog is the applications since the previous one.',
          fr: 'Le journal des changements de chaque version, ce sont les applications depuis la précédente.',
          es: 'El registro de cambios de cada versión son las aplicaciones desde la anterior.',
        },
        personal: 'no',
      },
      before: {
        what: {
          en: 'The section’s text before.',
          fr: 'Le texte de la section avant.',
          es: 'El texto de la sección antes.',
        },
        why: { en: 'Provenance.', fr: 'La provenance.', es: 'La procedencia.' },
        personal: 'no',
      },
      after: {
        what: {
          en: 'The section’s text after.',
          fr: 'Le texte de la section après.',
          es: 'El texto de la sección después.',
        },
        why: { en: 'Provenance.', fr: 'La provenance.', es: 'La procedencia.' },
        personal: 'no',
      },
      createdAt: { what: CREATED, why: DATES_WHY, personal: 'no' },
      appliedAt: {
        what: {
          en: 'When it was written into the text.',
          fr: 'Quand il a été écrit dans le texte.',
          es: 'Cuándo se escribió en el texto.',
        },
        why: DATES_WHY,
        personal: 'no',
      },
      resolvedById: {
        what: {
          en: 'For a conflict: the moderator who resolved it.',
          fr: 'Pour un conflit : le modérateur qui l’a résolu.',
          es: 'Para un conflicto: el moderador que lo resolvió.',
        },
        why: {
          en: 'Moderators answer for their decisions.',
          fr: 'Les modérateurs répondent de leurs décisions.',
          es: 'Los moderadores responden de sus decisiones.',
        },
        personal: 'pseudonymous',
        visibleTo: NOT_SHOWN,
      },
      resolution: {
        what: {
          en: 'For a conflict: how and why it was resolved, in the moderator’s words.',
          fr: 'Pour un conflit : comment et pourquoi il a été résolu, dans les mots du modérateur.',
          es: 'Para un conflicto: cómo y por qué se resolvió, en palabras del moderador.',
        },
        why: { en: 'Provenance.', fr: 'La provenance.', es: 'La procedencia.' },
        personal: 'no',
      },
    },
  },

  ProgramVersion: {
    group: 'program',
    title: { en: 'Published versions', fr: 'Versions publiées', es: 'Versiones publicadas' },
    summary: {
      en: 'A published version of the program, which never changes.',
      fr: 'Une version publiée du programme, qui ne change jamais.',
      es: 'Una versión publicada del programa, que nunca cambia.',
    },
    retention: FOREVER_PUBLIC,
    visibleTo: EVERYONE,
    fields: {
      id: ROW_ID,
      programId: PROGRAM_REF,
      number: {
        what: { en: 'Its number: 1, 2, …', fr: 'Son numéro : 1, 2…', es: 'Su número: 1, 2…' },
        why: { en: 'To name it.', fr: 'Pour la nommer.', es: 'Para nombrarla.' },
        personal: 'no',
      },
      title: {
        what: {
          en: 'The program’s title then.',
          fr: 'Le titre du programme à ce moment.',
          es: 'El título del programa entonces.',
        },
        why: { en: 'To show it.', fr: 'Pour l’afficher.', es: 'Para mostrarlo.' },
        personal: 'no',
      },
      note: {
        what: {
          en: 'What this version changes, in the moderators’ words.',
          fr: 'Ce que cette version change, dans les mots des modérateurs.',
          es: 'Lo que cambia esta versión, en palabras de los moderadores.',
        },
        why: { en: 'To present it.', fr: 'Pour la présenter.', es: 'Para presentarla.' },
        personal: 'no',
      },
      throughSeq: {
        what: {
          en: 'The last adopted amendment it includes.',
          fr: 'Le dernier amendement adopté qu’elle inclut.',
          es: 'La última enmienda aprobada que incluye.',
        },
        why: {
          en: 'To compute its changelog.',
          fr: 'Pour calculer son journal des changements.',
          es: 'Para calcular su registro de cambios.',
        },
        personal: 'no',
      },
      publishedAt: {
        what: { en: 'When it was published.', fr: 'Quand elle a été publiée.', es: 'Cuándo se publicó.' },
        why: DATES_WHY,
        personal: 'no',
      },
      publishedById: {
        what: {
          en: 'The moderator who published it.',
          fr: 'Le modérateur qui l’a publiée.',
          es: 'El moderador que la publicó.',
        },
        why: {
          en: 'Moderators answer for their decisions.',
          fr: 'Les modérateurs répondent de leurs décisions.',
          es: 'Los moderadores responden de sus decisiones.',
        },
        personal: 'pseudonymous',
        visibleTo: NOT_SHOWN,
      },
      outline: {
        what: {
          en: 'Its table of contents and where each adopted passage comes from: the amendment, its vote, and its authors’ ids (their names are looked up at each reading, so a former member’s name is gone).',
          fr: 'Sa table des matières et l’origine de chaque passage adopté : l’amendement, son vote, et les identifiants de ses auteurs (leurs noms sont recherchés à chaque lecture : celui d’un ancien membre a disparu).',
          es: 'Su índice y el origen de cada pasaje aprobado: la enmienda, su votación y los identificadores de sus autores (sus nombres se buscan en cada lectura, así que el de un antiguo miembro ya no aparece).',
        },
        why: {
          en: 'Readers see why each passage is there, and who proposed it.',
          fr: 'Les lecteurs voient pourquoi chaque passage est là, et qui l’a proposé.',
          es: 'Los lectores ven por qué está cada pasaje y quién lo propuso.',
        },
        personal: 'pseudonymous',
      },
      changelog: {
        what: {
          en: 'The amendments applied since the previous version, with their results.',
          fr: 'Les amendements appliqués depuis la version précédente, avec leurs résultats.',
          es: 'Las enmiendas aplicadas desde la versión anterior, con sus resultados.',
        },
        why: {
          en: 'Readers see what changed and why.',
          fr: 'Les lecteurs voient ce qui a changé et pourquoi.',
          es: 'Los lectores ven qué cambió y por qué.',
        },
        personal: 'no',
      },
      html: {
        what: {
          en: 'The whole version as one page.',
          fr: 'Toute la version sur une seule page.',
          es: 'Toda la versión en una sola página.',
        },
        why: {
          en: 'For the one-page view and exports.',
          fr: 'Pour la vue sur une page et les exports.',
          es: 'Para la vista en una página y las exportaciones.',
        },
        personal: 'no',
      },
    },
  },

  VersionSection: {
    group: 'program',
    title: {
      en: 'Sections of published versions',
      fr: 'Sections des versions publiées',
      es: 'Secciones de las versiones publicadas',
    },
    summary: {
      en: 'One section of a published version, with where each passage comes from.',
      fr: 'Une section d’une version publiée, avec l’origine de chaque passage.',
      es: 'Una sección de una versión publicada, con el origen de cada pasaje.',
    },
    retention: FOREVER_PUBLIC,
    visibleTo: EVERYONE,
    fields: {
      versionId: {
        what: { en: 'Its version.', fr: 'Sa version.', es: 'Su versión.' },
        why: { en: 'To find it.', fr: 'Pour la retrouver.', es: 'Para encontrarla.' },
        personal: 'no',
      },
      sectionId: {
        what: {
          en: 'The section it is a copy of.',
          fr: 'La section dont elle est la copie.',
          es: 'La sección de la que es copia.',
        },
        why: {
          en: 'To compare versions section by section.',
          fr: 'Pour comparer les versions section par section.',
          es: 'Para comparar las versiones sección por sección.',
        },
        personal: 'no',
      },
      position: {
        what: { en: 'Its reading order.', fr: 'Son ordre de lecture.', es: 'Su orden de lectura.' },
        why: { en: 'To order the version.', fr: 'Pour ordonner la version.', es: 'Para ordenar la versión.' },
        personal: 'no',
      },
      number: {
        what: { en: 'Its number, e.g. 3.2.', fr: 'Son numéro, par exemple 3.2.', es: 'Su número, por ejemplo 3.2.' },
        why: { en: 'To show it.', fr: 'Pour l’afficher.', es: 'Para mostrarlo.' },
        personal: 'no',
      },
      chapterId: {
        what: { en: 'Its chapter.', fr: 'Son chapitre.', es: 'Su capítulo.' },
        why: { en: 'To group sections.', fr: 'Pour regrouper les sections.', es: 'Para agrupar las secciones.' },
        personal: 'no',
      },
      chapterNumber: {
        what: { en: 'Its chapter’s number.', fr: 'Le numéro de son chapitre.', es: 'El número de su capítulo.' },
        why: { en: 'To show it.', fr: 'Pour l’afficher.', es: 'Para mostrarlo.' },
        personal: 'no',
      },
      chapterTitle: {
        what: { en: 'Its chapter’s title.', fr: 'Le titre de son chapitre.', es: 'El título de su capítulo.' },
        why: { en: 'To show it.', fr: 'Pour l’afficher.', es: 'Para mostrarlo.' },
        personal: 'no',
      },
      title: {
        what: { en: 'Its title.', fr: 'Son titre.', es: 'Su título.' },
        why: { en: 'To show it.', fr: 'Pour l’afficher.', es: 'Para mostrarlo.' },
        personal: 'no',
      },
      doc: {
        what: {
          en: 'Its text, each passage marked with the amendment that wrote it.',
          fr: 'Son texte, chaque passage marqué de l’amendement qui l’a écrit.',
          es: 'Su texto, con cada pasaje marcado con la enmienda que lo escribió.',
        },
        why: {
          en: 'Readers see where each passage comes from.',
          fr: 'Les lecteurs voient d’où vient chaque passage.',
          es: 'Los lectores ven de dónde viene cada pasaje.',
        },
        personal: 'no',
      },
      text: {
        what: { en: 'Its plain text.', fr: 'Son texte brut.', es: 'Su texto plano.' },
        why: { en: 'For search.', fr: 'Pour la recherche.', es: 'Para la búsqueda.' },
        personal: 'no',
      },
    },
  },

  // ───────────────────────────── Moderation and audit ─────────────────────────────
  CommentReport: {
    group: 'moderation',
    title: { en: 'Reports of comments', fr: 'Signalements de commentaires', es: 'Denuncias de comentarios' },
    summary: {
      en: 'A member’s report of a comment to moderators, with the reason: one per member and comment.',
      fr: 'Le signalement d’un commentaire aux modérateurs par un membre, avec le motif : un par membre et par commentaire.',
      es: 'La denuncia de un comentario a los moderadores por parte de un miembro, con el motivo: una por miembro y comentario.',
    },
    retention: {
      en: 'As long as the comment, also once moderators settled it. If you delete your account, your reports stay under your empty account (“former member”).',
      fr: 'Aussi longtemps que le commentaire, y compris une fois traité par les modérateurs. Si vous supprimez votre compte, vos signalements restent sous votre compte vidé (« ancien membre »).',
      es: 'Tanto como el comentario, también una vez resuelta por los moderadores. Si eliminas tu cuenta, tus denuncias se quedan bajo tu cuenta vaciada («antiguo miembro»).',
    },
    visibleTo: {
      en: 'The moderators, who see the reason and the date but not who reported; and you, in your export.',
      fr: 'Les modérateurs, qui voient le motif et la date mais pas qui a signalé ; et vous, dans votre export.',
      es: 'Los moderadores, que ven el motivo y la fecha pero no quién denunció; y tú, en tu exportación.',
    },
    fields: {
      commentId: {
        what: { en: 'The comment reported.', fr: 'Le commentaire signalé.', es: 'El comentario denunciado.' },
        why: { en: 'To settle it.', fr: 'Pour le traiter.', es: 'Para resolverla.' },
        personal: 'yes',
      },
      memberId: {
        ...MEMBER_REF(
          { en: 'Who reported it.', fr: 'Qui l’a signalé.', es: 'Quién lo denunció.' },
          {
            en: 'One report per member and comment.',
            fr: 'Un signalement par membre et par commentaire.',
            es: 'Una denuncia por miembro y comentario.',
          },
        ),
        visibleTo: {
          en: 'Nobody: moderators are not told who reported.',
          fr: 'Personne : les modérateurs ne savent pas qui a signalé.',
          es: 'Nadie: a los moderadores no se les dice quién denunció.',
        },
      },
      reason: {
        what: { en: 'Why, in your words.', fr: 'Pourquoi, dans vos mots.', es: 'Por qué, en tus palabras.' },
        why: {
          en: 'Moderators decide knowing why.',
          fr: 'Les modérateurs décident en sachant pourquoi.',
          es: 'Los moderadores deciden sabiendo por qué.',
        },
        personal: 'yes',
      },
      createdAt: { what: CREATED, why: DATES_WHY, personal: 'yes' },
      resolvedAt: {
        what: {
          en: 'When moderators settled it: the comment hidden, or kept.',
          fr: 'Quand les modérateurs l’ont traité : commentaire masqué, ou gardé.',
          es: 'Cuándo la resolvieron los moderadores: comentario ocultado o mantenido.',
        },
        why: {
          en: 'Settled reports leave the moderators’ queue.',
          fr: 'Les signalements traités quittent la file des modérateurs.',
          es: 'Las denuncias resueltas salen de la cola de los moderadores.',
        },
        personal: 'no',
      },
    },
  },

  AuditEvent: {
    group: 'moderation',
    title: { en: 'Audit trail', fr: 'Journal d’audit', es: 'Registro de auditoría' },
    summary: {
      en: 'An append-only record of who did what, and why: sign-ups, changes of role, password or address, moderators’ decisions, phase changes, votes, publications.',
      fr: 'Un registre en ajout seul de qui a fait quoi, et pourquoi : adhésions, changements de rôle, de mot de passe ou d’adresse, décisions des modérateurs, changements de phase, scrutins, publications.',
      es: 'Un registro de solo adición de quién hizo qué y por qué: altas, cambios de rol, de contraseña o de dirección, decisiones de los moderadores, cambios de fase, votaciones, publicaciones.',
    },
    retention: {
      en: 'Forever: the database refuses to change or delete these rows. They hold opaque ids, never an email address or a password; once a member deletes their account, their id names no one.',
      fr: 'Pour toujours : la base refuse de modifier ou de supprimer ces lignes. Elles contiennent des identifiants opaques, jamais une adresse e-mail ni un mot de passe ; quand un membre supprime son compte, son identifiant ne désigne plus personne.',
      es: 'Para siempre: la base de datos se niega a modificar o borrar estas filas. Contienen identificadores opacos, nunca una dirección de correo ni una contraseña; cuando un miembro elimina su cuenta, su identificador ya no designa a nadie.',
    },
    visibleTo: {
      en: 'Parts are public with the program (phase changes, an amendment’s timeline, the moderation log, with the names of who acted); events about an account are visible to administrators; your own actions are in your export.',
      fr: 'Une partie est publique avec le programme (changements de phase, chronologie d’un amendement, journal de modération, avec le nom de qui a agi) ; les événements d’un compte sont visibles des administrateurs ; vos propres actions sont dans votre export.',
      es: 'Una parte es pública con el programa (cambios de fase, cronología de una enmienda, registro de moderación, con el nombre de quién actuó); los eventos de una cuenta los ven los administradores; tus propias acciones están en tu exportación.',
    },
    fields: {
      id: SEQUENCE_ID,
      actorId: MEMBER_REF(
        {
          en: 'The member who acted (none for the system).',
          fr: 'Le membre qui a agi (aucun pour le système).',
          es: 'El miembro que actuó (ninguno para el sistema).',
        },
        {
          en: 'Everyone answers for what they decide.',
          fr: 'Chacun répond de ce qu’il décide.',
          es: 'Cada cual responde de lo que decide.',
        },
      ),
      action: {
        what: {
          en: 'What was done, e.g. “member.role_changed”.',
          fr: 'Ce qui a été fait, par exemple « member.role_changed ».',
          es: 'Lo que se hizo, por ejemplo «member.role_changed».',
        },
        why: { en: 'The record itself.', fr: 'La trace elle-même.', es: 'El registro en sí.' },
        personal: 'no',
      },
      targetType: {
        what: {
          en: 'What kind of thing was acted on (an account, an amendment, a section…).',
          fr: 'Le genre de chose concernée (un compte, un amendement, une section…).',
          es: 'El tipo de cosa afectada (una cuenta, una enmienda, una sección…).',
        },
        why: { en: 'The record itself.', fr: 'La trace elle-même.', es: 'El registro en sí.' },
        personal: 'no',
      },
      targetId: {
        what: {
          en: 'Its id (a member’s opaque id when an account was acted on).',
          fr: 'Son identifiant (l’identifiant opaque d’un membre quand il s’agit d’un compte).',
          es: 'Su identificador (el identificador opaco de un miembro cuando se trata de una cuenta).',
        },
        why: { en: 'The record itself.', fr: 'La trace elle-même.', es: 'El registro en sí.' },
        personal: 'pseudonymous',
      },
      reason: {
        what: {
          en: 'The reason given by whoever acted, where one is required (moderators’ decisions, role changes).',
          fr: 'Le motif donné par qui a agi, quand il est exigé (décisions des modérateurs, changements de rôle).',
          es: 'El motivo dado por quien actuó, cuando se exige (decisiones de los moderadores, cambios de rol).',
        },
        why: {
          en: 'Decisions are explained.',
          fr: 'Les décisions sont expliquées.',
          es: 'Las decisiones se explican.',
        },
        personal: 'yes',
      },
      data: {
        what: {
          en: 'The facts of the change: old and new values (a role, a phase, a section’s title and text), sometimes another member’s opaque id.',
          fr: 'Les faits du changement : anciennes et nouvelles valeurs (un rôle, une phase, le titre et le texte d’une section), parfois l’identifiant opaque d’un autre membre.',
          es: 'Los hechos del cambio: valores anteriores y nuevos (un rol, una fase, el título y el texto de una sección), a veces el identificador opaco de otro miembro.',
        },
        why: {
          en: 'To know exactly what changed.',
          fr: 'Pour savoir exactement ce qui a changé.',
          es: 'Para saber exactamente qué cambió.',
        },
        personal: 'pseudonymous',
      },
      createdAt: {
        what: { en: 'When it happened.', fr: 'Quand cela s’est passé.', es: 'Cuándo ocurrió.' },
        why: DATES_WHY,
        personal: 'no',
      },
    },
  },

  // ───────────────────────────── Technical ─────────────────────────────
  LoginFailure: {
    group: 'technical',
    title: { en: 'Failed sign-ins', fr: 'Connexions échouées', es: 'Inicios de sesión fallidos' },
    summary: {
      en: 'Each sign-in attempt, recorded as a failure until the password is found right, to slow down password guessing per account and per network address.',
      fr: 'Chaque tentative de connexion, enregistrée comme un échec tant que le mot de passe n’est pas reconnu, pour freiner les essais de mots de passe par compte et par adresse réseau.',
      es: 'Cada intento de inicio de sesión, registrado como fallo mientras la contraseña no sea correcta, para frenar los intentos de adivinar contraseñas por cuenta y por dirección de red.',
    },
    retention: {
      en: 'Counted for one hour only; rows older than an hour are deleted within ten minutes. A successful sign-in, or a password reset, clears the failures of the account; deleting your account deletes those recorded under your email address.',
      fr: 'Comptées pendant une heure seulement ; les lignes de plus d’une heure sont supprimées dans les dix minutes. Une connexion réussie, ou une réinitialisation du mot de passe, efface les échecs du compte ; supprimer votre compte efface ceux enregistrés sous votre adresse e-mail.',
      es: 'Se cuentan solo durante una hora; las filas de más de una hora se borran en menos de diez minutos. Un inicio de sesión correcto, o un restablecimiento de contraseña, borra los fallos de la cuenta; eliminar tu cuenta borra los registrados con tu dirección de correo.',
    },
    visibleTo: NOBODY,
    fields: {
      id: SEQUENCE_ID,
      scope: {
        what: {
          en: 'Whether it counts against an account or against a network address.',
          fr: 'S’il compte contre un compte ou contre une adresse réseau.',
          es: 'Si cuenta contra una cuenta o contra una dirección de red.',
        },
        why: {
          en: 'Both are throttled, separately.',
          fr: 'Les deux sont freinés, séparément.',
          es: 'Ambos se frenan, por separado.',
        },
        personal: 'no',
      },
      key: {
        what: {
          en: 'The email address typed (account) or the IP address the attempt came from (network address).',
          fr: 'L’adresse e-mail saisie (compte) ou l’adresse IP d’où venait la tentative (adresse réseau).',
          es: 'La dirección de correo escrita (cuenta) o la dirección IP de la que vino el intento (dirección de red).',
        },
        why: {
          en: 'To count the attempts against each.',
          fr: 'Pour compter les tentatives contre chacune.',
          es: 'Para contar los intentos contra cada una.',
        },
        personal: 'yes',
      },
      createdAt: {
        what: {
          en: 'When the attempt was made.',
          fr: 'Quand la tentative a eu lieu.',
          es: 'Cuándo se hizo el intento.',
        },
        why: {
          en: 'Only the last hour counts.',
          fr: 'Seule la dernière heure compte.',
          es: 'Solo cuenta la última hora.',
        },
        personal: 'no',
      },
    },
  },

  CollabDocument: {
    group: 'technical',
    title: { en: 'Live texts', fr: 'Textes en direct', es: 'Textos en directo' },
    summary: {
      en: 'The stored state of a text written together: a section, or an amendment’s draft. It records no member id: who typed what is not stored.',
      fr: 'L’état enregistré d’un texte écrit à plusieurs : une section, ou le brouillon d’un amendement. Il ne contient aucun identifiant de membre : qui a tapé quoi n’est pas enregistré.',
      es: 'El estado guardado de un texto escrito entre varios: una sección o el borrador de una enmienda. No contiene ningún identificador de miembro: quién escribió qué no se guarda.',
    },
    retention: {
      en: 'As long as its section or amendment; deleted with a section moderators delete.',
      fr: 'Aussi longtemps que sa section ou son amendement ; supprimé avec une section que les modérateurs suppriment.',
      es: 'Tanto como su sección o enmienda; se borra con una sección que borren los moderadores.',
    },
    visibleTo: {
      en: 'Whoever may read that section or that draft.',
      fr: 'Quiconque peut lire cette section ou ce brouillon.',
      es: 'Quien pueda leer esa sección o ese borrador.',
    },
    fields: {
      name: {
        what: {
          en: 'Which text: “section:” or “amendment:” followed by its id.',
          fr: 'Quel texte : « section: » ou « amendment: » suivi de son identifiant.',
          es: 'Qué texto: «section:» o «amendment:» seguido de su identificador.',
        },
        why: { en: 'To find it.', fr: 'Pour le retrouver.', es: 'Para encontrarlo.' },
        personal: 'no',
      },
      snapshot: {
        what: {
          en: 'The text and its editing state, in the Yjs format, with no member id.',
          fr: 'Le texte et son état d’édition, au format Yjs, sans identifiant de membre.',
          es: 'El texto y su estado de edición, en formato Yjs, sin identificador de miembro.',
        },
        why: {
          en: 'Editors pick up where the text stands, even offline.',
          fr: 'Les rédacteurs reprennent là où en est le texte, même hors ligne.',
          es: 'Los editores retoman el texto donde está, incluso sin conexión.',
        },
        personal: 'no',
      },
      snapshotSeq: {
        what: {
          en: 'The last change folded into it.',
          fr: 'La dernière modification intégrée.',
          es: 'El último cambio integrado.',
        },
        why: {
          en: 'No change is lost or applied twice.',
          fr: 'Aucune modification n’est perdue ni appliquée deux fois.',
          es: 'Ningún cambio se pierde ni se aplica dos veces.',
        },
        personal: 'no',
      },
      updatedAt: { what: UPDATED, why: DATES_WHY, personal: 'no' },
    },
  },

  CollabUpdate: {
    group: 'technical',
    title: {
      en: 'Live-text changes',
      fr: 'Modifications des textes en direct',
      es: 'Cambios de los textos en directo',
    },
    summary: {
      en: 'Each change to a live text, stored before it is relayed to the other editors. No member id.',
      fr: 'Chaque modification d’un texte en direct, enregistrée avant d’être relayée aux autres rédacteurs. Aucun identifiant de membre.',
      es: 'Cada cambio de un texto en directo, guardado antes de retransmitirse a los demás editores. Ningún identificador de miembro.',
    },
    retention: {
      en: 'Until it is folded into the stored text: after 200 changes or 512 KB, when the last editor leaves, or when the server stops.',
      fr: 'Jusqu’à son intégration au texte enregistré : après 200 modifications ou 512 Ko, quand le dernier rédacteur part, ou à l’arrêt du serveur.',
      es: 'Hasta que se integra en el texto guardado: tras 200 cambios o 512 KB, cuando se va el último editor o cuando se detiene el servidor.',
    },
    visibleTo: {
      en: 'Whoever may read that text, as part of it.',
      fr: 'Quiconque peut lire ce texte, dont elle fait partie.',
      es: 'Quien pueda leer ese texto, del que forma parte.',
    },
    fields: {
      id: SEQUENCE_ID,
      docName: {
        what: { en: 'Which live text.', fr: 'Quel texte en direct.', es: 'Qué texto en directo.' },
        why: { en: 'To find it.', fr: 'Pour le retrouver.', es: 'Para encontrarlo.' },
        personal: 'no',
      },
      data: {
        what: {
          en: 'The change, in the Yjs format, with no member id.',
          fr: 'La modification, au format Yjs, sans identifiant de membre.',
          es: 'El cambio, en formato Yjs, sin identificador de miembro.',
        },
        why: {
          en: 'Nothing typed is lost if the server stops.',
          fr: 'Rien de ce qui a été tapé n’est perdu si le serveur s’arrête.',
          es: 'Nada de lo escrito se pierde si el servidor se detiene.',
        },
        personal: 'no',
      },
      createdAt: { what: CREATED, why: DATES_WHY, personal: 'no' },
    },
  },
};

/** The descriptions, as written (the tests check every sentence in every language). */
export const PRIVACY_INVENTORY: Readonly<Record<string, ModelDescription<string>>> = INVENTORY;

const GROUPS: Record<GroupId, { title: Text; intro: Text }> = {
  account: {
    title: { en: 'Your account', fr: 'Votre compte', es: 'Tu cuenta' },
    intro: {
      en: 'What lets you sign in and hear from Plenum.',
      fr: 'Ce qui vous permet de vous connecter et d’être tenu·e au courant.',
      es: 'Lo que te permite iniciar sesión y enterarte de lo que pasa.',
    },
  },
  contributions: {
    title: { en: 'Your contributions', fr: 'Vos contributions', es: 'Tus contribuciones' },
    intro: {
      en: 'Amendments, supports and comments. What you write is meant to be read and stays part of the program’s history; who supports what is never shown.',
      fr: 'Amendements, soutiens et commentaires. Ce que vous écrivez est fait pour être lu et reste dans l’histoire du programme ; qui soutient quoi n’est jamais affiché.',
      es: 'Enmiendas, apoyos y comentarios. Lo que escribes está hecho para leerse y queda en la historia del programa; quién apoya qué nunca se muestra.',
    },
  },
  groups: {
    title: { en: 'Local groups', fr: 'Groupes locaux', es: 'Grupos locales' },
    intro: {
      en: 'Groups members create near where they live. Which group you belong to is seen only by its other members.',
      fr: 'Les groupes que les membres créent près de chez eux. Le groupe auquel vous appartenez n’est vu que par ses autres membres.',
      es: 'Los grupos que los miembros crean cerca de donde viven. A qué grupo perteneces solo lo ven sus demás miembros.',
    },
  },
  votes: {
    title: { en: 'Votes', fr: 'Votes', es: 'Votaciones' },
    intro: {
      en: 'Who may vote and who voted are kept apart from the ballots, which are never linked to a member.',
      fr: 'Qui peut voter et qui a voté sont gardés à part des bulletins, qui ne sont jamais reliés à un membre.',
      es: 'Quién puede votar y quién votó se guardan aparte de las papeletas, que nunca están vinculadas a un miembro.',
    },
  },
  program: {
    title: { en: 'The program’s text', fr: 'Le texte du programme', es: 'El texto del programa' },
    intro: {
      en: 'The program and its published versions: the movement’s public text.',
      fr: 'Le programme et ses versions publiées : le texte public du mouvement.',
      es: 'El programa y sus versiones publicadas: el texto público del movimiento.',
    },
  },
  moderation: {
    title: { en: 'Moderation and audit', fr: 'Modération et audit', es: 'Moderación y auditoría' },
    intro: {
      en: 'Reports to moderators, and the trail of who decided what.',
      fr: 'Les signalements aux modérateurs, et la trace de qui a décidé quoi.',
      es: 'Las denuncias a los moderadores y el rastro de quién decidió qué.',
    },
  },
  technical: {
    title: { en: 'Technical', fr: 'Technique', es: 'Técnico' },
    intro: {
      en: 'What keeps the service safe and the shared texts in sync.',
      fr: 'Ce qui protège le service et synchronise les textes partagés.',
      es: 'Lo que protege el servicio y sincroniza los textos compartidos.',
    },
  },
};

/** The words of the page around the tables, per language. */
const PAGE = {
  title: { en: 'Privacy', fr: 'Confidentialité', es: 'Privacidad' },
  heading: {
    en: 'What Plenum stores, why, and for how long',
    fr: 'Ce que Plenum enregistre, pourquoi, et pour combien de temps',
    es: 'Qué guarda Plenum, por qué y durante cuánto tiempo',
  },
  intro: [
    {
      en: 'This Plenum instance is run by the movement that uses it, on its own server. The movement answers for the data described here, and Plenum hands none of it to anyone else.',
      fr: 'Cette instance de Plenum est gérée par le mouvement qui l’utilise, sur son propre serveur. Le mouvement répond des données décrites ici, et Plenum n’en transmet aucune à qui que ce soit d’autre.',
      es: 'Esta instancia de Plenum la gestiona el movimiento que la usa, en su propio servidor. El movimiento responde de los datos descritos aquí, y Plenum no se los entrega a nadie más.',
    },
    {
      en: 'No trackers, no analytics, no advertising, no third-party service. Every page, style, script and image comes from this server and fonts are your device’s own; a strict Content-Security-Policy stops your browser from contacting any other site.',
      fr: 'Ni traceur, ni mesure d’audience, ni publicité, ni service tiers. Chaque page, style, script et image vient de ce serveur et les polices sont celles de votre appareil ; une Content-Security-Policy stricte empêche votre navigateur de contacter tout autre site.',
      es: 'Ni rastreadores, ni analítica, ni publicidad, ni servicios de terceros. Cada página, estilo, script e imagen viene de este servidor y las fuentes son las de tu dispositivo; una Content-Security-Policy estricta impide que tu navegador contacte con cualquier otro sitio.',
    },
    {
      en: 'Being a member of a political movement says something about your opinions. Plenum keeps only what it needs, for the reasons given below.',
      fr: 'Adhérer à un mouvement politique dit quelque chose de vos opinions. Plenum ne garde que ce dont il a besoin, pour les raisons données ci-dessous.',
      es: 'Ser miembro de un movimiento político dice algo de tus opiniones. Plenum solo guarda lo que necesita, por las razones indicadas abajo.',
    },
    {
      en: 'In your browser, Plenum keeps three cookies and nothing else: your session while you are signed in (30 days at most), your language (one year), and a one-minute message after an action. The server’s log notes the path, status and duration of each request, not your IP address nor who you are; to brake abuse, forms sent from each IP address are counted in memory only, and forgotten within ten minutes. Emails (address confirmation, password reset, and the digest or vote announcements if you ask for them) go out through the mail server the movement configures.',
      fr: 'Dans votre navigateur, Plenum garde trois cookies et rien d’autre : votre session tant que vous êtes connecté·e (30 jours au plus), votre langue (un an), et un message d’une minute après une action. Le journal du serveur note le chemin, le statut et la durée de chaque requête, ni votre adresse IP ni qui vous êtes ; pour freiner les abus, les formulaires envoyés depuis chaque adresse IP sont comptés en mémoire seulement, et oubliés en dix minutes au plus. Les e-mails (confirmation d’adresse, réinitialisation du mot de passe, et le récapitulatif ou l’annonce des votes si vous les demandez) partent par le serveur de messagerie que le mouvement configure.',
      es: 'En tu navegador, Plenum guarda tres cookies y nada más: tu sesión mientras la tienes iniciada (30 días como máximo), tu idioma (un año) y un mensaje de un minuto tras una acción. El registro del servidor anota la ruta, el estado y la duración de cada petición, no tu dirección IP ni quién eres; para frenar abusos, los formularios enviados desde cada dirección IP se cuentan solo en memoria y se olvidan en diez minutos como máximo. Los correos (confirmación de dirección, restablecimiento de contraseña y el resumen o el aviso de votaciones si los pides) salen por el servidor de correo que configura el movimiento.',
    },
  ],
  account: {
    before: {
      en: 'You can download everything Plenum holds about you, and delete your account, from ',
      fr: 'Vous pouvez télécharger tout ce que Plenum détient sur vous, et supprimer votre compte, depuis ',
      es: 'Puedes descargar todo lo que Plenum tiene sobre ti, y eliminar tu cuenta, desde ',
    },
    link: { en: 'your account page', fr: 'votre page de compte', es: 'tu página de cuenta' },
    after: { en: '.', fr: '.', es: '.' },
  },
  generated: {
    en: 'The tables below are generated from the database’s own description: every table and every field is listed, and Plenum’s tests fail if a field is added without being described here. “Who can see it” says who can see a field through Plenum; the people who run the server can technically read the database and its backups, except the content of ballots, sealed while a vote is open and never linked to anyone once it is closed.',
    fr: 'Les tableaux ci-dessous sont générés à partir de la description de la base elle-même : chaque table et chaque champ y figure, et les tests de Plenum échouent si un champ est ajouté sans être décrit ici. « Qui peut le voir » dit qui peut voir un champ à travers Plenum ; les personnes qui font tourner le serveur peuvent techniquement lire la base et ses sauvegardes, sauf le contenu des bulletins, scellés pendant un scrutin et reliés à personne une fois celui-ci clos.',
    es: 'Las tablas de abajo se generan a partir de la propia descripción de la base de datos: aparecen todas las tablas y todos los campos, y las pruebas de Plenum fallan si se añade un campo sin describirlo aquí. «Quién puede verlo» indica quién puede ver un campo a través de Plenum; quienes gestionan el servidor pueden técnicamente leer la base de datos y sus copias de seguridad, salvo el contenido de las papeletas, selladas mientras una votación está abierta y sin vínculo con nadie una vez cerrada.',
  },
  contents: { en: 'Contents', fr: 'Sommaire', es: 'Índice' },
  legendTitle: { en: 'Personal data', fr: 'Données personnelles', es: 'Datos personales' },
  personal: {
    yes: {
      label: { en: 'Yes', fr: 'Oui', es: 'Sí' },
      meaning: {
        en: 'it identifies a member, or says something about them or what they did.',
        fr: 'elle identifie un membre, ou dit quelque chose de lui ou de ce qu’il a fait.',
        es: 'identifica a un miembro, o dice algo de él o de lo que hizo.',
      },
    },
    pseudonymous: {
      label: { en: 'Through an id', fr: 'Par un identifiant', es: 'Mediante un identificador' },
      meaning: {
        en: 'an opaque id or a keyed hash that points to a member without naming them.',
        fr: 'un identifiant opaque ou une empreinte à clé qui désigne un membre sans le nommer.',
        es: 'un identificador opaco o un hash con clave que señala a un miembro sin nombrarlo.',
      },
    },
    no: {
      label: { en: 'No', fr: 'Non', es: 'No' },
      meaning: { en: 'about nobody.', fr: 'ne concerne personne.', es: 'no se refiere a nadie.' },
    },
  },
  table: { en: 'Database table', fr: 'Table de la base', es: 'Tabla de la base de datos' },
  retention: { en: 'How long', fr: 'Durée', es: 'Cuánto tiempo' },
  visibleTo: { en: 'Who can see it', fr: 'Qui peut le voir', es: 'Quién puede verlo' },
  caption: {
    en: 'Fields of the table “{title}”',
    fr: 'Champs de la table « {title} »',
    es: 'Campos de la tabla «{title}»',
  },
  columns: {
    field: { en: 'Field', fr: 'Champ', es: 'Campo' },
    what: { en: 'What it is', fr: 'Ce que c’est', es: 'Qué es' },
    why: { en: 'Why it is kept', fr: 'Pourquoi', es: 'Por qué se guarda' },
    retention: { en: 'How long', fr: 'Durée', es: 'Cuánto tiempo' },
    visibleTo: { en: 'Who can see it', fr: 'Qui peut le voir', es: 'Quién puede verlo' },
    personal: { en: 'Personal data', fr: 'Donnée personnelle', es: 'Dato personal' },
  },
  sameAsTable: { en: 'As for the whole table', fr: 'Comme pour toute la table', es: 'Como para toda la tabla' },
  undescribed: {
    en: 'Not described yet.',
    fr: 'Pas encore décrit.',
    es: 'Aún sin describir.',
  },
} as const;

/** Every sentence of the page's chrome, for the tests: [where, text]. */
export function privacyPageTexts(): [string, Text][] {
  const out: [string, Text][] = [];
  const walk = (path: string, value: unknown) => {
    if (value && typeof value === 'object' && 'en' in value && 'fr' in value && 'es' in value) {
      out.push([path, value as Text]);
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) walk(`${path}.${key}`, child);
    }
  };
  walk('page', PAGE);
  for (const [id, group] of Object.entries(GROUPS)) walk(`group.${id}`, group);
  return out;
}

/** The page's own words in one language. */
export function privacyPageText(locale: Locale) {
  const pick = (text: Text) => text[locale];
  return {
    title: pick(PAGE.title),
    heading: pick(PAGE.heading),
    intro: PAGE.intro.map(pick),
    account: { before: pick(PAGE.account.before), link: pick(PAGE.account.link), after: pick(PAGE.account.after) },
    generated: pick(PAGE.generated),
    contents: pick(PAGE.contents),
    legendTitle: pick(PAGE.legendTitle),
    personal: {
      yes: { label: pick(PAGE.personal.yes.label), meaning: pick(PAGE.personal.yes.meaning) },
      pseudonymous: {
        label: pick(PAGE.personal.pseudonymous.label),
        meaning: pick(PAGE.personal.pseudonymous.meaning),
      },
      no: { label: pick(PAGE.personal.no.label), meaning: pick(PAGE.personal.no.meaning) },
    } satisfies Record<Personal, { label: string; meaning: string }>,
    table: pick(PAGE.table),
    retention: pick(PAGE.retention),
    visibleTo: pick(PAGE.visibleTo),
    caption: pick(PAGE.caption),
    columns: {
      field: pick(PAGE.columns.field),
      what: pick(PAGE.columns.what),
      why: pick(PAGE.columns.why),
      retention: pick(PAGE.columns.retention),
      visibleTo: pick(PAGE.columns.visibleTo),
      personal: pick(PAGE.columns.personal),
    },
    sameAsTable: pick(PAGE.sameAsTable),
  };
}

export type PrivacyPageText = ReturnType<typeof privacyPageText>;

/** One field as the page shows it; `retention` and `visibleTo` are null when they are the model's. */
export interface PrivacyField {
  name: string;
  what: string;
  why: string;
  personal: Personal;
  retention: string | null;
  visibleTo: string | null;
}

export interface PrivacyModel {
  /** The table's name in the database (e.g. "Member"). */
  name: string;
  title: string;
  summary: string;
  retention: string;
  visibleTo: string;
  fields: PrivacyField[];
}

export interface PrivacyGroup {
  id: GroupId;
  title: string;
  intro: string;
  models: PrivacyModel[];
}

/** The generated client's models and their scalar fields, in schema order. */
export function dataModel(): { model: string; fields: string[] }[] {
  const namespace = Prisma as unknown as Record<string, Record<string, string> | undefined>;
  return Object.values(Prisma.ModelName).map((model) => ({
    model,
    fields: Object.values(namespace[`${model}ScalarFieldEnum`] ?? {}),
  }));
}

/**
 * Every (model, field) of the generated client that the inventory does not describe, and every described one the
 * client no longer has. Empty when the page says everything about the database and nothing else.
 */
export function undescribedFields(
  actual: { model: string; fields: string[] }[] = dataModel(),
  described: Readonly<Record<string, { fields: Readonly<Record<string, unknown>> }>> = PRIVACY_INVENTORY,
): { model: string; field: string; problem: 'undescribed' | 'gone' }[] {
  const problems: { model: string; field: string; problem: 'undescribed' | 'gone' }[] = [];
  for (const { model, fields } of actual) {
    const entry = Object.hasOwn(described, model) ? described[model] : undefined;
    for (const field of fields) {
      if (!entry || !Object.hasOwn(entry.fields, field)) problems.push({ model, field, problem: 'undescribed' });
    }
  }
  const byModel = new Map(actual.map((m) => [m.model, new Set(m.fields)]));
  for (const [model, entry] of Object.entries(described)) {
    for (const field of Object.keys(entry.fields)) {
      if (!byModel.get(model)?.has(field)) problems.push({ model, field, problem: 'gone' });
    }
  }
  return problems;
}

/**
 * What the privacy page shows, in one language: the groups in reading order, each with its tables in schema
 * order and every scalar field of each. A field the generated client has but the inventory lacks is listed as
 * "not described yet" (the unit test makes sure that never ships).
 */
export function privacyInventory(locale: Locale): PrivacyGroup[] {
  const undescribed = PAGE.undescribed[locale];
  const models = dataModel();
  return GROUP_IDS.map((id) => ({
    id,
    title: GROUPS[id].title[locale],
    intro: GROUPS[id].intro[locale],
    models: models.flatMap(({ model, fields }): PrivacyModel[] => {
      const entry = Object.hasOwn(PRIVACY_INVENTORY, model) ? PRIVACY_INVENTORY[model] : undefined;
      if ((entry?.group ?? 'technical') !== id) return [];
      return [
        {
          name: model,
          title: entry?.title[locale] ?? model,
          summary: entry?.summary[locale] ?? undescribed,
          retention: entry?.retention[locale] ?? undescribed,
          visibleTo: entry?.visibleTo[locale] ?? undescribed,
          fields: fields.map((name) => {
            const field = entry && Object.hasOwn(entry.fields, name) ? entry.fields[name] : undefined;
            return {
              name,
              what: field?.what[locale] ?? undescribed,
              why: field?.why[locale] ?? undescribed,
              personal: field?.personal ?? 'yes',
              retention: field?.retention?.[locale] ?? null,
              visibleTo: field?.visibleTo?.[locale] ?? null,
            };
          }),
        },
      ];
    }),
  }));
}
