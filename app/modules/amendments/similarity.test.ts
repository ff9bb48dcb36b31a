import { describe, expect, it } from 'vitest';
import { changeSimilarity, DUPLICATE_SIMILARITY } from './similarity.ts';

const base = 'La durée légale du travail est de 39 h par semaine, sans perte de salaire.';
const change = (proposed: string, from = base) => ({ base: from, proposed });

/** A long section: fifty distinct sentences. */
const long = Array.from(
  { length: 50 },
  (_, i) => `Article ${i + 1} : la commune ${i % 2 ? 'garantit' : 'finance'} le service numéro ${i + 1}.`,
).join(' ');

describe('changeSimilarity', () => {
  it('does not call "30 h" and "35 h" duplicates: they change the same words differently', () => {
    const a = change(base.replace('39 h', '30 h'));
    const b = change(base.replace('39 h', '35 h'));
    const score = changeSimilarity(a, b);
    expect(score).toBeLessThan(DUPLICATE_SIMILARITY);
    expect(score).toBeLessThanOrEqual(0.5);
  });

  it('finds the same change made twice, and one with a small extra, alike', () => {
    const a = change(base.replace('39 h', '32 h'));
    expect(changeSimilarity(a, change(base.replace('39 h', '32 h')))).toBe(1);
    const b = change(base.replace('39 h', '32 h').replace('sans perte de salaire', 'sans aucune perte de salaire'));
    expect(changeSimilarity(a, b)).toBeGreaterThan(0.5);
  });

  it('sees nothing in common between two unrelated changes of a long section', () => {
    const a = change(long.replace('service numéro 3.', 'service numéro 3 gratuitement.'), long);
    const b = change(long.replace('Article 45 : la commune', 'Article 45 : la région'), long);
    expect(changeSimilarity(a, b)).toBe(0);
  });

  it('finds the same change alike on a long section, even made against an older text of it', () => {
    const older = long.replace('service numéro 20.', 'service 20.');
    const a = change(long.replace('Article 7 : la commune finance', 'Article 7 : la commune gère'), long);
    const b = change(older.replace('Article 7 : la commune finance', 'Article 7 : la commune gère'), older);
    expect(changeSimilarity(a, b)).toBe(1);
  });

  it('counts the same words inserted in two different places as different changes', () => {
    const a = change(long.replace('Article 2 :', 'Article 2 : désormais,'), long);
    const b = change(long.replace('Article 40 :', 'Article 40 : désormais,'), long);
    expect(changeSimilarity(a, b)).toBe(0);
  });
});
