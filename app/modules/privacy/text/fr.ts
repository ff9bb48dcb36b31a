import type { PrivacyTranslation } from '../inventory.ts';

// Sentences several tables share.
const ROW_ID = {
  what: 'Un identifiant aléatoire de la ligne.',
  why: 'Pour y renvoyer depuis d’autres tables et dans les adresses.',
};
const SEQUENCE_ID = {
  what: 'Un numéro d’ordre.',
  why: 'Pour identifier la ligne et garder l’ordre dans lequel les lignes ont été écrites.',
};
const PROGRAM_REF = { what: 'Le programme auquel elle appartient.', why: 'Pour la retrouver dans son programme.' };
const AMENDMENT_REF = { what: 'L’amendement concerné.', why: 'Pour relier les deux.' };
const ROUND_REF = { what: 'Le scrutin auquel elle appartient.', why: 'Pour la retrouver dans son scrutin.' };
const CREATED = 'Quand la ligne a été créée.';
const UPDATED = 'Quand la ligne a été modifiée pour la dernière fois.';
const DATES_WHY = 'Pour l’afficher et garder l’historique dans l’ordre.';
const NOT_SHOWN = 'Affiché sur aucune page.';
const PROGRAM_READERS =
  'Quiconque peut lire le programme : tout le monde quand son brouillon est public ou une fois publié, sinon ses membres.';
const PROGRAM_LIFETIME = 'Tant que le mouvement conserve le programme : cela fait partie de son histoire.';
const FOREVER_PUBLIC = 'Pour toujours : une version publiée n’est jamais modifiée.';
const EVERYONE = 'Tout le monde.';
const ONLY_YOU = 'Vous seul·e.';
const NOBODY = 'Personne : aucune page ne l’affiche.';

/** The privacy page in French: every sentence of text/en.ts, translated (the type check refuses a missing one). */
export const fr: PrivacyTranslation = {
  page: {
    title: 'Confidentialité',
    heading: 'Ce que Plenum enregistre, pourquoi, et pour combien de temps',
    intro: [
      'Cette instance de Plenum est gérée par le mouvement qui l’utilise, sur son propre serveur. Le mouvement répond des données décrites ici, et Plenum n’en transmet aucune à qui que ce soit d’autre.',
      'Ni traceur, ni mesure d’audience, ni publicité, ni service tiers. Chaque page, style, script et image vient de ce serveur et les polices sont celles de votre appareil ; une Content-Security-Policy stricte empêche votre navigateur de contacter tout autre site.',
      'Adhérer à un mouvement politique dit quelque chose de vos opinions. Plenum ne garde que ce dont il a besoin, pour les raisons données ci-dessous.',
      'Dans votre navigateur, Plenum garde quatre cookies et rien d’autre : votre session tant que vous êtes connecté·e (30 jours au plus), votre langue (un an), un message d’une minute après une action et, entre votre mot de passe et le code de l’authentification à deux facteurs si vous l’avez activée, la connexion en cours (dix minutes au plus, envoyée aux seules pages de connexion). Le journal du serveur note le chemin, le statut et la durée de chaque requête, ni votre adresse IP ni qui vous êtes ; pour freiner les abus, les formulaires envoyés depuis chaque adresse IP sont comptés en mémoire seulement, et oubliés en dix minutes au plus. Les e-mails (confirmation d’adresse, réinitialisation du mot de passe, l’appel au vote à l’ouverture d’un vote auquel vous participez, et le récapitulatif ou l’annonce des phases si vous les demandez) partent par le serveur de messagerie que le mouvement configure.',
    ],
    account: {
      before: 'Vous pouvez télécharger tout ce que Plenum détient sur vous, et supprimer votre compte, depuis ',
      link: 'votre page de compte',
      after: '.',
    },
    generated:
      'Les tableaux ci-dessous sont générés à partir de la description de la base elle-même : chaque table et chaque champ y figure, et les tests de Plenum échouent si un champ est ajouté sans être décrit ici. « Qui peut le voir » dit qui peut voir un champ à travers Plenum ; les personnes qui font tourner le serveur peuvent techniquement lire la base et ses sauvegardes, sauf le contenu des bulletins, scellés pendant un scrutin et reliés à personne une fois celui-ci clos.',
    contents: 'Sommaire',
    legendTitle: 'Données personnelles',
    personal: {
      yes: { label: 'Oui', meaning: 'elle identifie un membre, ou dit quelque chose de lui ou de ce qu’il a fait.' },
      pseudonymous: {
        label: 'Par un identifiant',
        meaning: 'un identifiant opaque ou une empreinte à clé qui désigne un membre sans le nommer.',
      },
      no: { label: 'Non', meaning: 'ne concerne personne.' },
    },
    table: 'Table de la base',
    retention: 'Durée',
    visibleTo: 'Qui peut le voir',
    caption: 'Champs de la table « {title} »',
    columns: {
      field: 'Champ',
      what: 'Ce que c’est',
      why: 'Pourquoi',
      retention: 'Durée',
      visibleTo: 'Qui peut le voir',
      personal: 'Donnée personnelle',
    },
    sameAsTable: 'Comme pour toute la table',
  },
  undescribed: 'Pas encore décrit.',
  groups: {
    account: { title: 'Votre compte', intro: 'Ce qui vous permet de vous connecter et d’être tenu·e au courant.' },
    contributions: {
      title: 'Vos contributions',
      intro:
        'Amendements, soutiens et commentaires. Ce que vous écrivez est fait pour être lu et reste dans l’histoire du programme ; qui soutient quoi n’est jamais affiché.',
    },
    groups: {
      title: 'Groupes locaux',
      intro:
        'Les groupes que les membres créent près de chez eux. Le groupe auquel vous appartenez n’est vu que par ses autres membres.',
    },
    votes: {
      title: 'Votes',
      intro: 'Qui peut voter et qui a voté sont gardés à part des bulletins, qui ne sont jamais reliés à un membre.',
    },
    program: {
      title: 'Le texte du programme',
      intro: 'Le programme et ses versions publiées : le texte public du mouvement.',
    },
    moderation: {
      title: 'Modération et audit',
      intro: 'Les signalements aux modérateurs, et la trace de qui a décidé quoi.',
    },
    technical: { title: 'Technique', intro: 'Ce qui protège le service et synchronise les textes partagés.' },
  },
  models: {
    // ───────────────────────────── Your account ─────────────────────────────
    Member: {
      title: 'Les données de votre compte',
      summary: 'Une ligne par personne ayant un compte.',
      retention:
        'Jusqu’à ce que vous supprimiez votre compte. Chaque champ personnel est alors effacé aussitôt ; la ligne reste, vide (son identifiant et ses dates), pour que vos contributions soient signées « ancien membre » et que tous les décomptes restent justes.',
      visibleTo: 'Vous, et les administrateurs de cette instance.',
      fields: {
        id: {
          what: 'Un identifiant aléatoire de votre compte.',
          why: 'Il relie vos sessions et vos contributions à votre compte, et ne dit rien de vous.',
          retention: 'Conservé sur la ligne vide après la suppression, où il ne désigne plus personne.',
          visibleTo: 'Utilisé dans les données des pages ; seul, il ne révèle rien.',
        },
        email: {
          what: 'Votre adresse e-mail, enregistrée en minuscules.',
          why: 'Pour vous connecter, vous envoyer les liens qui confirment votre adresse ou réinitialisent votre mot de passe, et le récapitulatif si vous le demandez.',
          retention:
            'Jusqu’à ce que vous la changiez ou supprimiez votre compte (elle est alors remplacée par une valeur sans signification).',
        },
        displayName: {
          what: 'Le nom que vous avez choisi.',
          why: 'Il signe vos amendements et vos commentaires, et permet à des coauteurs de vous trouver.',
          retention:
            'Jusqu’à ce que vous le changiez ou supprimiez votre compte ; vos contributions indiquent alors « ancien membre ».',
          visibleTo: 'Quiconque peut lire vos contributions (le public quand le programme est public).',
        },
        passwordHash: {
          what: 'Une empreinte Argon2id de votre mot de passe ; le mot de passe lui-même n’est jamais enregistré.',
          why: 'Pour vérifier votre mot de passe quand vous vous connectez.',
          retention: 'Jusqu’à ce que vous changiez de mot de passe ou supprimiez votre compte.',
          visibleTo: 'Personne : aucune page ne l’affiche et votre export l’omet.',
        },
        role: { what: 'Membre, modérateur ou administrateur.', why: 'Il décide de ce que vous pouvez faire.' },
        emailVerifiedAt: {
          what: 'Quand vous avez confirmé votre adresse.',
          why: 'Seuls les membres à l’adresse confirmée figurent dans le recensement d’un scrutin.',
        },
        locale: {
          what: 'Votre langue : français, anglais ou espagnol.',
          why: 'Des pages et des e-mails dans votre langue, sur chaque appareil.',
          visibleTo: ONLY_YOU,
        },
        createdAt: {
          what: 'Quand vous avez adhéré.',
          why: 'Le recensement d’un scrutin comprend les membres inscrits avant une date fixée par le scrutin.',
          retention: 'Conservé sur la ligne vide après la suppression.',
        },
        lastActiveAt: {
          what: 'Quand vous avez utilisé Plenum connecté·e pour la dernière fois (noté au plus une fois par minute).',
          why: 'Pour compter les membres actifs : un seuil de soutiens peut être une part des membres actifs ces derniers jours, et la page de participation indique combien le sont.',
        },
        emailDigest: {
          what: 'Si vous avez demandé le récapitulatif de vos notifications par e-mail (désactivé tant que vous ne l’activez pas).',
          why: 'Rien ne vous est envoyé au-delà de ce que vous avez demandé.',
          visibleTo: ONLY_YOU,
        },
        digestKey: {
          what: 'Le secret du lien de désinscription en un clic du récapitulatif, nouveau à chaque activation.',
          why: 'Pour que le lien d’un e-mail désactive le récapitulatif sans connexion, et seulement le vôtre.',
          retention: 'Jusqu’à ce que vous désactiviez le récapitulatif.',
          visibleTo: 'Personne sur le site : il n’existe que dans les liens qui vous sont envoyés.',
        },
        digestSentAt: {
          what: 'Quand le dernier récapitulatif vous a été envoyé.',
          why: 'Au plus un récapitulatif par jour.',
          visibleTo: NOBODY,
        },
        area: {
          what: 'Facultatif : une ville ou un code postal, tel que vous l’écrivez.',
          why: 'Pour vous suggérer des groupes locaux proches.',
          visibleTo: ONLY_YOU,
        },
        voteAnnouncements: {
          what: 'Si vous avez demandé l’annonce des phases : un e-mail avant qu’un programme passe de lui-même à sa phase suivante (désactivé tant que vous ne l’activez pas).',
          why: 'Rien ne vous est envoyé au-delà de ce que vous avez demandé.',
          visibleTo: ONLY_YOU,
        },
        announceKey: {
          what: 'Le secret du lien de désinscription en un clic de cet e-mail, nouveau à chaque activation.',
          why: 'Pour que le lien d’un e-mail désactive ces envois sans connexion, et seulement les vôtres.',
          retention: 'Jusqu’à ce que vous désactiviez ces e-mails.',
          visibleTo: 'Personne sur le site : il n’existe que dans les liens qui vous sont envoyés.',
        },
        suspendedAt: {
          what: 'Quand un administrateur a suspendu le compte, le cas échéant.',
          why: 'Un membre suspendu ne participe plus à rien, mais peut toujours exporter ou supprimer ses données.',
          retention: 'Jusqu’à la levée de la suspension ; conservé sur la ligne vide après la suppression.',
        },
        suspendedReason: {
          what: 'Pourquoi le compte a été suspendu, dans les mots de l’administrateur.',
          why: 'Pour que vous sachiez pourquoi, comme les administrateurs.',
          retention:
            'Jusqu’à la levée de la suspension ou la suppression de votre compte ; le journal d’audit garde le motif donné alors, sous un identifiant opaque.',
        },
        deletedAt: {
          what: 'Quand le compte a été supprimé.',
          why: 'Elle marque la ligne vide : personne ne peut s’y connecter, et ses contributions indiquent « ancien membre ».',
          retention: 'Pour toujours, avec la ligne vide.',
        },
        totpSecret: {
          what: 'Le secret que votre application d’authentification partage avec Plenum, si vous avez activé l’authentification à deux facteurs ; chiffré avec une clé conservée hors de la base de données.',
          why: 'Pour vérifier les codes à six chiffres de votre application.',
          retention:
            'Jusqu’à ce que vous désactiviez l’authentification à deux facteurs ou supprimiez votre compte. Jamais inclus dans le téléchargement de vos données : il servirait de second facteur.',
          visibleTo: NOBODY,
        },
        totpEnabledAt: {
          what: 'Quand vous avez activé l’authentification à deux facteurs.',
          why: 'Pour demander un code à la connexion ; les administrateurs voient si elle est activée.',
          visibleTo: 'Vous et les administrateurs (activée ou non).',
        },
        totpLastStep: {
          what: 'La période de 30 secondes du dernier code accepté de votre application.',
          why: 'Un code n’est accepté qu’une fois.',
          visibleTo: NOBODY,
        },
        moderationDigest: {
          what: 'Modérateurs : si leurs notifications de modération leur sont aussi envoyées une fois par jour (jamais sans leur choix).',
          why: 'Rien ne vous est envoyé au-delà de ce que vous avez demandé.',
          visibleTo: ONLY_YOU,
        },
        moderationDigestSecret: {
          what: 'La clé qui signe le lien de désinscription en un clic du récapitulatif des modérateurs, nouvelle à chaque activation.',
          why: 'Pour que le lien d’un e-mail désactive ce récapitulatif sans connexion, seulement le vôtre, une fois.',
          retention: 'Jusqu’à ce que vous désactiviez ce récapitulatif.',
          visibleTo: 'Personne : seule sa signature figure dans les liens qui vous sont envoyés.',
        },
      },
    },
    Session: {
      title: 'Appareils connectés',
      summary: 'Une ligne par navigateur dans lequel vous êtes connecté·e.',
      retention:
        'Une session dure 30 jours et se prolonge tant que vous l’utilisez ; inutilisée pendant 14 jours, elle est fermée. La ligne est supprimée quand vous vous déconnectez, déconnectez vos autres appareils, changez ou réinitialisez votre mot de passe, ou supprimez votre compte ; une session expirée ou inutilisée est supprimée dans les dix minutes.',
      visibleTo: 'Vous : votre page de compte compte vos appareils, et votre export les liste.',
      fields: {
        id: {
          what: 'L’empreinte SHA-256 du jeton aléatoire de votre cookie de session ; le jeton lui-même n’est jamais enregistré.',
          why: 'Pour reconnaître votre navigateur sans rien enregistrer qui permettrait à qui détient la base de se connecter à votre place.',
          visibleTo: NOBODY,
        },
        memberId: { what: 'À qui appartient la session.', why: 'Pour savoir qui est connecté.' },
        createdAt: {
          what: 'Quand vous vous êtes connecté·e sur cet appareil.',
          why: 'Pour que vous repériez un appareil que vous ne connaissez pas.',
        },
        expiresAt: {
          what: 'Quand la session prend fin si elle n’est pas réutilisée.',
          why: 'Les sessions expirent : 30 jours, prolongés tant que vous les utilisez.',
        },
        lastUsedAt: {
          what: 'Quand la session a servi pour la dernière fois (noté au plus une fois par minute).',
          why: 'Pour fermer les sessions inutilisées depuis 14 jours.',
        },
        userAgent: {
          what: 'La façon dont votre navigateur se décrit (navigateur et système), coupée à 300 caractères.',
          why: 'Pour que vous distinguiez vos appareils dans votre export.',
        },
      },
    },
    EmailToken: {
      title: 'Liens envoyés par e-mail',
      summary: 'Une ligne par lien envoyé pour confirmer une adresse ou réinitialiser votre mot de passe.',
      retention:
        'Un lien de confirmation fonctionne 48 heures, un lien de réinitialisation 1 heure, chacun une seule fois. La ligne est supprimée un jour après l’usage ou l’expiration du lien (entre-temps, elle limite aussi les liens à 5 de chaque sorte par heure).',
      visibleTo:
        'Personne : aucune page n’affiche ces lignes, et seule l’empreinte du secret de chaque lien est enregistrée.',
      fields: {
        id: {
          what: 'L’empreinte SHA-256 du secret du lien ; le secret lui-même n’est que dans l’e-mail.',
          why: 'Pour vérifier un lien quand il est suivi, sans rien enregistrer qui puisse servir de lien.',
        },
        memberId: { what: 'À qui appartient le lien.', why: 'Pour agir sur le bon compte quand il est suivi.' },
        purpose: {
          what: 'Confirmer une adresse, ou réinitialiser un mot de passe.',
          why: 'Un lien ne fait que ce pour quoi il a été envoyé.',
        },
        email: {
          what: 'L’adresse à laquelle le lien a été envoyé (la nouvelle, quand vous changez d’adresse).',
          why: 'Une adresse ne devient la vôtre que lorsqu’un lien qui lui a été envoyé est suivi.',
        },
        expiresAt: {
          what: 'Quand le lien cesse de fonctionner : 48 heures pour confirmer une adresse, 1 heure pour réinitialiser un mot de passe.',
          why: 'Les vieux liens ne doivent pas fonctionner.',
        },
        usedAt: {
          what: 'Quand le lien a été utilisé, ou annulé (changer de mot de passe annule les liens en attente).',
          why: 'Un lien ne sert qu’une fois.',
        },
        createdAt: { what: 'Quand le lien a été envoyé.', why: 'Au plus 5 liens de chaque sorte par heure.' },
      },
    },
    RecoveryCode: {
      title: 'Codes de secours',
      summary:
        'Les dix codes à usage unique qui permettent de se connecter sans votre téléphone, si vous avez activé l’authentification à deux facteurs.',
      retention:
        'Jusqu’à ce que vous les remplaciez, désactiviez l’authentification à deux facteurs ou supprimiez votre compte.',
      visibleTo: 'Personne : ils vous sont montrés une fois, et seule leur empreinte SHA-256 est conservée.',
      fields: {
        id: ROW_ID,
        memberId: { what: 'À qui est le code.', why: 'Pour le vérifier pour le bon compte.' },
        codeHash: {
          what: 'L’empreinte SHA-256 du code.',
          why: 'Pour vérifier un code sans rien conserver qui puisse servir de code.',
        },
        usedAt: {
          what: 'Quand le code a servi (pour se connecter ou désactiver l’authentification à deux facteurs).',
          why: 'Un code ne sert qu’une fois.',
        },
        createdAt: { what: 'Quand le code a été créé.', why: DATES_WHY },
      },
    },
    Notification: {
      title: 'Vos notifications',
      summary:
        'Ce qui est arrivé à vos amendements et commentaires : affiché dans Plenum et, si vous l’avez demandé, dans un récapitulatif quotidien par e-mail.',
      retention:
        'Jusqu’à la suppression de votre compte ; les notifications lues sont gardées pour que votre liste reste complète.',
      visibleTo: ONLY_YOU,
      fields: {
        id: ROW_ID,
        memberId: { what: 'À qui elle est destinée.', why: 'Pour ne la montrer qu’à vous.' },
        kind: {
          what: 'Ce qui s’est passé : une invitation à coécrire, un seuil atteint ou manqué, une décision des modérateurs, une mise à jour nécessaire, une réponse, un commentaire masqué, un amendement que vous soutenez réécrit, le résultat d’un vote.',
          why: 'Pour rédiger le message.',
        },
        amendmentId: AMENDMENT_REF,
        roundId: {
          what: 'Pour les modérateurs, à propos d’un signalement sur une liste d’émargement : le scrutin concerné.',
          why: 'Pour y mener.',
        },
        commentId: {
          what: 'Pour une réponse ou un commentaire masqué : le commentaire concerné.',
          why: 'Pour y renvoyer.',
        },
        data: {
          what: 'Les détails du message : quelle décision, ou qui a agi (son nom affiché à ce moment-là).',
          why: 'Pour dire ce qui s’est passé sans le rechercher à nouveau.',
        },
        createdAt: { what: CREATED, why: DATES_WHY },
        readAt: {
          what: 'Quand vous l’avez lue, ou marquée comme lue.',
          why: 'Pour compter ce que vous n’avez pas encore lu.',
        },
        emailedAt: {
          what: 'Quand elle est partie dans un récapitulatif par e-mail.',
          why: 'Rien n’est envoyé deux fois.',
        },
      },
    },
    // ───────────────────────────── Your contributions ─────────────────────────────
    Amendment: {
      title: 'Amendements',
      summary:
        'Une modification proposée du programme : rédigée par ses auteurs, puis déposée, soutenue, modérée et votée.',
      retention:
        'Tant que le mouvement conserve le programme : les amendements sont son histoire. Un amendement retiré reste, marqué comme retiré. Si vous supprimez votre compte, vos amendements restent, signés « ancien membre ».',
      visibleTo:
        'Un brouillon : ses auteurs et les membres invités à le coécrire. Une fois déposé : quiconque peut lire le programme.',
      fields: {
        id: ROW_ID,
        programId: { ...PROGRAM_REF, what: 'Le programme qu’il amende.' },
        sectionId: {
          what: 'La section qu’il modifie ou supprime, ou après laquelle il en ajoute une.',
          why: 'Pour l’appliquer au bon endroit.',
        },
        kind: { what: 'Modification, ajout ou suppression d’une section.', why: 'Pour l’appliquer correctement.' },
        status: {
          what: 'Où il en est : brouillon, déposé, qualifié, expiré, recevable, irrecevable, fusionné, au vote, adopté, rejeté, appliqué ou retiré.',
          why: 'Pour conduire le processus.',
        },
        title: { what: 'Son titre, écrit par ses auteurs.', why: 'Pour le nommer.' },
        justification: {
          what: 'Pourquoi ses auteurs le proposent, dans leurs mots.',
          why: 'Les membres soutiennent et votent en sachant pourquoi.',
        },
        newTitle: { what: 'Pour un ajout : le titre de la nouvelle section.', why: 'Pour créer la section.' },
        baseText: {
          what: 'Le texte de la section quand l’amendement a été commencé.',
          why: 'Sa modification se mesure par rapport à lui.',
        },
        proposedText: {
          what: 'Le texte proposé, figé au dépôt (tant que c’est un brouillon, il vit dans les textes en direct).',
          why: 'Ce que les membres soutiennent et votent.',
        },
        createdById: {
          what: 'Le membre qui l’a commencé.',
          why: 'Pour savoir qui l’a commencé ; les auteurs sont listés à part.',
          visibleTo: NOT_SHOWN,
        },
        createdAt: { what: CREATED, why: DATES_WHY },
        updatedAt: { what: UPDATED, why: DATES_WHY },
        submittedAt: {
          what: 'Quand il a été déposé.',
          why: 'Les soutiens se recueillent à partir de là, et les égalités vont au premier déposé.',
        },
        supportsNeeded: {
          what: 'Combien de soutiens il lui faut, fixé au dépôt.',
          why: 'Le seuil ne bouge plus une fois l’amendement déposé.',
        },
        supportRule: {
          what: 'Comment le seuil a été fixé : un nombre, une part des membres actifs, ou une part des groupes locaux validés.',
          why: 'Le seuil est affiché avec ce qui a servi à le calculer.',
        },
        supportValue: { what: 'Le nombre, ou le pourcentage, de cette règle.', why: 'Affiché avec le seuil.' },
        supportActiveDays: {
          what: 'Pour une part : combien de jours d’activité rendent un membre actif.',
          why: 'Affiché avec le seuil.',
        },
        supportDenominator: {
          what: 'Pour une part : combien de membres étaient actifs au dépôt (un nombre, aucun nom).',
          why: 'Affiché avec le seuil.',
        },
        supportDeadline: {
          what: 'Jusqu’à quand il recueille des soutiens.',
          why: 'Un amendement qui n’atteint pas son seuil à temps expire.',
        },
        qualifiedAt: { what: 'Quand il a atteint son seuil.', why: DATES_WHY },
        collisionGroup: {
          what: 'Le groupe d’amendements qui modifient les mêmes mots, s’il y en a un.',
          why: 'Un groupe passe au vote comme une seule question préférentielle.',
        },
        needsUpdate: {
          what: 'Si la section a bougé sous lui d’une façon dont ses auteurs doivent tenir compte.',
          why: 'On demande à ses auteurs de le mettre à jour.',
        },
        rebaseTo: {
          what: 'Le nouveau texte de la section sur lequel il doit être réécrit.',
          why: 'La base de sa mise à jour.',
        },
        revision: {
          what: 'Combien de fois ses auteurs ont dû le réécrire, et l’ont fait.',
          why: 'Chaque mise à jour est rédigée dans un nouveau texte en direct.',
        },
        mergedIntoId: {
          what: 'Quand il a été fusionné comme doublon : l’amendement qui l’a absorbé.',
          why: 'Pour y renvoyer les lecteurs.',
        },
        roundId: { what: 'Le scrutin qui le tranche.', why: 'Pour le soumettre au vote.' },
        compromiseOfId: {
          what: 'Pour un compromis du comité de rédaction : l’amendement qu’il propose de remplacer.',
          why: 'Pour les soumettre au même vote, et remplacer l’un par l’autre si ses auteurs l’acceptent.',
        },
        duplicateKey: {
          what: 'Une empreinte du changement mesuré la dernière fois pour les doublons possibles.',
          why: 'Pour ne mesurer de nouveau un amendement que si son changement diffère.',
        },
      },
    },
    AmendmentAuthor: {
      title: 'Auteurs des amendements',
      summary:
        'Qui a écrit un amendement : le membre qui l’a commencé, et les coauteurs qui ont accepté une invitation.',
      retention:
        'Tant que l’amendement existe. Vous pouvez quitter un brouillon s’il reste un autre auteur. Si vous supprimez votre compte, la ligne reste et vous apparaissez comme « ancien membre ».',
      visibleTo: 'Quiconque peut lire l’amendement : les auteurs sont nommés publiquement sur un amendement déposé.',
      fields: {
        amendmentId: AMENDMENT_REF,
        memberId: { what: 'L’auteur.', why: 'Un texte politique est signé par ceux qui l’ont écrit.' },
        invitedById: {
          what: 'Pour un coauteur : qui l’a invité.',
          why: 'Pour garder trace de la façon dont les auteurs se sont réunis.',
        },
        addedAt: { what: 'Quand il est devenu auteur.', why: 'Les auteurs sont listés dans cet ordre.' },
      },
    },
    AmendmentSupport: {
      title: 'Soutiens',
      summary: 'Le fait que vous soutenez un amendement déposé : un par membre et par amendement.',
      retention:
        'Vous pouvez le retirer jusqu’à la date limite des soutiens ; ensuite il est gardé aussi longtemps que l’amendement, pour qu’un seuil atteint le reste (y compris si vous supprimez votre compte).',
      visibleTo: 'Vous. Les autres ne voient que le nombre de soutiens, jamais qui les a donnés.',
      fields: {
        amendmentId: AMENDMENT_REF,
        memberId: { what: 'Qui le soutient.', why: 'Un soutien par membre, que lui seul peut retirer.' },
        createdAt: {
          what: 'Quand vous l’avez donné.',
          why: 'Seuls les soutiens donnés avant la date limite comptent.',
        },
      },
    },
    CoauthorInvitation: {
      title: 'Invitations à coécrire',
      summary:
        'Une invitation à coécrire un brouillon : personne n’est nommé sur un texte politique sans l’avoir accepté.',
      retention:
        'Jusqu’à ce que vous l’acceptiez ou la refusiez, ou que le brouillon soit déposé ou retiré (elle devient caduque) ; supprimée avec votre compte.',
      visibleTo:
        'Vous. Les auteurs qui invitent une adresse ne savent pas si elle est celle d’un membre, ni de qui : votre nom apparaît sur le brouillon seulement quand vous acceptez.',
      fields: {
        amendmentId: AMENDMENT_REF,
        memberId: { what: 'Le membre invité.', why: 'Lui seul peut accepter ou refuser.' },
        invitedById: { what: 'L’auteur qui l’a invité.', why: 'Pour que le membre invité sache qui le lui demande.' },
        createdAt: { what: CREATED, why: DATES_WHY },
      },
    },
    Comment: {
      title: 'Commentaires',
      summary: 'Les commentaires du débat d’un amendement, et les réponses.',
      retention:
        'Tant que l’amendement existe. Si vous supprimez votre compte, vos commentaires restent, avec leur texte, signés « ancien membre ».',
      visibleTo:
        'Quiconque peut lire l’amendement. Un commentaire masqué par les modérateurs n’affiche que « masqué par la modération » et le motif.',
      fields: {
        id: ROW_ID,
        amendmentId: { ...AMENDMENT_REF, what: 'L’amendement débattu.' },
        authorId: {
          what: 'Qui l’a écrit.',
          why: 'Un commentaire est signé du nom de son auteur.',
          retention: 'Effacé quand son auteur supprime son compte.',
        },
        parentId: { what: 'Pour une réponse : le commentaire auquel elle répond.', why: 'Pour afficher le fil.' },
        stance: {
          what: 'Pour, contre, ou une question (les réponses n’en ont pas).',
          why: 'Les lecteurs voient les arguments de chaque côté.',
        },
        body: {
          what: 'Le commentaire en texte enrichi, tiré de ce que son auteur a tapé.',
          why: 'Pour l’afficher.',
          visibleTo:
            'Quiconque peut lire l’amendement, sauf s’il a été masqué : alors personne sur le site (il reste dans l’export de son auteur).',
        },
        source: {
          what: 'Ce que son auteur a tapé.',
          why: 'Pour qu’il puisse le modifier pendant les 15 minutes qui suivent.',
          visibleTo: 'Son auteur (et dans son export).',
        },
        createdAt: { what: CREATED, why: DATES_WHY },
        editedAt: {
          what: 'Quand son auteur l’a modifié pour la dernière fois.',
          why: 'Les lecteurs voient qu’il a été modifié.',
        },
        hiddenAt: { what: 'Quand les modérateurs l’ont masqué.', why: DATES_WHY },
        hiddenReason: {
          what: 'Pourquoi les modérateurs l’ont masqué, dans leurs mots.',
          why: 'Tout le monde lit le motif à la place du texte.',
        },
        hiddenById: {
          what: 'Le modérateur qui l’a masqué.',
          why: 'Les modérateurs répondent de leurs décisions.',
          visibleTo: 'Le journal de modération nomme le modérateur.',
        },
      },
    },
    // ───────────────────────────── Local groups ─────────────────────────────
    Group: {
      title: 'Groupes locaux',
      summary: 'Un groupe local créé par des membres et validé par les modérateurs.',
      retention: 'Tant que le mouvement conserve le groupe.',
      visibleTo:
        'Tout le monde voit un groupe validé (son nom, son secteur, sa description et sa taille) ; un groupe en attente des modérateurs est vu par ses membres et les modérateurs.',
      fields: {
        id: ROW_ID,
        name: { what: 'Son nom, choisi par son fondateur.', why: 'Pour le nommer.' },
        area: {
          what: 'Où il se réunit ou agit : une ville, un quartier ou un code postal, tel que son fondateur l’écrit.',
          why: 'Les membres trouvent les groupes proches d’eux.',
        },
        description: { what: 'Ce que fait le groupe.', why: 'Pour le présenter.' },
        status: {
          what: 'En attente des modérateurs, validé ou refusé.',
          why: 'Seuls les groupes validés soutiennent des amendements.',
        },
        createdById: { what: 'Le membre qui l’a créé.', why: 'Pour savoir qui l’a fondé.', visibleTo: NOT_SHOWN },
        createdAt: { what: CREATED, why: DATES_WHY },
        decidedAt: { what: 'Quand les modérateurs l’ont validé ou refusé.', why: DATES_WHY },
        decidedById: {
          what: 'Le modérateur qui a décidé.',
          why: 'Les modérateurs répondent de leurs décisions.',
          visibleTo: NOT_SHOWN,
        },
        decisionReason: {
          what: 'Le motif des modérateurs, affiché avec le groupe.',
          why: 'Les décisions sont expliquées.',
        },
      },
    },
    Follow: {
      title: 'Ce que vous suivez',
      summary:
        'Les programmes, chapitres, sections et amendements que vous suivez, pour être averti·e de ce qui s’y passe.',
      retention: 'Jusqu’à ce que vous arrêtiez de le suivre, qu’il disparaisse ou que vous supprimiez votre compte.',
      visibleTo: 'Vous seul·e.',
      fields: {
        memberId: { what: 'Vous.', why: 'Pour savoir qui avertir.' },
        target: { what: 'Ce que vous suivez.', why: 'Pour savoir de quoi vous avertir.' },
        programId: { what: 'Son programme.', why: 'Pour lister ce que vous suivez par programme.' },
        chapterId: { what: 'Le chapitre, si vous en suivez un.', why: 'Pour vous avertir de ce qui s’y passe.' },
        sectionId: { what: 'La section, si vous en suivez une.', why: 'Pour vous avertir de ce qui s’y passe.' },
        amendmentId: {
          what: 'L’amendement, si vous en suivez un (vous suivez les vôtres dès le début).',
          why: 'Pour vous avertir de ce qui lui arrive.',
        },
        createdAt: {
          what: 'Quand vous avez commencé à le suivre.',
          why: 'Pour lister ce que vous suivez dans l’ordre.',
        },
      },
    },
    ChapterAssignment: {
      title: 'Chapitres pris par les modérateurs',
      summary: 'Le fait qu’un modérateur a pris un chapitre, pour voir d’abord ce qui le concerne.',
      retention: 'Jusqu’à ce qu’il rende le chapitre, que celui-ci disparaisse ou qu’il supprime son compte.',
      visibleTo: 'Les modérateurs.',
      fields: {
        chapterId: { what: 'Le chapitre.', why: 'Pour mettre en premier ce qui le concerne.' },
        memberId: { what: 'Le modérateur.', why: 'Pour savoir qui l’a pris.' },
        createdAt: { what: 'Quand il l’a pris.', why: 'Pour montrer depuis quand.' },
      },
    },
    GroupMembership: {
      title: 'Membres des groupes locaux',
      summary: 'Le fait que vous appartenez à un groupe local, et si vous le coordonnez.',
      retention: 'Jusqu’à ce que vous quittiez le groupe ou supprimiez votre compte.',
      visibleTo:
        'Les membres du groupe : sa liste de membres n’est montrée qu’à eux. Les autres ne voient que la taille du groupe.',
      fields: {
        groupId: { what: 'Le groupe.', why: 'Pour savoir qui en fait partie.' },
        memberId: { what: 'Le membre.', why: 'Pour savoir qui en fait partie.' },
        coordinator: {
          what: 'S’il coordonne le groupe (son fondateur le fait, en premier).',
          why: 'Les coordinateurs soutiennent des amendements au nom du groupe.',
        },
        joinedAt: {
          what: 'Quand il a rejoint le groupe.',
          why: 'Quand le dernier coordinateur part, le membre le plus ancien prend le relais.',
        },
      },
    },
    GroupEndorsement: {
      title: 'Soutiens des groupes',
      summary:
        'Le soutien d’un groupe validé à un amendement, donné par l’un de ses coordinateurs ; il compte quand le seuil est une part des groupes validés.',
      retention: 'Aussi longtemps que l’amendement et le groupe.',
      visibleTo: 'Quiconque peut voir le groupe : sa page liste les amendements qu’il a soutenus.',
      fields: {
        groupId: { what: 'Le groupe.', why: 'Un soutien par groupe.' },
        amendmentId: AMENDMENT_REF,
        endorsedById: {
          what: 'Le coordinateur qui l’a donné.',
          why: 'Les coordinateurs répondent de ce qu’ils font au nom du groupe.',
          visibleTo: NOT_SHOWN,
        },
        createdAt: { what: CREATED, why: DATES_WHY },
      },
    },
    // ───────────────────────────── Votes ─────────────────────────────
    VotingRound: {
      title: 'Scrutins',
      summary: 'Un vote qui tranche des amendements : ses dates, ses règles et, une fois clos, ses résultats.',
      retention: 'Pour toujours : les résultats et l’urne publiée sont la trace publique du vote.',
      visibleTo: PROGRAM_READERS,
      fields: {
        id: ROW_ID,
        programId: PROGRAM_REF,
        number: { what: 'Son numéro dans le programme.', why: 'Pour le nommer.' },
        title: { what: 'Son titre.', why: 'Pour le nommer.' },
        explanation: { what: 'Ce que les modérateurs en disent.', why: 'Pour informer les votants.' },
        opensAt: { what: 'Quand il ouvre.', why: 'Il s’ouvre de lui-même.' },
        closesAt: { what: 'Quand il ferme.', why: 'Il se ferme et se dépouille de lui-même.' },
        status: { what: 'Prévu, ouvert ou clos.', why: 'Pour le conduire.' },
        quorumPercent: {
          what: 'La participation minimale, en part du recensement.',
          why: 'Une règle de décompte, affichée à tous.',
        },
        majorityNumerator: {
          what: 'La majorité requise (son numérateur, par exemple 1 de 1/2).',
          why: 'Une règle de décompte, affichée à tous.',
        },
        majorityDenominator: {
          what: 'La majorité requise (son dénominateur).',
          why: 'Une règle de décompte, affichée à tous.',
        },
        questionMajorities: {
          what: 'Les majorités fixées pour certains amendements.',
          why: 'Une règle de décompte, affichée à tous.',
        },
        method: {
          what: 'Comment les amendements concurrents sont départagés : Schulze, Borda ou Dowdall.',
          why: 'Une règle de décompte, affichée à tous.',
        },
        censusJoinedBefore: {
          what: 'Qui peut voter : les membres inscrits avant cette date (à l’adresse confirmée).',
          why: 'La règle du recensement est publique.',
        },
        censusSize: {
          what: 'Combien de membres peuvent voter (un nombre, fixé à l’ouverture).',
          why: 'Pour la participation et le quorum.',
        },
        censusRule: {
          what: 'La règle selon laquelle le recensement a été figé (tout membre vérifié, ou le registre à jour).',
          why: 'La règle du recensement est publique.',
        },
        censusCommitment: {
          what: 'Un SHA-256 des empreintes salées des entrées du recensement, publié à l’ouverture.',
          why: 'Pour trancher plus tard un litige sur qui pouvait voter sans publier la liste.',
        },
        openedAt: { what: 'Quand il a effectivement ouvert.', why: DATES_WHY },
        closedAt: { what: 'Quand il a effectivement fermé.', why: DATES_WHY },
        results: {
          what: 'Le dépouillement, écrit à la clôture ; rien n’en existe avant.',
          why: 'Pour publier les résultats.',
        },
        boardSha256: {
          what: 'Le SHA-256 de l’urne publiée.',
          why: 'Chacun peut vérifier qu’une urne téléchargée est bien celle publiée.',
        },
        rollSize: {
          what: 'Combien de membres ont voté (la taille de la liste d’émargement), indiqué dans l’urne publiée à la clôture.',
          why: 'Chacun peut vérifier que l’urne compte un bulletin par votant.',
        },
        createdById: {
          what: 'Le modérateur qui l’a créé.',
          why: 'Les modérateurs répondent de leurs décisions.',
          visibleTo: NOT_SHOWN,
        },
        createdAt: { what: CREATED, why: DATES_WHY },
        binding: {
          what: 'Si chaque bulletin demande un code à usage unique (scrutin engageant).',
          why: 'Une décision engageante demande plus qu’une session pour être votée.',
        },
      },
    },
    RoundQuestion: {
      title: 'Questions d’un scrutin',
      summary:
        'Une question soumise au vote, fixée à l’ouverture du scrutin : un amendement, ou des amendements concurrents à classer.',
      retention: 'Pour toujours, avec le scrutin.',
      visibleTo: PROGRAM_READERS,
      fields: {
        id: ROW_ID,
        roundId: ROUND_REF,
        position: { what: 'Sa place sur le bulletin.', why: 'Pour ordonner le bulletin.' },
        kind: { what: 'Oui/non, ou un classement.', why: 'Pour le dépouiller correctement.' },
        title: { what: 'La question telle que les votants la lisent.', why: 'Pour l’afficher.' },
        amendmentId: { ...AMENDMENT_REF, what: 'Pour oui/non : l’amendement.' },
        collisionGroup: {
          what: 'Pour un classement : le groupe d’amendements concurrents.',
          why: 'Pour le dépouiller.',
        },
        alternatives: {
          what: 'Pour un classement : les choix, « garder le texte actuel » en premier.',
          why: 'Leur ordre départage aussi les égalités.',
        },
        majorityNumerator: {
          what: 'La majorité requise pour cette question (numérateur).',
          why: 'Une règle de décompte, affichée à tous.',
        },
        majorityDenominator: {
          what: 'La majorité requise pour cette question (dénominateur).',
          why: 'Une règle de décompte, affichée à tous.',
        },
      },
    },
    RegisterEntry: {
      title: 'Registre des adhérents',
      summary:
        'La liste des adhérents du mouvement, importée par les administrateurs : adresse, nom, numéro d’adhérent, groupe local et date de fin d’adhésion. Rien d’autre du fichier n’est gardé.',
      retention:
        'Tant que le mouvement vous liste. Plus listé : marqué échu, gardé pour expliquer le recensement des scrutins passés. Supprimé avec votre compte.',
      visibleTo: 'Les administrateurs. Vous, dans l’export de vos données.',
      fields: {
        id: ROW_ID,
        email: { what: 'L’adresse que le mouvement liste.', why: 'Pour vous inviter et lier l’entrée à votre compte.' },
        name: { what: 'Votre nom tel que le mouvement le liste.', why: 'Pour reconnaître l’entrée.' },
        membershipNumber: {
          what: 'Votre numéro d’adhérent, si le mouvement en donne un.',
          why: 'Pour reconnaître l’entrée.',
        },
        localGroup: {
          what: 'Votre groupe local tel que le mouvement le liste.',
          why: 'Le mouvement le garde avec sa liste.',
        },
        memberUntil: {
          what: 'Le dernier jour couvert par votre adhésion.',
          why: 'Les votes selon la règle du registre comptent les adhérents à jour le jour de l’ouverture.',
        },
        lapsedAt: { what: 'Quand un import ne vous a plus listé.', why: 'Un adhérent échu n’est pas recensé.' },
        memberId: { what: 'Votre compte, une fois lié à l’entrée.', why: 'Le recensement compte des comptes.' },
        inviteTokenHash: {
          what: 'L’empreinte de votre lien d’invitation (le lien lui-même n’est jamais gardé).',
          why: 'Le lien crée votre compte une seule fois.',
          visibleTo: NOT_SHOWN,
        },
        invitedAt: { what: 'Quand l’invitation a été envoyée.', why: 'Chaque entrée est invitée une fois.' },
        importedAt: { what: 'Quand l’entrée a été importée pour la première fois.', why: DATES_WHY },
        updatedAt: { what: UPDATED, why: DATES_WHY },
      },
    },
    RegisterUpload: {
      title: 'Fichiers du registre en attente de confirmation',
      summary: 'Un fichier du registre envoyé par un administrateur, gardé entre son aperçu et son import.',
      retention: 'Jusqu’à son import, une heure au plus.',
      visibleTo: NOT_SHOWN,
      fields: {
        id: ROW_ID,
        createdById: { what: 'L’administrateur qui l’a envoyé.', why: 'Lui seul peut le confirmer.' },
        fileName: { what: 'Le nom du fichier.', why: 'Affiché dans l’aperçu.' },
        content: { what: 'Le fichier tel qu’envoyé.', why: 'L’import lit exactement le fichier prévisualisé.' },
        createdAt: { what: CREATED, why: 'Supprimé au bout d’une heure.' },
      },
    },
    CensusEntry: {
      title: 'Recensement d’un scrutin',
      summary:
        'Qui peut voter à un scrutin, fixé à son ouverture : les membres à l’adresse confirmée inscrits avant la date du scrutin.',
      retention:
        'Pour toujours, pour que la taille du recensement reste vérifiable. Si vous supprimez votre compte, votre ligne perd votre identifiant et reste anonyme : aucun décompte ne change.',
      visibleTo: 'Vous (si vous pouvez voter). Les autres ne voient que la taille du recensement.',
      fields: {
        id: ROW_ID,
        roundId: ROUND_REF,
        memberId: {
          what: 'Un membre qui peut voter.',
          why: 'Seuls les membres du recensement peuvent voter.',
          retention: 'Effacé quand vous supprimez votre compte.',
        },
        salt: {
          what: 'Une valeur aléatoire tirée pour votre entrée au moment où le recensement a été figé.',
          why: 'Donnée à vous seul, elle vous permet de prouver que vous avez été compté ; sans elle votre empreinte ne révèle rien.',
          visibleTo: 'Vous seul, sur la page du scrutin.',
        },
        leaf: {
          what: 'L’empreinte du sel et de votre identifiant de membre.',
          why: 'Ce sur quoi l’engagement publié est calculé ; gardée après une suppression pour que l’engagement reste vérifiable.',
          visibleTo: 'Vous seul, sur la page du scrutin.',
        },
      },
    },
    VoterRoll: {
      title: 'Liste d’émargement',
      summary:
        'Le fait que vous avez voté à un scrutin, et rien de comment ni de quand. Séparé des bulletins : rien ne relie les deux.',
      retention:
        'Pour toujours, comme trace de la participation. Si vous supprimez votre compte, votre ligne perd votre identifiant (le décompte reste).',
      visibleTo:
        'Vous (que vous avez voté) ; après la clôture, les membres du recensement du scrutin et les modérateurs voient qui a voté (votre nom tel que vous le montrez), jamais comment. Le public ne voit que la participation.',
      fields: {
        id: ROW_ID,
        roundId: ROUND_REF,
        memberId: {
          what: 'Un membre qui a voté.',
          why: 'La participation se compte à partir de là ; cela ne dit jamais comment vous avez voté.',
          retention: 'Effacé quand vous supprimez votre compte.',
        },
      },
    },
    MailMessage: {
      title: 'Courriels sur les votes (file d’envoi)',
      summary:
        'L’appel au vote envoyé à tout le corps électoral d’un scrutin à son ouverture, et les rappels que les modérateurs programment pour celles et ceux qui n’ont pas voté. La file ne contient ni adresse ni texte : le courriel est rédigé au moment de l’envoi.',
      retention: 'Jusqu’à 30 jours après la clôture du scrutin, ou jusqu’à la suppression de votre compte.',
      visibleTo: 'Les modérateurs ne voient que des nombres (en attente, envoyés, échecs), jamais qui.',
      fields: {
        id: {
          what: 'La clé d’idempotence du courriel : sa nature, le scrutin ou le rappel, et le membre.',
          why: 'Pour qu’aucun courriel ne soit mis en file ni envoyé deux fois.',
        },
        kind: { what: 'Appel au vote ou rappel.', why: 'Pour rédiger le bon courriel.' },
        roundId: ROUND_REF,
        programId: { what: 'Le programme dont parle un avis de phase.', why: 'Pour écrire l’avis.' },
        memberId: { what: 'Le membre destinataire.', why: 'Pour trouver l’adresse au moment de l’envoi.' },
        status: {
          what: 'En attente, en cours d’envoi, envoyé, devenu inutile ou en échec.',
          why: 'Pour envoyer chaque courriel une fois.',
        },
        attempts: {
          what: 'Le nombre d’essais d’envoi.',
          why: 'Chaque nouvel essai attend plus longtemps, puis cesse.',
        },
        nextAttemptAt: { what: 'Quand il peut être réessayé.', why: 'Pour attendre un serveur de courriel en panne.' },
        queuedAt: {
          what: 'Quand il a été mis en file.',
          why: 'Pour que l’exploitant voie combien de temps les courriels attendent (un chiffre sur toute la file, jamais par membre).',
        },
        sentAt: { what: 'Quand le serveur de courriel l’a accepté.', why: 'Pour compter ce qui est parti.' },
        error: {
          what: 'Pourquoi le dernier essai a échoué : un code, jamais une adresse.',
          why: 'Pour que l’équipe qui gère le serveur voie les ennuis d’un serveur de courriel.',
        },
      },
    },
    RoundMailing: {
      title: 'Envoi d’un scrutin',
      summary:
        'Le secret qui signe les liens d’arrêt des rappels des courriels d’un scrutin, et l’heure où son appel au vote a été mis en file.',
      retention: 'Aussi longtemps que le scrutin.',
      visibleTo: NOBODY,
      fields: {
        roundId: ROUND_REF,
        secret: {
          what: 'Un secret aléatoire.',
          why: 'Pour que seul le lien qui vous a été envoyé puisse arrêter vos rappels.',
        },
        queuedAt: { what: 'Quand l’appel au vote a été mis en file.', why: 'Pour ne le mettre en file qu’une fois.' },
      },
    },
    RoundReminder: {
      title: 'Rappels d’un scrutin',
      summary: 'Un rappel programmé par un modérateur pour les membres du corps électoral qui n’ont pas voté.',
      retention: 'Aussi longtemps que le scrutin.',
      visibleTo: 'Les modérateurs du programme.',
      fields: {
        id: ROW_ID,
        roundId: ROUND_REF,
        sendAt: { what: 'Quand il part.', why: 'Pour l’envoyer à l’heure.' },
        queuedAt: { what: 'Quand il a été mis en file.', why: 'Pour ne le mettre en file qu’une fois.' },
        createdById: {
          what: 'Le modérateur qui l’a programmé.',
          why: 'Pour que chacun réponde de ses actes (aussi dans le journal d’audit).',
        },
        createdAt: { what: CREATED, why: DATES_WHY },
      },
    },
    ReminderStop: {
      title: 'Rappels arrêtés',
      summary: 'Le fait que vous avez arrêté les rappels d’un scrutin, avec le lien de son courriel.',
      retention: 'Aussi longtemps que le scrutin, ou jusqu’à la suppression de votre compte.',
      visibleTo: NOBODY,
      fields: {
        roundId: ROUND_REF,
        memberId: {
          what: 'Le membre qui les a arrêtés.',
          why: 'Pour ne plus lui envoyer de rappel de ce scrutin.',
        },
      },
    },
    TurnoutCount: {
      title: 'Participation au fil du temps',
      summary:
        'Combien de membres ont déposé leur premier bulletin à chaque heure d’un scrutin : des nombres seulement. L’heure à laquelle chacun vote n’est pas conservée, et rien ne relie un nombre à un membre.',
      retention: 'Aussi longtemps que le scrutin.',
      visibleTo: 'Quiconque peut lire le scrutin (son graphique de participation).',
      fields: {
        roundId: ROUND_REF,
        hour: { what: 'Une heure du scrutin.', why: 'Pour tracer la participation au fil du temps.' },
        shard: {
          what: 'L’un des 16 compteurs de l’heure, tiré au hasard.',
          why: 'Pour que des bulletins déposés au même moment ne s’attendent pas.',
        },
        voters: {
          what: 'Le nombre de premiers bulletins déposés pendant cette heure.',
          why: 'Pour tracer la participation au fil du temps.',
        },
      },
    },
    Ballot: {
      title: 'Bulletins',
      summary:
        'Les bulletins. Un bulletin n’est jamais relié à un membre : il ne contient ni identifiant de membre, ni nom, ni heure. Pendant le scrutin il est scellé avec la clé du scrutin, gardée hors de la base ; à la clôture chaque bulletin est ouvert, compté et publié anonymement dans l’urne publiée, et la clé est détruite.',
      retention:
        'Scellés jusqu’à la clôture, puis anonymes pour toujours dans l’urne publiée. La clé du scrutin est détruite à la clôture : ensuite personne, y compris les personnes qui font tourner le serveur, ne peut relier un bulletin à un membre.',
      visibleTo:
        'Pendant le scrutin : personne (scellés ; seul quelqu’un qui contrôle le serveur et la clé du scrutin pourrait les ouvrir). Après la clôture : tout le monde, dans l’urne publiée, sans lien avec aucun votant ; vous seul·e savez quel code de suivi est le vôtre.',
      fields: {
        id: { ...ROW_ID, what: 'Un identifiant aléatoire, tiré à nouveau à la clôture.' },
        roundId: ROUND_REF,
        slot: {
          what: 'Pendant le scrutin : une empreinte à clé (HMAC) de l’identifiant du votant sous la clé du scrutin.',
          why: 'Pour que voter à nouveau remplace votre bulletin précédent.',
          retention: 'Effacée à la clôture.',
          visibleTo: 'Personne.',
        },
        sealed: {
          what: 'Pendant le scrutin : les réponses, une valeur aléatoire et le code de suivi, chiffrés (AES-256-GCM) sous la clé du scrutin et complétés à une taille unique.',
          why: 'Personne ne peut lire un bulletin ni un résultat partiel avant la clôture.',
          retention: 'Effacé à la clôture.',
          visibleTo: 'Personne.',
        },
        code: {
          what: 'Après la clôture : le code de suivi du bulletin, le reçu que son votant a vu une fois.',
          why: 'Chaque votant vérifie que son bulletin a été compté.',
        },
        nonce: {
          what: 'Après la clôture : la valeur aléatoire qui, avec les réponses, permet de recalculer le code.',
          why: 'Chacun peut vérifier qu’aucun bulletin n’a été modifié.',
        },
        answers: { what: 'Après la clôture : les réponses du bulletin.', why: 'Chacun peut recompter le vote.' },
      },
    },
    // ───────────────────────────── The program’s text ─────────────────────────────
    Program: {
      title: 'Programmes',
      summary: 'Un programme : son titre, son résumé, sa phase et les règles fixées par les modérateurs.',
      retention: PROGRAM_LIFETIME,
      visibleTo: PROGRAM_READERS,
      fields: {
        id: ROW_ID,
        slug: { what: 'Le nom court de son adresse.', why: 'Des adresses lisibles.' },
        title: { what: 'Son titre.', why: 'Pour le nommer.' },
        summary: { what: 'Son résumé.', why: 'Pour le présenter.' },
        phase: {
          what: 'Rédaction, amendements, vote ou publié.',
          why: 'Elle décide de ce que les membres peuvent faire.',
        },
        draftIsPublic: { what: 'Si le public peut lire le brouillon.', why: 'Une règle d’ouverture.' },
        draftingAccess: {
          what: 'Qui écrit pendant la rédaction : tous les membres, ou seulement les rédacteurs désignés.',
          why: 'Une règle de rédaction.',
        },
        phaseStartedAt: { what: 'Quand la phase actuelle a commencé.', why: 'Affiché avec la phase.' },
        phaseEndsAt: {
          what: 'Quand les modérateurs prévoient de finir la phase actuelle, s’ils l’ont dit.',
          why: 'Affiché avec la phase.',
        },
        supportRule: {
          what: 'Ce qu’il faut à un amendement pour être qualifié : un nombre de soutiens, une part des membres actifs, ou une part des groupes locaux validés.',
          why: 'Une règle de soutien.',
        },
        supportValue: { what: 'Le nombre, ou le pourcentage, de cette règle.', why: 'Une règle de soutien.' },
        supportActiveDays: { what: 'Combien de jours récents rendent un membre actif.', why: 'Une règle de soutien.' },
        supportDays: {
          what: 'Pendant combien de jours un amendement déposé recueille des soutiens.',
          why: 'Une règle de soutien.',
        },
        applyLeaseUntil: {
          what: 'Un verrou tenu pendant que des amendements adoptés sont écrits dans le texte ou qu’une version est publiée.',
          why: 'Un seul rédacteur à la fois.',
          visibleTo: NOT_SHOWN,
        },
        drafterNamesPublic: {
          what: 'Si les versions publiées nomment les membres qui ont modifié le texte directement.',
          why: 'Les modérateurs en décident ; désactivé tant qu’ils ne l’activent pas.',
        },
        censusRule: {
          what: 'Qui vote dans les scrutins du programme : tout membre vérifié, ou les adhérents du registre à jour.',
          why: 'Les modérateurs en décident ; chaque scrutin la fige à son ouverture.',
        },
        phaseAutoAdvance: {
          what: 'Si la phase passe d’elle-même à la suivante à sa fin prévue.',
          why: 'Les modérateurs en décident ; les membres sont prévenus à l’avance.',
        },
        phaseNoticeFor: {
          what: 'La fin prévue dont les membres ont été prévenus.',
          why: 'Pour ne les prévenir qu’une fois par date.',
        },
        language: {
          what: 'La langue dans laquelle son texte est écrit.',
          why: 'Pour que les lecteurs d’écran le prononcent et que la recherche en réduise les mots dans cette langue.',
        },
        createdAt: { what: CREATED, why: DATES_WHY },
        updatedAt: { what: UPDATED, why: DATES_WHY },
      },
    },
    Drafter: {
      title: 'Rédacteurs désignés',
      summary:
        'Les membres que les modérateurs ont désignés pour écrire un programme quand sa rédaction est réservée aux rédacteurs désignés.',
      retention: 'Jusqu’à ce que les modérateurs vous retirent, ou que vous supprimiez votre compte.',
      visibleTo: 'Les modérateurs du programme, et vous dans votre export.',
      fields: {
        programId: PROGRAM_REF,
        memberId: { what: 'Le rédacteur.', why: 'Seuls les rédacteurs désignés écrivent quand l’accès est limité.' },
        addedAt: { what: 'Quand il a été désigné.', why: DATES_WHY },
      },
    },
    CommitteeMember: {
      title: 'Comité de rédaction',
      summary:
        'Les membres que les modérateurs ont nommés au comité de rédaction d’un programme, qui recommande une position sur chaque amendement.',
      retention: 'Jusqu’à ce que les modérateurs vous retirent, ou que vous supprimiez votre compte.',
      visibleTo: 'Toute personne qui lit le programme : le comité s’exprime en public.',
      fields: {
        programId: PROGRAM_REF,
        memberId: {
          what: 'Le membre du comité.',
          why: 'Seul le comité enregistre des recommandations et rédige des compromis.',
        },
        addedAt: { what: 'Quand il a été nommé.', why: DATES_WHY },
      },
    },
    Recommendation: {
      title: 'Les recommandations du comité',
      summary:
        'La position du comité de rédaction sur un amendement (adopter, rejeter, adopter un compromis) et sa raison publique.',
      retention: 'Aussi longtemps que l’amendement.',
      visibleTo: 'Toute personne qui lit l’amendement ; le bulletin et les résultats l’affichent.',
      fields: {
        amendmentId: AMENDMENT_REF,
        programId: PROGRAM_REF,
        kind: { what: 'Adopter, rejeter, ou adopter un compromis.', why: 'C’est la recommandation.' },
        reason: { what: 'La raison publique du comité.', why: 'Les membres jugent la recommandation sur elle.' },
        recordedById: {
          what: 'Le membre du comité qui l’a enregistrée.',
          why: 'Elle figure au journal d’audit.',
          visibleTo: 'Les modérateurs du programme.',
        },
        createdAt: { what: CREATED, why: DATES_WHY },
        updatedAt: { what: UPDATED, why: DATES_WHY },
      },
    },
    LiveTextWriter: {
      title: 'Qui a écrit dans une section',
      summary:
        'Pour chaque section, jour et phase : quels membres ont écrit dans son texte en direct, et quand pour la première et la dernière fois. Jamais ce qu’ils ont tapé.',
      retention: 'Jusqu’à la suppression de votre compte, ou celle de la section.',
      visibleTo:
        'Les modérateurs du programme. Une version publiée ne vous nomme parmi les rédacteurs directs d’une section que si les modérateurs ont choisi de publier les noms des rédacteurs.',
      fields: {
        docName: { what: 'Quel texte en direct.', why: 'Pour retrouver la section.' },
        memberId: { what: 'Qui a écrit.', why: 'Pour attribuer une modification faite hors amendement.' },
        day: { what: 'Le jour (UTC).', why: 'Pour dire quand une modification a été faite.' },
        phase: {
          what: 'La phase du programme à ce moment.',
          why: 'Pour dire dans quelle phase une modification a été faite.',
        },
        firstAt: { what: 'La première écriture ce jour-là.', why: DATES_WHY },
        lastAt: { what: 'La dernière écriture ce jour-là.', why: DATES_WHY },
      },
    },
    Chapter: {
      title: 'Chapitres',
      summary: 'Les parties ordonnées d’un programme.',
      retention:
        'Aussi longtemps que le programme, sauf si les modérateurs retirent le chapitre (le journal d’audit l’enregistre).',
      visibleTo: PROGRAM_READERS,
      fields: {
        id: ROW_ID,
        programId: PROGRAM_REF,
        position: { what: 'Sa place ; son numéro en découle.', why: 'Pour ordonner le programme.' },
        title: { what: 'Son titre.', why: 'Pour le nommer.' },
        createdAt: { what: CREATED, why: DATES_WHY },
      },
    },
    Section: {
      title: 'Sections',
      summary: 'Les parties ordonnées d’un chapitre, chacune avec son texte.',
      retention:
        'Aussi longtemps que le programme. Une section retirée par un amendement adopté est archivée, pas supprimée ; les modérateurs peuvent supprimer une section à laquelle aucun amendement ne renvoie.',
      visibleTo: PROGRAM_READERS,
      fields: {
        id: ROW_ID,
        chapterId: { what: 'Son chapitre.', why: 'Pour ordonner le programme.' },
        position: { what: 'Sa place dans le chapitre ; son numéro en découle.', why: 'Pour ordonner le programme.' },
        title: { what: 'Son titre.', why: 'Pour la nommer.' },
        content: {
          what: 'Le texte avec lequel elle a été créée (le texte en cours d’écriture vit dans les textes en direct).',
          why: 'Le texte en direct part de lui.',
        },
        lockedAt: {
          what: 'Quand les modérateurs, ou un vote, l’ont verrouillée.',
          why: 'Personne n’écrit une section verrouillée.',
        },
        lockReason: { what: 'Pourquoi elle est verrouillée.', why: 'Affiché à quiconque la lit.' },
        lockedByRoundId: {
          what: 'Le scrutin qui l’a verrouillée, le cas échéant.',
          why: 'Le verrou se lève de lui-même à la clôture.',
        },
        archivedAt: {
          what: 'Quand un amendement adopté l’a retirée.',
          why: 'Les amendements et l’historique qui y renvoient restent lisibles.',
        },
        createdAt: { what: CREATED, why: DATES_WHY },
        updatedAt: { what: UPDATED, why: DATES_WHY },
      },
    },
    AmendmentApplication: {
      title: 'Amendements adoptés écrits dans le texte',
      summary:
        'Chaque amendement adopté appliqué au texte, avec le texte de la section avant et après : d’où vient la provenance du programme publié.',
      retention: 'Pour toujours : c’est la provenance du programme.',
      visibleTo: PROGRAM_READERS,
      fields: {
        id: ROW_ID,
        amendmentId: AMENDMENT_REF,
        programId: PROGRAM_REF,
        sectionId: { what: 'La section modifiée (ou créée).', why: 'Pour retracer la modification.' },
        status: {
          what: 'En cours, appliqué, ou en conflit (en attente d’un modérateur).',
          why: 'Un amendement adopté n’est jamais abandonné ni forcé.',
        },
        seq: {
          what: 'Son ordre d’application dans le programme.',
          why: 'Le journal des changements de chaque version, ce sont les applications depuis la précédente.',
        },
        before: { what: 'Le texte de la section avant.', why: 'La provenance.' },
        after: { what: 'Le texte de la section après.', why: 'La provenance.' },
        createdAt: { what: CREATED, why: DATES_WHY },
        appliedAt: { what: 'Quand il a été écrit dans le texte.', why: DATES_WHY },
        resolvedById: {
          what: 'Pour un conflit : le modérateur qui l’a résolu.',
          why: 'Les modérateurs répondent de leurs décisions.',
          visibleTo: NOT_SHOWN,
        },
        resolution: {
          what: 'Pour un conflit : comment et pourquoi il a été résolu, dans les mots du modérateur.',
          why: 'La provenance.',
        },
      },
    },
    ProgramVersion: {
      title: 'Versions publiées',
      summary: 'Une version publiée du programme, qui ne change jamais.',
      retention: FOREVER_PUBLIC,
      visibleTo: EVERYONE,
      fields: {
        id: ROW_ID,
        programId: PROGRAM_REF,
        number: { what: 'Son numéro : 1, 2…', why: 'Pour la nommer.' },
        title: { what: 'Le titre du programme à ce moment.', why: 'Pour l’afficher.' },
        note: { what: 'Ce que cette version change, dans les mots des modérateurs.', why: 'Pour la présenter.' },
        throughSeq: {
          what: 'Le dernier amendement adopté qu’elle inclut.',
          why: 'Pour calculer son journal des changements.',
        },
        publishedAt: { what: 'Quand elle a été publiée.', why: DATES_WHY },
        publishedById: {
          what: 'Le modérateur qui l’a publiée.',
          why: 'Les modérateurs répondent de leurs décisions.',
          visibleTo: NOT_SHOWN,
        },
        outline: {
          what: 'Sa table des matières et l’origine de chaque passage adopté : l’amendement, son vote, et les identifiants de ses auteurs (leurs noms sont recherchés à chaque lecture : celui d’un ancien membre a disparu).',
          why: 'Les lecteurs voient pourquoi chaque passage est là, et qui l’a proposé.',
        },
        changelog: {
          what: 'Les amendements appliqués depuis la version précédente, avec leurs résultats.',
          why: 'Les lecteurs voient ce qui a changé et pourquoi.',
        },
        html: { what: 'Toute la version sur une seule page.', why: 'Pour la vue sur une page et les exports.' },
      },
    },
    VersionSection: {
      title: 'Sections des versions publiées',
      summary: 'Une section d’une version publiée, avec l’origine de chaque passage.',
      retention: FOREVER_PUBLIC,
      visibleTo: EVERYONE,
      fields: {
        versionId: { what: 'Sa version.', why: 'Pour la retrouver.' },
        sectionId: {
          what: 'La section dont elle est la copie.',
          why: 'Pour comparer les versions section par section.',
        },
        position: { what: 'Son ordre de lecture.', why: 'Pour ordonner la version.' },
        number: { what: 'Son numéro, par exemple 3.2.', why: 'Pour l’afficher.' },
        chapterId: { what: 'Son chapitre.', why: 'Pour regrouper les sections.' },
        chapterNumber: { what: 'Le numéro de son chapitre.', why: 'Pour l’afficher.' },
        chapterTitle: { what: 'Le titre de son chapitre.', why: 'Pour l’afficher.' },
        title: { what: 'Son titre.', why: 'Pour l’afficher.' },
        doc: {
          what: 'Son texte, chaque passage marqué de l’amendement qui l’a écrit.',
          why: 'Les lecteurs voient d’où vient chaque passage.',
        },
        text: { what: 'Son texte brut.', why: 'Pour la recherche.' },
      },
    },
    // ───────────────────────────── Moderation and audit ─────────────────────────────
    RollReport: {
      title: 'Signalements sur les listes d’émargement',
      summary:
        'Un membre qui se trouve sur la liste d’émargement d’un scrutin clos dit ne pas avoir voté, avec ce qu’il dit aux modérateurs : un par membre et par scrutin.',
      retention: 'Aussi longtemps que le scrutin. Effacé quand vous supprimez votre compte.',
      visibleTo: 'Les modérateurs, qui voient votre nom, le scrutin et votre message ; et vous, dans votre export.',
      fields: {
        roundId: ROUND_REF,
        memberId: {
          what: 'Qui a signalé.',
          why: 'Les modérateurs doivent savoir quel compte a voté sans son titulaire.',
        },
        message: { what: 'Ce que vous avez dit aux modérateurs.', why: 'Pour qu’ils puissent vérifier.' },
        createdAt: { what: CREATED, why: DATES_WHY },
      },
    },
    CommentReport: {
      title: 'Signalements de commentaires',
      summary:
        'Le signalement d’un commentaire aux modérateurs par un membre, avec le motif : un par membre et par commentaire.',
      retention:
        'Aussi longtemps que le commentaire, y compris une fois traité par les modérateurs. Si vous supprimez votre compte, vos signalements restent sous votre compte vidé (« ancien membre »).',
      visibleTo: 'Les modérateurs, qui voient le motif et la date mais pas qui a signalé ; et vous, dans votre export.',
      fields: {
        commentId: { what: 'Le commentaire signalé.', why: 'Pour le traiter.' },
        memberId: {
          what: 'Qui l’a signalé.',
          why: 'Un signalement par membre et par commentaire.',
          visibleTo: 'Personne : les modérateurs ne savent pas qui a signalé.',
        },
        reason: { what: 'Pourquoi, dans vos mots.', why: 'Les modérateurs décident en sachant pourquoi.' },
        createdAt: { what: CREATED, why: DATES_WHY },
        resolvedAt: {
          what: 'Quand les modérateurs l’ont traité : commentaire masqué, ou gardé.',
          why: 'Les signalements traités quittent la file des modérateurs.',
        },
      },
    },
    DuplicateCandidate: {
      title: 'Doublons possibles',
      summary:
        'Deux amendements en lice d’une même section qui font presque le même changement, avec leur degré de ressemblance, mesuré quand un amendement est déposé ou modifié.',
      retention: 'Tant que les deux amendements sont en lice et que la paire n’est pas écartée.',
      visibleTo: 'Les modérateurs, dans leur file.',
      fields: {
        amendmentId: AMENDMENT_REF,
        otherId: { what: 'L’autre amendement de la paire.', why: 'Pour proposer la paire.' },
        programId: { what: 'Le programme des deux.', why: 'Pour lister les paires d’un programme.' },
        sectionId: {
          what: 'La section que les deux modifient.',
          why: 'Pour mesurer de nouveau les paires d’une section quand elle change.',
        },
        similarity: {
          what: 'À quel point leurs changements se ressemblent.',
          why: 'Pour lister d’abord les plus proches.',
        },
      },
    },
    DuplicateDismissal: {
      title: 'Amendements jugés non doublons',
      summary:
        'Deux amendements que la détection des doublons trouvait semblables et qu’un modérateur a jugés différents, avec la raison : la paire n’est plus proposée comme doublon possible.',
      retention: 'Aussi longtemps que les deux amendements.',
      visibleTo: 'Les modérateurs ; le journal de modération montre la décision, qui l’a prise et pourquoi.',
      fields: {
        amendmentId: AMENDMENT_REF,
        otherId: { what: 'L’autre amendement de la paire.', why: 'Pour ne plus proposer la paire.' },
        reason: {
          what: 'Pourquoi ce ne sont pas des doublons, dans les mots du modérateur.',
          why: 'Les décisions sont motivées.',
        },
        createdAt: { what: CREATED, why: DATES_WHY },
      },
    },
    ReasonTemplate: {
      title: 'Modèles de motifs',
      summary:
        'Des motifs que les modérateurs réutilisent pour décider des amendements, gardés par programme. Une décision en copie les mots : modifier ou supprimer un modèle ne change aucune décision passée.',
      retention: 'Jusqu’à ce qu’un modérateur le supprime, ou que le programme soit supprimé.',
      visibleTo: 'Les modérateurs.',
      fields: {
        id: ROW_ID,
        programId: PROGRAM_REF,
        name: { what: 'Un nom court pour le menu.', why: 'Pour le choisir vite.' },
        text: { what: 'Le motif, dans les mots des modérateurs.', why: 'Pour donner le même motif sans le retaper.' },
        createdAt: { what: CREATED, why: DATES_WHY },
        updatedAt: { what: UPDATED, why: DATES_WHY },
      },
    },
    AuditEvent: {
      title: 'Journal d’audit',
      summary:
        'Un registre en ajout seul de qui a fait quoi, et pourquoi : adhésions, changements de rôle, de mot de passe ou d’adresse, décisions des modérateurs, changements de phase, scrutins, publications.',
      retention:
        'Pour toujours : la base refuse de modifier ou de supprimer ces lignes. Elles contiennent des identifiants opaques, jamais une adresse e-mail ni un mot de passe ; quand un membre supprime son compte, son identifiant ne désigne plus personne.',
      visibleTo:
        'Une partie est publique avec le programme (changements de phase, chronologie d’un amendement, journal de modération, avec le nom de qui a agi) ; les événements d’un compte sont visibles des administrateurs ; vos propres actions sont dans votre export.',
      fields: {
        id: SEQUENCE_ID,
        actorId: { what: 'Le membre qui a agi (aucun pour le système).', why: 'Chacun répond de ce qu’il décide.' },
        action: { what: 'Ce qui a été fait, par exemple « member.role_changed ».', why: 'La trace elle-même.' },
        targetType: {
          what: 'Le genre de chose concernée (un compte, un amendement, une section…).',
          why: 'La trace elle-même.',
        },
        targetId: {
          what: 'Son identifiant (l’identifiant opaque d’un membre quand il s’agit d’un compte).',
          why: 'La trace elle-même.',
        },
        reason: {
          what: 'Le motif donné par qui a agi, quand il est exigé (décisions des modérateurs, changements de rôle).',
          why: 'Les décisions sont expliquées.',
        },
        data: {
          what: 'Les faits du changement : anciennes et nouvelles valeurs (un rôle, une phase, le titre et le texte d’une section), parfois l’identifiant opaque d’un autre membre.',
          why: 'Pour savoir exactement ce qui a changé.',
        },
        createdAt: { what: 'Quand cela s’est passé.', why: DATES_WHY },
      },
    },
    // ───────────────────────────── Technical ─────────────────────────────
    LoginFailure: {
      title: 'Connexions échouées',
      summary:
        'Chaque tentative de connexion, enregistrée comme un échec tant que le mot de passe n’est pas reconnu, pour freiner les essais de mots de passe par compte et par adresse réseau.',
      retention:
        'Comptées pendant une heure seulement ; les lignes de plus d’une heure sont supprimées dans les dix minutes. Une connexion réussie, ou une réinitialisation du mot de passe, efface les échecs du compte ; supprimer votre compte efface ceux enregistrés sous votre adresse e-mail.',
      visibleTo: NOBODY,
      fields: {
        id: SEQUENCE_ID,
        scope: {
          what: 'S’il compte contre un compte ou contre une adresse réseau.',
          why: 'Les deux sont freinés, séparément.',
        },
        key: {
          what: 'L’adresse e-mail saisie (compte) ou l’adresse IP d’où venait la tentative (adresse réseau).',
          why: 'Pour compter les tentatives contre chacune.',
        },
        createdAt: { what: 'Quand la tentative a eu lieu.', why: 'Seule la dernière heure compte.' },
      },
    },
    CollabDocument: {
      title: 'Textes en direct',
      summary:
        'L’état enregistré d’un texte écrit à plusieurs : une section, ou le brouillon d’un amendement. Il ne contient aucun identifiant de membre : qui a tapé quoi n’est pas enregistré.',
      retention:
        'Aussi longtemps que sa section ou son amendement ; supprimé avec une section que les modérateurs suppriment.',
      visibleTo: 'Quiconque peut lire cette section ou ce brouillon.',
      fields: {
        name: {
          what: 'Quel texte : « section: » ou « amendment: » suivi de son identifiant.',
          why: 'Pour le retrouver.',
        },
        snapshot: {
          what: 'Le texte et son état d’édition, au format Yjs, sans identifiant de membre.',
          why: 'Les rédacteurs reprennent là où en est le texte, même hors ligne.',
        },
        snapshotSeq: {
          what: 'La dernière modification intégrée.',
          why: 'Aucune modification n’est perdue ni appliquée deux fois.',
        },
        updatedAt: { what: UPDATED, why: DATES_WHY },
      },
    },
    CollabUpdate: {
      title: 'Modifications des textes en direct',
      summary:
        'Chaque modification d’un texte en direct, enregistrée avant d’être relayée aux autres rédacteurs. Aucun identifiant de membre.',
      retention:
        'Jusqu’à son intégration au texte enregistré : après 200 modifications ou 512 Ko, quand le dernier rédacteur part, ou à l’arrêt du serveur.',
      visibleTo: 'Quiconque peut lire ce texte, dont elle fait partie.',
      fields: {
        id: SEQUENCE_ID,
        docName: { what: 'Quel texte en direct.', why: 'Pour le retrouver.' },
        data: {
          what: 'La modification, au format Yjs, sans identifiant de membre.',
          why: 'Rien de ce qui a été tapé n’est perdu si le serveur s’arrête.',
        },
        createdAt: { what: CREATED, why: DATES_WHY },
      },
    },
    Installation: {
      title: 'Les réglages de l’installation',
      summary:
        'Une ligne : le nom du mouvement, les langues qu’il propose et si les modérateurs et les administrateurs ont besoin d’un second facteur, fixés lors de l’installation.',
      retention: 'Aussi longtemps que l’installation.',
      visibleTo: 'Tout le monde voit le nom du mouvement et ses langues ; le reste, personne.',
      fields: {
        id: { what: 'Toujours 1 : il n’y a qu’une ligne.', why: 'Pour garder une seule ligne.' },
        movementName: { what: 'Le nom du mouvement.', why: 'Pour l’afficher en haut de chaque page.' },
        locales: { what: 'Les langues proposées aux membres.', why: 'Pour ne proposer qu’elles.' },
        twoFactorRequired: {
          what: 'Si les modérateurs et les administrateurs ont besoin d’un second facteur.',
          why: 'Pour protéger les comptes qui peuvent modifier le programme et les votes.',
        },
        setupCompletedAt: {
          what: 'Quand l’installation a été faite.',
          why: 'Pour ne plus jamais afficher la page d’installation.',
        },
        updatedAt: { what: UPDATED, why: DATES_WHY },
      },
    },
  },
};
