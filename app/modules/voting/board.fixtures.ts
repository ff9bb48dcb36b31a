import { KEEP_CURRENT, type Answers, type Board } from './types.ts';

/** A round of two questions (yes/no, and a ranking of the current text and two amendments), for board tests. */
export const ROUND: Board['round'] = {
  id: 'round-1',
  title: 'Congrès 2025',
  programSlug: 'programme-2025',
  opensAt: '2025-03-01T08:00:00.000Z',
  closesAt: '2025-03-08T20:00:00.000Z',
  censusRule: 'Members verified before the opening',
  censusSize: 10,
  quorumPercent: 20,
  questions: [
    { id: 'q1', kind: 'YES_NO', title: 'SMIC à 1 600 €', amendmentId: 'am1', majority: { kind: 'SIMPLE' } },
    {
      id: 'q2',
      kind: 'PREFERENTIAL',
      title: 'Section Logement',
      method: 'SCHULZE',
      alternatives: [
        { id: KEEP_CURRENT, label: 'Garder le texte actuel' },
        { id: 'a1', label: 'Amendement 1' },
        { id: 'a2', label: 'Amendement 2' },
      ],
    },
  ],
};

/** Five ballots of that round, every kind of answer among them. */
export const ANSWERS: Answers[] = [
  { q1: 'YES', q2: [['a1'], ['a2']] },
  { q1: 'YES', q2: [['a2', 'a1']] },
  { q1: 'NO', q2: [[KEEP_CURRENT]] },
  { q1: 'ABSTAIN', q2: [] },
  { q1: 'YES', q2: [['a1'], [KEEP_CURRENT]] },
];
