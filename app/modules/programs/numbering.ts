/** Something ordered by `position` (gaps allowed, ties broken by id for a stable order). */
interface Positioned {
  id: string;
  position: number;
}

function ordered<T extends Positioned>(items: T[]): T[] {
  return [...items].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
}

export type Numbered<T> = T & { number: string };

/** A chapter with its number, and its sections with theirs. */
export type NumberedChapter<C extends Positioned & { sections: Positioned[] }> = Numbered<Omit<C, 'sections'>> & {
  sections: Numbered<C['sections'][number]>[];
};

/**
 * Gives chapters their human numbers ("3") and sections theirs ("3.2") from their order. Numbers are derived,
 * never stored: a re-ordering renumbers everything while every id, and so every link, stays the same.
 */
export function numberOutline<C extends Positioned & { sections: Positioned[] }>(chapters: C[]): NumberedChapter<C>[] {
  return ordered(chapters).map((chapter, ci) => ({
    ...chapter,
    number: String(ci + 1),
    sections: ordered(chapter.sections).map((section, si) => ({ ...section, number: `${ci + 1}.${si + 1}` })),
  }));
}
