import { docToMarkdown, escapeMarkdown } from './markdown.ts';
import { getVersion, plainText, versionSections } from './versions.server.ts';

/** A version as one Markdown file: title, note, then chapters and sections with their numbers. */
export async function versionMarkdown(slug: string, number: number) {
  const version = await getVersion(slug, number);
  const sections = await versionSections(slug, number);
  const lines = [
    `# ${escapeMarkdown(version.title)} (version ${version.number})`,
    '',
    escapeMarkdown(version.note),
    '',
  ];
  let chapter = '';
  for (const s of sections) {
    if (s.chapterId !== chapter) {
      chapter = s.chapterId;
      lines.push(`## ${s.chapterNumber}. ${escapeMarkdown(s.chapterTitle)}`, '');
    }
    lines.push(`### ${s.number} ${escapeMarkdown(s.title)}`, '', docToMarkdown(s.doc), '');
  }
  return { text: lines.join('\n').replace(/\n{3,}/g, '\n\n'), filename: `${slug}-v${number}.md` };
}

/** A version as structured JSON: chapters, sections with stable ids, text, rich text and provenance. */
export async function versionJson(slug: string, number: number) {
  const version = await getVersion(slug, number);
  const sections = await versionSections(slug, number);
  const body = {
    program: slug,
    title: version.title,
    version: version.number,
    publishedAt: version.publishedAt,
    note: version.note,
    changelog: version.changelog,
    sources: version.outline.sources,
    chapters: version.outline.chapters.map((c) => ({
      id: c.id,
      number: c.number,
      title: c.title,
      sections: sections
        .filter((s) => s.chapterId === c.id)
        .map((s) => ({ id: s.sectionId, number: s.number, title: s.title, text: plainText(s.doc), doc: s.doc })),
    })),
  };
  return { text: JSON.stringify(body, null, 2), filename: `${slug}-v${number}.json` };
}
