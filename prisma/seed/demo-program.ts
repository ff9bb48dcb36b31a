/** One block of demo text; `**word**` inside text marks bold, nothing else is markup. */
export type DemoBlock =
  | { kind: 'p'; text: string }
  | { kind: 'ul'; items: string[] }
  | { kind: 'ol'; items: string[] }
  | { kind: 'quote'; text: string };

export interface DemoSection {
  title: string;
  blocks: DemoBlock[];
}
export interface DemoChapter {
  title: string;
  sections: DemoSection[];
}
export interface DemoProgram {
  title: string;
  slug: string;
  summary: string;
  chapters: DemoChapter[];
}

/** The demo movement's draft program, seeded on first start. Original text written for Plenum. */
export const demoProgram: DemoProgram = {
  title: 'Programme 2027 du Mouvement Commun',
  slug: 'programme-2027',
  summary:
    'Un programme écrit à plusieurs mains pour rendre le pouvoir aux citoyens, réussir la bifurcation ' +
    'écologique et garantir à chacun une vie digne. Ce brouillon est ouvert aux amendements de tous les adhérents.',
  chapters: [
    {
      title: 'Démocratie et institutions',
      sections: [
        {
          title: 'Le référendum d’initiative citoyenne',
          blocks: [
            {
              kind: 'p',
              text:
                'Trop de décisions majeures sont prises sans que les citoyens puissent peser entre deux élections. ' +
                'Nous proposons d’inscrire dans la Constitution un **référendum d’initiative citoyenne** (RIC) ' +
                'permettant de proposer, d’abroger ou de modifier une loi.',
            },
            {
              kind: 'ol',
              items: [
                'Une pétition réunissant **700 000 signatures** vérifiées en douze mois déclenche l’examen du texte.',
                'Le Parlement dispose de six mois pour l’adopter ; à défaut, il est soumis au vote de tous les électeurs.',
                'Une convention de 150 citoyens tirés au sort éclaire le débat par un avis public rendu avant le scrutin.',
                'Les droits fondamentaux garantis par la Constitution restent hors du champ du RIC.',
              ],
            },
            {
              kind: 'quote',
              text: 'La souveraineté ne se délègue pas une fois tous les cinq ans : elle s’exerce chaque jour.',
            },
          ],
        },
        {
          title: 'Transparence de la vie publique',
          blocks: [
            {
              kind: 'p',
              text:
                'La confiance ne se décrète pas, elle se construit par la clarté. Chaque euro d’argent public ' +
                'et chaque rendez-vous d’influence doivent pouvoir être consultés par tous.',
            },
            {
              kind: 'ul',
              items: [
                'Publication en données ouvertes, sous 30 jours, de l’agenda des ministres et de leurs cabinets, ' +
                  'y compris les rencontres avec des représentants d’intérêts.',
                'Interdiction pour les parlementaires de toute activité de conseil rémunérée pendant leur mandat.',
                '**Inéligibilité de dix ans** pour les élus condamnés pour corruption, fraude fiscale ou ' +
                  'détournement de fonds publics.',
                'Délai de carence de cinq ans avant qu’un haut fonctionnaire puisse rejoindre une entreprise ' +
                  'du secteur qu’il contrôlait.',
              ],
            },
            {
              kind: 'p',
              text:
                'La Haute Autorité pour la transparence de la vie publique verra ses moyens doublés et pourra ' +
                's’autosaisir sur simple signalement citoyen.',
            },
          ],
        },
        {
          title: 'Des budgets participatifs partout',
          blocks: [
            {
              kind: 'p',
              text:
                'Les habitants savent mieux que quiconque ce dont leur quartier a besoin. Nous voulons ' +
                'généraliser les budgets participatifs et leur donner une vraie place dans les finances locales.',
            },
            {
              kind: 'ul',
              items: [
                'Au moins **5 % du budget d’investissement** des communes de plus de 10 000 habitants décidé ' +
                  'directement par les habitants, dès 16 ans.',
                'Un fonds national de 500 millions d’euros par an pour accompagner les petites communes ' +
                  'qui s’engagent dans la démarche.',
                'Un suivi public de chaque projet voté, de l’idée à la livraison, avec un calendrier et un coût ' +
                  'consultables en ligne.',
              ],
            },
            {
              kind: 'quote',
              text:
                'Un budget participatif n’est pas une boîte à idées : c’est un transfert réel du pouvoir ' +
                'de décision.',
            },
          ],
        },
      ],
    },
    {
      title: 'Transition écologique',
      sections: [
        {
          title: 'Une énergie sobre et renouvelable',
          blocks: [
            {
              kind: 'p',
              text:
                'Sortir des énergies fossiles est à la fois une urgence climatique et une question de ' +
                'souveraineté. Notre objectif : réduire de **moitié** la consommation d’énergie finale d’ici 2050 ' +
                'et couvrir l’essentiel des besoins par des sources renouvelables.',
            },
            {
              kind: 'ol',
              items: [
                'Rénover chaque année 700 000 logements au niveau basse consommation, avec un reste à charge nul ' +
                  'pour les ménages modestes.',
                'Tripler la puissance solaire installée d’ici 2035, en priorité sur les toitures, les parkings ' +
                  'et les friches.',
                'Créer un pôle public de l’énergie garantissant un tarif réglementé aux particuliers et aux ' +
                  'petites entreprises.',
                'Instaurer pour chaque foyer un premier volume d’électricité à prix bas, couvrant les besoins ' +
                  'essentiels.',
              ],
            },
            {
              kind: 'p',
              text:
                'Les projets éoliens et solaires seront ouverts à l’investissement des collectivités et des ' +
                'habitants, pour que les retombées restent sur le territoire.',
            },
          ],
        },
        {
          title: 'Se déplacer autrement',
          blocks: [
            {
              kind: 'p',
              text:
                'Les transports sont le premier secteur émetteur de gaz à effet de serre en France. Pour que ' +
                'la voiture individuelle ne soit plus une obligation, il faut offrir partout une alternative ' +
                'fiable et abordable.',
            },
            {
              kind: 'ul',
              items: [
                'Un plan de **100 milliards d’euros** sur quinze ans pour le rail : rénovation des petites lignes, ' +
                  'retour des trains de nuit, relance du fret ferroviaire.',
                'Un forfait national « transports du quotidien » à 49 euros par mois, valable dans les TER ' +
                  'et sur les réseaux urbains.',
                '100 000 kilomètres d’itinéraires cyclables sécurisés d’ici 2035.',
                'La fin des vols intérieurs lorsqu’une alternative en train de moins de quatre heures existe.',
              ],
            },
            {
              kind: 'p',
              text:
                'Dans les zones rurales, un service public de transport à la demande et une aide à l’achat de ' +
                'véhicules électriques d’occasion accompagneront celles et ceux qui ne peuvent pas se passer ' +
                'de voiture.',
            },
          ],
        },
        {
          title: 'Bien manger, bien produire',
          blocks: [
            {
              kind: 'p',
              text:
                'Une alimentation de qualité doit être accessible à tous, et celles et ceux qui la produisent ' +
                'doivent vivre de leur travail. Aujourd’hui, trop d’agriculteurs gagnent moins que le SMIC ' +
                'pour des semaines de soixante heures.',
            },
            {
              kind: 'ol',
              items: [
                'Garantir des **prix planchers** fixés chaque année par filière, interdisant tout achat en dessous ' +
                  'du coût de production.',
                'Atteindre 30 % de surfaces agricoles en bio en 2032, avec une aide au maintien après la conversion.',
                'Servir dans la restauration collective publique au moins 50 % de produits durables, dont 30 % ' +
                  'issus de l’agriculture biologique et locale.',
                'Installer 50 000 nouveaux paysans en cinq ans grâce à un fonds foncier public.',
              ],
            },
            {
              kind: 'quote',
              text:
                'Nourrir la population n’est pas une activité comme une autre : c’est un bien commun que ' +
                'le marché seul ne sait pas protéger.',
            },
          ],
        },
      ],
    },
    {
      title: 'Travail et protection sociale',
      sections: [
        {
          title: 'Salaires et temps de travail',
          blocks: [
            {
              kind: 'p',
              text:
                'Le travail doit permettre de vivre dignement et laisser du temps pour vivre. Les gains de ' +
                'productivité des trente dernières années doivent enfin être partagés.',
            },
            {
              kind: 'ul',
              items: [
                'Porter le SMIC à **1 600 euros nets** par mois dès la première année, avec une aide ciblée ' +
                  'pour les très petites entreprises.',
                'Indexer les salaires sur l’inflation grâce à des négociations annuelles obligatoires ' +
                  'dans chaque branche.',
                'Limiter l’écart de rémunération de 1 à 20 au sein de chaque entreprise.',
                'Expérimenter la semaine de quatre jours sans perte de salaire dans les entreprises volontaires, ' +
                  'avec un accompagnement public.',
              ],
            },
            {
              kind: 'p',
              text:
                'L’égalité salariale entre femmes et hommes sera contrôlée chaque année, et les entreprises en ' +
                'infraction seront sanctionnées à hauteur de 1 % de leur masse salariale.',
            },
          ],
        },
        {
          title: 'La santé partout et pour tous',
          blocks: [
            {
              kind: 'p',
              text:
                'Des millions de personnes n’ont pas de médecin traitant. Les déserts médicaux ne sont pas une ' +
                'fatalité : ils résultent de choix politiques que nous voulons inverser.',
            },
            {
              kind: 'ol',
              items: [
                'Ouvrir **1 000 centres de santé publics** où exercent des médecins salariés, en priorité dans ' +
                  'les territoires sous-dotés.',
                'Réguler l’installation des médecins dans les zones déjà bien pourvues.',
                'Recruter 100 000 soignants à l’hôpital et revaloriser les carrières infirmières.',
                'Rembourser à 100 % les soins prescrits, en intégrant progressivement les complémentaires ' +
                  'dans la Sécurité sociale.',
              ],
            },
            {
              kind: 'quote',
              text: 'Aucun patient ne devrait avoir à choisir entre se soigner et finir le mois.',
            },
          ],
        },
        {
          title: 'Des retraites justes',
          blocks: [
            {
              kind: 'p',
              text:
                'La retraite n’est pas un coût mais un droit conquis. Nous voulons un système solidaire qui ' +
                'tienne compte de la réalité des métiers et des parcours.',
            },
            {
              kind: 'ul',
              items: [
                'Retour de l’âge légal de départ à **62 ans**, avec un départ anticipé pour les métiers pénibles.',
                'Aucune pension inférieure au SMIC pour une carrière complète.',
                'Prise en compte des années d’études, d’apprentissage et de congé parental dans le calcul ' +
                  'des droits.',
                'Un financement assuré par l’égalité salariale, la hausse des cotisations patronales et une ' +
                  'contribution sur les dividendes.',
              ],
            },
            {
              kind: 'p',
              text:
                'Un comité de suivi associant syndicats, retraités et citoyens tirés au sort rendra chaque année ' +
                'un avis public sur l’équilibre du système.',
            },
          ],
        },
      ],
    },
    {
      title: 'Éducation, culture et numérique',
      sections: [
        {
          title: 'Une école qui donne sa chance à chacun',
          blocks: [
            {
              kind: 'p',
              text:
                'L’école publique doit redevenir le lieu où les inégalités se réduisent, et non celui où ' +
                'elles se reproduisent.',
            },
            {
              kind: 'ol',
              items: [
                'Limiter les classes à **20 élèves** en maternelle et en primaire, et à 24 au collège et au lycée.',
                'Revaloriser de 20 % le salaire des enseignants en début de carrière.',
                'Rendre la cantine gratuite dans toutes les écoles publiques.',
                'Conditionner le financement public des établissements privés à des objectifs de mixité sociale.',
              ],
            },
            {
              kind: 'p',
              text:
                'Une médecine scolaire renforcée et un psychologue pour 800 élèves permettront de repérer tôt ' +
                'les difficultés et d’accompagner chaque enfant.',
            },
          ],
        },
        {
          title: 'La culture, un bien commun',
          blocks: [
            {
              kind: 'p',
              text:
                'La culture n’est pas un supplément d’âme réservé à quelques-uns : elle fait société. Nous ' +
                'porterons le budget de la culture à **1 % du budget de l’État**.',
            },
            {
              kind: 'ul',
              items: [
                'Un lieu culturel de proximité (médiathèque, salle de spectacle ou tiers-lieu) à moins de ' +
                  'vingt minutes de chaque habitant.',
                'La gratuité des musées nationaux pour les moins de 26 ans et un jour gratuit par mois pour tous.',
                'Un statut protecteur pour les artistes-auteurs, sur le modèle de l’intermittence.',
                'Une heure hebdomadaire de pratique artistique garantie de l’école primaire au lycée.',
              ],
            },
            {
              kind: 'quote',
              text: 'Une démocratie vivante a besoin de citoyens qui lisent, créent, débattent et se rencontrent.',
            },
          ],
        },
        {
          title: 'Libertés numériques et données personnelles',
          blocks: [
            {
              kind: 'p',
              text:
                'Le numérique structure nos vies, mais il est dominé par quelques plateformes qui exploitent ' +
                'nos données. Nous voulons un numérique émancipateur et respectueux de la vie privée.',
            },
            {
              kind: 'ul',
              items: [
                'Interdiction de la **reconnaissance faciale** dans l’espace public et de la publicité ciblée ' +
                  'fondée sur les données personnelles.',
                'Priorité au logiciel libre dans les administrations et hébergement des données publiques ' +
                  'sur des infrastructures souveraines.',
                'Maintien d’un accueil humain pour chaque service public dématérialisé.',
                'Droit à la réparation et mises à jour logicielles garanties dix ans pour les appareils numériques.',
              ],
            },
            {
              kind: 'p',
              text:
                'Un plan de médiation numérique formera 4 millions de personnes éloignées des outils, car ' +
                'l’accès au numérique ne doit laisser personne de côté.',
            },
          ],
        },
      ],
    },
  ],
};
