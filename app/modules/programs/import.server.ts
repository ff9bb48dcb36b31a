import type { JSONContent } from '@tiptap/core';
import { t, type Locale, type MessageKey } from '~/i18n/index.ts';
import { runInWorker, WorkerLimitError } from '~/utils/worker.server.ts';
import { parseDoc, type BlockNode } from '~/rich-text/document.ts';
import {
  cleanBlock,
  Counts,
  type Dropped,
  MarkdownTooDeepError,
  parseMarkdown,
  plainText,
} from '~/rich-text/markdown.server.ts';
import type { OutlineToAdd } from './structure.server.ts';
import { DomainError } from '~/utils/domain-errors.ts';

/**
 * Importing an existing program from a Markdown or Word (.docx) file: the file becomes chapters and sections,
 * split at its headings, shown as a preview before anything is created. A Markdown file is parsed by markdown-it
 * (markdown.server.ts); a Word file is read by mammoth into its document tree, turned into the same blocks
 * (docx-blocks.ts: headings by their style, bookmarks skipped, table of contents left out, footnotes written in
 * brackets where they were called). Both then share one clean-up that keeps only what Plenum's text can hold,
 * and the preview says what changed, naming where when the reader has something to check:
 * - a table becomes a bulleted list, one item per row, its cells separated by " — ": its words are kept (a
 *   secretary would rather fix a list than retype a table), and the warning names the sections to check;
 * - an image is left out and the import goes on: a program's text holds no images, and refusing a 40-page file
 *   for a logo would only send the secretary back to Word; the warning names each image (by its description)
 *   and where it was, so it can be added back elsewhere if it mattered.
 * ADR 0023 says why.
 */

/** Largest file accepted (the HTTP layer allows the import page a little more, for the form around it). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
const MAX_CHAPTERS = 200;
const MAX_SECTIONS = 2000;
/**
 * The most one import may carry, as the outline's JSON: the preview shows all of it, rendered on the server's
 * one thread (~0.5 s for this much on a busy two-core machine, measured) and sent back by the browser on
 * confirming. Several hundred pages of text; fewer of short list items, which weigh more.
 */
export const IMPORT_MAX_OUTLINE_CHARS = 2 * 1024 * 1024;
const MAX_TITLE = 200;

/** A file that cannot be imported; `key` is the message shown beside the file field. */
export class ImportError extends DomainError {
  constructor(key: MessageKey) {
    super('invalid', key, { field: 'file' });
  }
}

/** Something the import changed or left out, shown in the preview so that nothing is lost silently. */
export type ImportWarning = {
  key: `import.warnings.${Dropped | ImportChange}`;
  count?: number;
  /** Where to look: the sections concerned ("Chapter › Section"), or the images left out and where they were. */
  where?: string[];
};
type ImportChange = 'preamble' | 'oneLevel' | 'longTitle' | 'emptyTitle' | 'tableAsList' | 'notes' | 'tableOfContents';

export interface ImportPreview {
  outline: OutlineToAdd;
  warnings: ImportWarning[];
}

/** What a conversion answers: the preview, or the key of why the file cannot be imported. */
export type ConversionOutcome = { preview: ImportPreview } | { error: MessageKey };

// The conversion runs in a worker (./import.worker.ts): a 5 MB file reads in a few seconds there; one that
// needs more than these is stopped and told, while the server goes on answering.
const CONVERSION = 'app/modules/programs/import.worker.ts';
const CONVERSION_LIMITS = { timeoutMs: 30_000, maxHeapMb: 1_024 };

/** Reads an uploaded file (by its name's extension) into a preview of the chapters and sections to add. */
export async function previewImport(file: { name: string; bytes: Uint8Array }, locale: Locale): Promise<ImportPreview> {
  if (file.bytes.byteLength === 0) throw new ImportError('import.errors.empty');
  if (file.bytes.byteLength > IMPORT_MAX_BYTES) throw new ImportError('import.errors.tooLarge');
  if (!/\.(docx|md|markdown|txt)$/i.test(file.name)) throw new ImportError('import.errors.format');
  // Markdown whose text alone is longer than an outline may be is refused before it is parsed (its outline
  // holds that text and more, save dropped markup such as link addresses): parsing it would cost seconds of CPU
  // to say the same.
  if (!/\.docx$/i.test(file.name) && file.bytes.byteLength > IMPORT_MAX_OUTLINE_CHARS) {
    if (new TextDecoder().decode(file.bytes).length > IMPORT_MAX_OUTLINE_CHARS)
      throw new ImportError('import.errors.tooLong');
  }
  const outcome = await runInWorker<ConversionOutcome>(CONVERSION, { file, locale }, CONVERSION_LIMITS).catch(
    (error: unknown) => {
      if (!(error instanceof WorkerLimitError)) throw error;
      throw new ImportError(error.limit === 'time' ? 'import.errors.tooSlow' : 'import.errors.tooComplex');
    },
  );
  if ('error' in outcome) throw new ImportError(outcome.error);
  return outcome.preview;
}

/** Splits Markdown text into chapters and sections at its headings. */
export function previewMarkdown(text: string, fileTitle: string, locale: Locale): ImportPreview {
  let blocks: JSONContent[];
  try {
    blocks = parseMarkdown(text);
  } catch (error) {
    if (error instanceof MarkdownTooDeepError) throw new ImportError('import.errors.tooDeep');
    throw error;
  }
  return previewBlocks(blocks, fileTitle, locale);
}

/**
 * Splits a file's blocks (from Markdown or Word) into chapters and sections at its headings; `found` are the
 * warnings the reading of the file already has (a Word file's notes and table of contents).
 */
export function previewBlocks(
  blocks: JSONContent[],
  fileTitle: string,
  locale: Locale,
  found: ImportWarning[] = [],
): ImportPreview {
  const counts = new Counts();

  const levels = [
    ...new Set(blocks.filter((b) => b.type === 'heading').map((b) => Number(b.attrs?.level ?? 1))),
  ].sort();
  if (levels.length === 0) throw new ImportError('import.errors.noHeadings');
  const warnings: ImportWarning[] = [];
  const oneLevel = levels.length === 1;
  const chapterLevel = oneLevel ? null : levels[0]!;
  const sectionLevel = oneLevel ? levels[0]! : levels[1]!;
  if (oneLevel) warnings.push({ key: 'import.warnings.oneLevel' });

  type Draft = { title: string; sections: { title: string; blocks: BlockNode[] }[] };
  const chapters: Draft[] = [];
  let chapter: Draft | null = oneLevel ? { title: fileTitle, sections: [] } : null;
  if (chapter) chapters.push(chapter);
  let section: Draft['sections'][number] | null = null;
  const titles = { long: 0, empty: 0 };
  /** Images left out ("“description”, in place"), and the sections where a table became a list. */
  const images: string[] = [];
  const tables: string[] = [];
  let tableCount = 0;
  const titleOf = (node: JSONContent) => {
    let title = plainText(node).replace(/\s+/g, ' ').trim();
    if (!title) {
      titles.empty++;
      title = t(locale, 'import.untitled');
    }
    if (title.length > MAX_TITLE) {
      titles.long++;
      title = `${title.slice(0, MAX_TITLE - 1)}…`;
    }
    return title;
  };

  for (const block of blocks) {
    const level = block.type === 'heading' ? Number(block.attrs?.level ?? 1) : null;
    if (level !== null && level === chapterLevel) {
      chapter = { title: titleOf(block), sections: [] };
      chapters.push(chapter);
      section = null;
    } else if (level !== null && level === sectionLevel) {
      if (!chapter) {
        chapter = { title: t(locale, 'import.preamble'), sections: [] };
        chapters.push(chapter);
      }
      section = { title: titleOf(block), blocks: [] };
      chapter.sections.push(section);
    } else {
      const here = section ? `${chapter!.title} › ${section.title}` : (chapter?.title ?? t(locale, 'import.preamble'));
      for (const alt of imagesIn(block)) {
        images.push(alt ? t(locale, 'import.warnings.imageAt', { name: alt, place: here }) : here);
      }
      if (block.type === 'table') {
        tableCount++;
        if (tables.at(-1) !== here) tables.push(here);
      }
      const cleaned = cleanBlock(block.type === 'table' ? tableAsList(block) : block, sectionLevel, counts);
      if (!cleaned.length) continue;
      if (!section) {
        // Text before the first section of a chapter (or before any heading) opens it, as its introduction.
        if (!chapter) {
          chapter = { title: t(locale, 'import.preamble'), sections: [] };
          chapters.push(chapter);
          warnings.push({ key: 'import.warnings.preamble' });
        }
        section = { title: t(locale, 'import.introduction'), blocks: [] };
        chapter.sections.push(section);
      }
      section.blocks.push(...cleaned);
    }
  }

  if (chapters.length > MAX_CHAPTERS) throw new ImportError('import.errors.tooManyChapters');
  if (chapters.reduce((n, c) => n + c.sections.length, 0) > MAX_SECTIONS) {
    throw new ImportError('import.errors.tooManySections');
  }
  if (JSON.stringify(chapters).length > IMPORT_MAX_OUTLINE_CHARS) throw new ImportError('import.errors.tooLong');
  warnings.push(...found);
  if (tableCount) warnings.push({ key: 'import.warnings.tableAsList', count: tableCount, where: tables });
  if (images.length) warnings.push({ key: 'import.warnings.image', count: images.length, where: images });
  // Images are counted above, with their names and places.
  warnings.push(...counts.warnings().filter((w) => w.key !== 'import.warnings.image'));
  if (titles.long) warnings.push({ key: 'import.warnings.longTitle', count: titles.long });
  if (titles.empty) warnings.push({ key: 'import.warnings.emptyTitle', count: titles.empty });
  return {
    outline: {
      chapters: chapters.map((c) => ({
        title: c.title,
        sections: c.sections.map((s) => ({
          title: s.title,
          content: parseDoc({ type: 'doc', content: s.blocks.length ? s.blocks : [{ type: 'paragraph' }] }),
        })),
      })),
    },
    warnings,
  };
}

/** A table as a bulleted list, one item per row, its cells' text separated by " — " (empty rows dropped). */
function tableAsList(table: JSONContent): JSONContent {
  const rows = (table.content ?? [])
    .map((row) =>
      (row.content ?? [])
        .map((cell) => textOf(cell).replace(/\s+/g, ' ').trim())
        .filter(Boolean)
        .join(' — '),
    )
    .filter(Boolean);
  return {
    type: 'bulletList',
    content: rows.map((text) => ({
      type: 'listItem',
      content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
    })),
  };
}

const INLINE = new Set(['text', 'hardBreak', 'image']);
/** A cell's text: its paragraphs (and the items of its lists) separated by spaces. */
function textOf(node: JSONContent): string {
  const content = node.content ?? [];
  return content.every((n) => INLINE.has(n.type ?? '')) ? plainText(node) : content.map(textOf).join(' ');
}

/** The descriptions of the images in a block ('' for one without), in order; walked without recursion. */
function imagesIn(block: JSONContent): string[] {
  const alts: string[] = [];
  const stack = [block];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'image')
      alts.push(
        String(node.attrs?.alt ?? '')
          .replace(/\s+/g, ' ')
          .trim()
          .slice(0, 100),
      );
    if (node.content) stack.push(...[...node.content].reverse());
  }
  return alts;
}
