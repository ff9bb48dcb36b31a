/**
 * Where the table of contents leads: the published version it names (`contents`, from programFrame) for what that
 * version holds, the live draft otherwise.
 */
export function contentsHref(
  slug: string,
  contents: { version: number; chapters: string[]; sections: string[] } | null,
): (kind: 'chapters' | 'sections', id: string) => string {
  return (kind, id) =>
    contents?.[kind].includes(id) ? `/p/${slug}/v/${contents.version}/${kind}/${id}` : `/p/${slug}/${kind}/${id}`;
}
