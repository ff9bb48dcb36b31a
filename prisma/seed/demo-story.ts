import type { DemoProgram } from './demo-program.ts';

/**
 * The demo's second program, a municipal platform that went through the whole process: its text, and the
 * amendments, votes, debates and groups the seed plays through the module functions (server/database/
 * demo-story.ts). Original text written for Plenum; the interface speaks each visitor's language, this text
 * stays French like the rest of the demo movement's.
 */
export const storyProgram: DemoProgram = {
  title: 'Plateforme municipale 2026 : Villes en commun',
  slug: 'plateforme-municipale-2026',
  summary:
    'La plateforme des listes Villes en commun, amendée et votée par les adhérents. Une première version a été ' +
    'publiée après le premier vote ; un second vote est ouvert.',
  chapters: [
    {
      title: 'Se loger',
      sections: [
        {
          title: 'Encadrer les loyers',
          blocks: [
            {
              kind: 'p',
              text:
                'Les loyers des grandes villes ont augmenté deux fois plus vite que les salaires depuis quinze ans. ' +
                'Nous encadrerons les loyers dans toutes les communes de plus de 50 000 habitants.',
            },
            {
              kind: 'p',
              text: 'Un observatoire public des loyers publiera chaque année les prix constatés, quartier par quartier.',
            },
          ],
        },
        {
          title: 'Remettre les logements vides sur le marché',
          blocks: [
            {
              kind: 'p',
              text:
                'Plus de trois millions de logements sont vacants en France. La taxe sur les logements vacants ' +
                'sera doublée et son produit reversé aux communes.',
            },
            {
              kind: 'p',
              text:
                'Les communes pourront réquisitionner les bâtiments vides depuis plus de deux ans pour y loger ' +
                'les personnes sans abri.',
            },
          ],
        },
      ],
    },
    {
      title: 'Se déplacer',
      sections: [
        {
          title: 'Des transports en commun gratuits',
          blocks: [
            {
              kind: 'p',
              text:
                'Les transports en commun seront gratuits pour les moins de 25 ans et les demandeurs d’emploi, ' +
                'puis pour tous d’ici la fin du mandat.',
            },
            {
              kind: 'p',
              text:
                'La gratuité sera financée par le versement mobilité des entreprises et la fin des parkings ' +
                'gratuits en centre-ville.',
            },
          ],
        },
        {
          title: 'Le vélo d’abord',
          blocks: [
            {
              kind: 'p',
              text:
                'Chaque rue principale aura une piste cyclable séparée de la circulation. Les écoles seront ' +
                'entourées de rues apaisées.',
            },
            {
              kind: 'p',
              text: 'Un service public de location de vélos à assistance électrique sera proposé à 10 euros par mois.',
            },
          ],
        },
      ],
    },
  ],
};

/** Who plays a part: the five demo logins, and six more members who only vote and support (never printed). */
export type Player =
  | 'alice'
  | 'moussa'
  | 'camille'
  | 'lucia'
  | 'yanis'
  | 'ines'
  | 'theo'
  | 'maya'
  | 'hugo'
  | 'sofia'
  | 'nour';

/** The six members the thresholds and the votes need beside the five demo logins; they never sign in. */
export const EXTRA_MEMBERS: { key: Player; email: string; displayName: string }[] = [
  { key: 'ines', email: 'ines@plenum.localhost', displayName: 'Inès Morel' },
  { key: 'theo', email: 'theo@plenum.localhost', displayName: 'Théo Lambert' },
  { key: 'maya', email: 'maya@plenum.localhost', displayName: 'Maya Diallo' },
  { key: 'hugo', email: 'hugo@plenum.localhost', displayName: 'Hugo Petit' },
  { key: 'sofia', email: 'sofia@plenum.localhost', displayName: 'Sofía Torres' },
  { key: 'nour', email: 'nour@plenum.localhost', displayName: 'Nour Haddad' },
];

/** An amendment of the story: a change of one passage of a section (section as [chapter, section], 0-based). */
export interface StoryAmendment {
  author: Player;
  section: [number, number];
  title: string;
  justification: string;
  find: string;
  replace: string;
}

const amendment = (a: StoryAmendment) => a;

/** The story's amendments, by the part each plays. */
export const AMENDMENTS = {
  adopted: amendment({
    author: 'camille',
    section: [0, 0],
    title: 'Encadrer aussi les villes moyennes',
    justification: 'Les loyers flambent aussi dans les villes moyennes, pas seulement dans les métropoles.',
    find: 'de plus de 50 000 habitants',
    replace: 'de plus de 20 000 habitants',
  }),
  rejected: amendment({
    author: 'lucia',
    section: [0, 1],
    title: 'Tripler la taxe sur les logements vacants',
    justification: 'Doubler la taxe ne suffira pas à décourager la spéculation.',
    find: 'sera doublée',
    replace: 'sera triplée',
  }),
  needsUpdate: amendment({
    author: 'yanis',
    section: [0, 0],
    title: 'Encadrer partout où le marché est tendu',
    justification: 'Le critère de la taille de la commune ne dit rien de la tension du marché.',
    find: 'de plus de 50 000 habitants',
    replace: 'situées en zone tendue, quelle que soit leur taille',
  }),
  competingA: amendment({
    author: 'camille',
    section: [1, 0],
    title: 'Gratuité pour les jeunes et les aînés',
    justification: 'Commencer par les publics qui dépendent le plus des transports en commun.',
    find: 'pour les moins de 25 ans et les demandeurs d’emploi, puis pour tous d’ici la fin du mandat',
    replace: 'pour les moins de 18 ans et les plus de 65 ans, puis pour tous d’ici la fin du mandat',
  }),
  competingB: amendment({
    author: 'yanis',
    section: [1, 0],
    title: 'La gratuité pour tous dès la première année',
    justification: 'Une gratuité par étapes complique tout et n’attire pas les automobilistes.',
    find: 'pour les moins de 25 ans et les demandeurs d’emploi, puis pour tous d’ici la fin du mandat',
    replace: 'pour toutes et tous dès la première année du mandat',
  }),
  inVote: amendment({
    author: 'lucia',
    section: [1, 1],
    title: 'Le vélo électrique à 5 euros',
    justification: 'À 10 euros, le service reste trop cher pour les étudiants et les précaires.',
    find: 'à 10 euros par mois',
    replace: 'à 5 euros par mois',
  }),
  qualified: amendment({
    author: 'camille',
    section: [1, 1],
    title: 'Des rues scolaires sans voitures',
    justification: 'Les rues apaisées restent floues ; fermer les rues des écoles protège vraiment les enfants.',
    find: 'Les écoles seront entourées de rues apaisées.',
    replace: 'Les rues des écoles seront fermées aux voitures aux heures d’entrée et de sortie.',
  }),
  submitted: amendment({
    author: 'yanis',
    section: [0, 1],
    title: 'Réquisitionner après un an',
    justification: 'Deux ans de vacance, c’est deux hivers de trop pour les personnes à la rue.',
    find: 'depuis plus de deux ans',
    replace: 'depuis plus d’un an',
  }),
  withdrawn: amendment({
    author: 'yanis',
    section: [1, 1],
    title: 'Des pistes sur les boulevards',
    justification: 'Commencer par les grands axes.',
    find: 'Chaque rue principale',
    replace: 'Chaque boulevard',
  }),
  inadmissible: amendment({
    author: 'theo',
    section: [1, 0],
    title: 'Financer la gratuité par l’impôt sur le revenu',
    justification: 'Une surtaxe locale sur les hauts revenus serait plus juste.',
    find: 'le versement mobilité des entreprises',
    replace: 'une surtaxe communale sur l’impôt sur le revenu',
  }),
  draft: amendment({
    author: 'camille',
    section: [0, 0],
    title: 'Un observatoire qui publie chaque trimestre',
    justification: 'Une fois par an, c’est trop lent pour suivre le marché.',
    find: 'chaque année',
    replace: 'chaque trimestre',
  }),
};
