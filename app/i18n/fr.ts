import type { Messages } from './index.ts';

/** French messages (Plenum's default language). */
export const fr: Messages = {
  'nav.skip': 'Aller au contenu',
  'nav.label': 'Principale',
  'nav.programs': 'Programmes',
  'nav.admin': 'Membres',
  'nav.language': 'Langue',
  'nav.languageApply': 'Changer',
  'nav.login': 'Se connecter',
  'nav.logout': 'Se déconnecter',
  'nav.signup': 'Adhérer',
  'footer.privacy': 'Plenum n’utilise ni traceur ni service tiers. Vos données restent les vôtres.',

  'home.title': 'Écrivons le programme ensemble',
  'home.intro':
    'Les membres coécrivent le programme, proposent des amendements, en débattent et votent. ' +
    'Tout le monde peut lire pourquoi chaque phrase est là.',
  'home.join': 'Rejoindre le mouvement',
  'home.programs': 'Programmes',
  'home.noPrograms': 'Aucun programme ne vous est encore ouvert.',

  'phase.DRAFTING': 'Rédaction',
  'phase.AMENDING': 'Amendements',
  'phase.VOTING': 'Vote',
  'phase.PUBLISHED': 'Publié',
  'role.MEMBER': 'Membre',
  'role.MODERATOR': 'Modérateur',
  'role.ADMIN': 'Administrateur',

  'program.phaseLabel': 'Phase :',
  'program.toc': 'Table des matières',
  'program.contents': 'Sommaire',
  'program.chapter': 'Chapitre {n}',
  'program.canEdit': 'Le brouillon est ouvert : les membres l’écrivent ensemble.',
  'program.publicDraft': 'Ce brouillon est public : tout le monde peut le lire pendant sa rédaction.',
  'section.updated': 'Dernière modification',
  'section.around': 'Sections précédente et suivante',

  'fields.displayName': 'Nom',
  'fields.email': 'Adresse e-mail',
  'fields.password': 'Mot de passe',
  'fields.passwordHint': 'Au moins 10 caractères. Quelques mots sans rapport entre eux font un mot de passe solide.',
  'fields.newEmail': 'Nouvelle adresse e-mail',
  'fields.currentPassword': 'Mot de passe actuel',
  'fields.newPassword': 'Nouveau mot de passe',
  'fields.confirmPassword': 'Confirmez le nouveau mot de passe',

  'errors.required': 'Ce champ est obligatoire.',
  'errors.emailInvalid': 'Saisissez une adresse e-mail valide, comme nom@example.org.',
  'errors.nameTooShort': 'Votre nom doit compter au moins 2 caractères.',
  'errors.nameTooLong': 'Votre nom peut compter au plus 80 caractères.',
  'errors.passwordTooShort': 'Utilisez au moins 10 caractères.',
  'errors.passwordTooLong': 'Utilisez au plus 1024 caractères.',
  'errors.passwordsDiffer': 'Les deux mots de passe ne sont pas identiques.',
  'errors.roleInvalid': 'Choisissez l’un des rôles.',
  'errors.reasonRequired': 'Indiquez le motif (au moins 3 caractères) : il est conservé dans le journal d’audit.',
  'errors.reasonTooLong': 'Le motif peut compter au plus 500 caractères.',

  'signup.title': 'Rejoindre Plenum',
  'signup.intro': 'Les membres coécrivent le programme et le votent. Nous ne demandons que le nécessaire.',
  'signup.submit': 'Créer mon compte',
  'signup.haveAccount': 'Déjà membre ?',
  'signup.sent.title': 'Consultez votre boîte de réception',
  'signup.sent.body':
    'Nous avons envoyé un message à {email}. Suivez son lien pour confirmer votre adresse, puis connectez-vous. ' +
    'Cela peut prendre une minute.',

  'login.title': 'Connexion',
  'login.submit': 'Se connecter',
  'login.forgot': 'Mot de passe oublié ?',
  'login.noAccount': 'Pas encore membre ?',
  'login.invalid': 'Cette adresse e-mail et ce mot de passe ne correspondent à aucun compte.',
  'login.unverified': 'Confirmez d’abord votre adresse e-mail : nous vous avons envoyé un nouveau lien.',
  'login.throttled': 'Trop de tentatives échouées. Réessayez dans {when}.',
  'time.seconds': '{n} s',
  'time.minutes': '{n} min',

  'verify.title': 'Confirmez votre adresse e-mail',
  'verify.intro': 'Un clic et votre adresse est confirmée.',
  'verify.submit': 'Confirmer mon adresse',
  'verify.invalid': 'Ce lien a expiré ou a déjà été utilisé. Connectez-vous pour en recevoir un nouveau.',
  'verify.taken': 'Un autre compte utilise déjà cette adresse.',

  'forgot.title': 'Réinitialiser votre mot de passe',
  'forgot.intro':
    'Saisissez votre adresse e-mail : si elle correspond à un compte, ' +
    'nous vous enverrons un lien pour choisir un nouveau mot de passe.',
  'forgot.submit': 'Envoyer le lien',
  'forgot.sent': 'Si cette adresse correspond à un compte, un lien est en route. Il est valable une heure.',
  'reset.title': 'Choisissez un nouveau mot de passe',
  'reset.submit': 'Enregistrer le nouveau mot de passe',
  'reset.invalid': 'Ce lien a expiré ou a déjà été utilisé.',
  'reset.again': 'Demander un nouveau lien',

  'account.title': 'Votre compte',
  'account.signedInAs': 'Compte connecté : {email}',
  'account.name.title': 'Votre nom',
  'account.save': 'Enregistrer',
  'account.email.title': 'Adresse e-mail',
  'account.email.submit': 'Changer mon adresse',
  'account.email.sent': 'Suivez le lien envoyé à la nouvelle adresse pour terminer le changement.',
  'account.email.same': 'C’est déjà votre adresse.',
  'account.password.title': 'Mot de passe',
  'account.password.submit': 'Changer mon mot de passe',
  'account.password.wrongCurrent': 'Votre mot de passe actuel est incorrect.',
  'account.devices.title': 'Appareils',
  'account.devices.count': 'Appareils connectés : {n}.',
  'account.devices.logoutOthers': 'Se déconnecter de tous les autres appareils',

  'account.devices.logoutAll': 'Se déconnecter de tous les appareils, celui-ci compris',
  'admin.members.title': 'Membres',
  'admin.members.search': 'Rechercher par nom ou adresse e-mail',
  'admin.members.searchSubmit': 'Rechercher',
  'admin.members.count': '{n} membres',
  'admin.members.joined': 'Membre depuis',
  'admin.members.lastActive': 'Dernière activité',
  'admin.members.role': 'Rôle',
  'admin.members.roleFor': 'Rôle de {name}',
  'admin.members.reasonFor': 'Motif du changement de rôle de {name}',
  'admin.members.reason': 'Motif',
  'admin.members.change': 'Changer le rôle',
  'admin.members.unverified': 'non confirmé',
  'admin.members.notFound': 'Ce membre n’existe plus.',
  'admin.members.pages': 'Pages',
  'admin.roleChanges.title': 'Derniers changements de rôle',
  'admin.roleChanges.none': 'Aucun rôle n’a encore été changé.',
  'admin.roleChanges.entry': '{actor} a fait passer {target} de {from} à {to} :',
  'admin.roleChanges.system': 'la ligne de commande',
  'pager.previous': 'Précédent',
  'pager.next': 'Suivant',
  'pager.position': 'Page {page} sur {pageCount}',

  'flash.loggedOut': 'Déconnexion effectuée.',
  'flash.loggedOutOthers': 'Tous vos autres appareils sont déconnectés.',
  'flash.loggedOutAll': 'Vous êtes déconnecté de tous vos appareils.',
  'flash.nameChanged': 'Votre nom a été modifié.',
  'flash.passwordChanged': 'Votre mot de passe a été modifié. Vos autres appareils ont été déconnectés.',
  'flash.passwordReset': 'Votre mot de passe a été modifié. Vous pouvez maintenant vous connecter avec.',
  'flash.emailConfirmed': 'Votre adresse e-mail est confirmée.',
  'flash.emailConfirmedLogIn': 'Votre adresse e-mail est confirmée. Vous pouvez maintenant vous connecter.',
  'flash.roleChanged': 'Le rôle a été modifié et consigné dans le journal d’audit.',

  'error.notFound.title': 'Page introuvable',
  'error.notFound.body':
    'Cette adresse ne mène nulle part. La page a peut-être été déplacée, ou le lien contient une faute de frappe.',
  'error.forbidden.title': 'Accès non autorisé',
  'error.forbidden.body': 'Votre compte ne donne pas accès à cette page.',
  'error.badRequest.title': 'Cette requête n’a pas pu être traitée',
  'error.badRequest.body': 'Quelque chose n’était pas comme prévu. Revenez en arrière et réessayez.',
  'error.unexpected.title': 'Un problème est survenu',
  'error.unexpected.body':
    'L’erreur a été enregistrée. Si elle se reproduit, prévenez les modérateurs en leur donnant cette référence.',
  'error.reference': 'Référence :',
  'error.backHome': 'Retour à l’accueil',

  'mail.verify.subject': 'Confirmez votre adresse e-mail sur Plenum',
  'mail.verify.body':
    'Bonjour,\n\nPour confirmer cette adresse pour votre compte Plenum, ouvrez ce lien (valable 48 heures) :\n\n' +
    '{link}\n\nSi vous n’êtes pas à l’origine de cette demande, ignorez ce message.',
  'mail.exists.subject': 'Quelqu’un a tenté de créer un compte avec votre adresse',
  'mail.exists.body':
    'Bonjour,\n\nQuelqu’un a tenté de créer un compte Plenum avec cette adresse, qui en a déjà un. ' +
    'Si c’était vous, connectez-vous, ou choisissez un nouveau mot de passe ici :\n\n{link}\n\n' +
    'Sinon, ignorez ce message.',
  'mail.reset.subject': 'Choisissez un nouveau mot de passe Plenum',
  'mail.reset.body':
    'Bonjour,\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure) :\n\n{link}\n\n' +
    'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.',
  'mail.emailChange.subject': 'L’adresse de votre compte Plenum va changer',
  'mail.emailChange.body':
    'Bonjour,\n\nLe remplacement de l’adresse de votre compte par {email} a été demandé. ' +
    'Il ne prendra effet qu’une fois la nouvelle adresse confirmée. ' +
    'Si vous n’êtes pas à l’origine de cette demande, changez votre mot de passe dès maintenant.',
  'settings.title': 'Réglages du programme',
  'settings.link': 'Phase et ouverture',
  'settings.phase': 'Phase',
  'settings.draftIsPublic': 'Tout le monde, même sans compte, peut lire le brouillon en cours',
  'settings.reason': 'Motif',
  'settings.reasonHint': 'Conservé dans le journal d’audit, avec votre nom.',
  'settings.submit': 'Enregistrer les réglages',
  'flash.programSettingsChanged': 'Les réglages du programme ont été modifiés et consignés dans le journal d’audit.',
  'errors.phaseInvalid': 'Choisissez l’une des phases.',
  'errors.controlCharacters': 'Retirez les caractères de contrôle invisibles de ce texte.',
};
