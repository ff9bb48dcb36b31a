import type { JSONContent } from '@tiptap/core';

/**
 * A Word document, as mammoth reads it (its document tree, before any HTML or Markdown is written), into the
 * blocks the import splits and cleans (the shapes parseMarkdown gives for a Markdown file). Reading the tree
 * rather than mammoth's Markdown keeps Word's own structure, where the Markdown writer mixed raw HTML into it:
 * - a heading is a paragraph styled "heading N" (Word keeps that name in every language); the bookmarks on it
 *   (every pandoc export, every heading a table of contents points to) are not text and are skipped;
 * - a table of contents (paragraphs styled "TOC N" or "Contents N") is left out: Plenum builds its own;
 * - a footnote or endnote is written where it was called, in brackets: "[Note: …]", so that it stays with its
 *   sentence when amendments move or delete it (a list of notes at the end would keep numbers that no longer
 *   point anywhere);
 * - numbered paragraphs become lists, nested by their level; a table keeps its rows and cells (the import turns
 *   it into a list of rows); an image is kept as a marker with its description, for the import to name it, and
 *   a caption right under it (pandoc's "Image Caption") goes with it;
 * - links to other places of the same file (a table of contents' entries, cross-references) keep their text.
 */

/** The parts of mammoth's document tree read here (lib/documents.js). */
export interface WordElement {
  type: string;
  children?: WordElement[];
  value?: string;
  styleName?: string | null;
  numbering?: { level: string | number; isOrdered: boolean } | null;
  isBold?: boolean;
  isItalic?: boolean;
  isStrikethrough?: boolean;
  href?: string;
  anchor?: string;
  noteType?: string;
  noteId?: string;
  breakType?: string;
  checked?: boolean;
  altText?: string;
  body?: WordElement[];
}

/** A Word document: its body and the notes its references point to. */
export interface WordDocument extends WordElement {
  notes: { resolve(reference: { noteType?: string; noteId?: string }): WordElement | null };
}

/** What the conversion met that the import tells about. */
export interface WordFindings {
  /** Paragraphs of a table of contents left out. */
  tableOfContents: number;
  /** Footnotes and endnotes written into the text. */
  notes: number;
}

const HEADING = /^heading\s*(\d)$/i;
const CONTENTS = /^(toc|contents)\s*(\d|heading)/i;
const BOLD_STYLE = /^(strong|strong emphasis)$/i;
const ITALIC_STYLE = /^emphasis$/i;
const CAPTION = /^(image )?caption$/i;

/** The document's blocks, and what was left out or moved on the way. */
export function wordToBlocks(
  document: WordDocument,
  noteLabel: string,
): { blocks: JSONContent[]; findings: WordFindings } {
  const findings: WordFindings = { tableOfContents: 0, notes: 0 };

  type Marks = NonNullable<JSONContent['marks']>;
  const inline = (elements: WordElement[] | undefined, marks: Marks, out: JSONContent[], inNote: boolean) => {
    for (const element of elements ?? []) {
      switch (element.type) {
        case 'text':
          pushText(out, element.value ?? '', marks);
          break;
        case 'tab':
          pushText(out, ' ', marks);
          break;
        case 'break':
          if (element.breakType === 'line') out.push({ type: 'hardBreak' });
          break;
        case 'checkbox':
          pushText(out, element.checked ? '☑' : '☐', marks);
          break;
        case 'run': {
          const runMarks: Marks = [...marks];
          if (element.isBold || BOLD_STYLE.test(element.styleName ?? '')) runMarks.push({ type: 'bold' });
          if (element.isItalic || ITALIC_STYLE.test(element.styleName ?? '')) runMarks.push({ type: 'italic' });
          if (element.isStrikethrough) runMarks.push({ type: 'strike' });
          inline(element.children, runMarks, out, inNote);
          break;
        }
        case 'hyperlink':
          inline(
            element.children,
            element.href && !element.anchor ? [...marks, { type: 'link', attrs: { href: element.href } }] : marks,
            out,
            inNote,
          );
          break;
        case 'noteReference': {
          const note = inNote ? null : document.notes.resolve(element);
          if (!note) break;
          findings.notes++;
          const text: JSONContent[] = [];
          for (const paragraph of flatParagraphs(note.body)) {
            pushText(text, ' ', []);
            inline(paragraph.children, [], text, true);
          }
          pushText(out, ` [${noteLabel} `, marks);
          for (const node of trimmed(text)) {
            if (node.type === 'text') pushText(out, node.text ?? '', [...marks, ...(node.marks ?? [])]);
            else out.push(node);
          }
          pushText(out, ']', marks);
          break;
        }
        case 'image':
          out.push({ type: 'image', attrs: { alt: element.altText?.trim() ?? '' } });
          break;
        default:
          // Bookmarks, comment references and anything newer mammoth may read: not text.
          break;
      }
    }
    return out;
  };

  const blocks = (elements: WordElement[] | undefined): JSONContent[] => {
    const out: JSONContent[] = [];
    // The lists open at this point, by level: a numbered paragraph continues, nests in or closes them.
    let lists: { node: JSONContent; level: number; ordered: boolean }[] = [];
    for (const element of elements ?? []) {
      if (element.type === 'paragraph') {
        const style = element.styleName ?? '';
        if (CONTENTS.test(style)) {
          findings.tableOfContents++;
          continue;
        }
        const content = inline(element.children, [], [], false);
        // A caption under an image left out would stand alone; the image's warning names it by its description.
        if (CAPTION.test(style) && isImageOnly(out.at(-1))) continue;
        const heading = HEADING.exec(style);
        if (heading) {
          lists = [];
          out.push({ type: 'heading', attrs: { level: Number(heading[1]) || 1 }, content });
          continue;
        }
        const paragraph: JSONContent = { type: 'paragraph', content };
        if (!element.numbering) {
          lists = [];
          out.push(paragraph);
          continue;
        }
        const level = Number(element.numbering.level) || 0;
        const ordered = element.numbering.isOrdered;
        while (
          lists.length &&
          (lists.at(-1)!.level > level || (lists.at(-1)!.level === level && lists.at(-1)!.ordered !== ordered))
        ) {
          lists.pop();
        }
        const top = lists.at(-1);
        if (top && top.level === level) {
          top.node.content!.push({ type: 'listItem', content: [paragraph] });
          continue;
        }
        const list: JSONContent = {
          type: ordered ? 'orderedList' : 'bulletList',
          content: [{ type: 'listItem', content: [paragraph] }],
        };
        // A deeper level nests in the last item of the list above it; a list starts anew otherwise.
        if (top) top.node.content!.at(-1)!.content!.push(list);
        else out.push(list);
        lists.push({ node: list, level, ordered });
      } else if (element.type === 'table') {
        lists = [];
        out.push({
          type: 'table',
          content: (element.children ?? []).map((row) => ({
            type: 'tableRow',
            content: (row.children ?? []).map((cell) => ({ type: 'tableCell', content: blocks(cell.children) })),
          })),
        });
      } else if (element.children) {
        // Content controls and other containers mammoth keeps: their paragraphs are the document's.
        out.push(...blocks(element.children));
      }
    }
    return out;
  };

  return { blocks: blocks(document.children), findings };
}

/** Whether a block is a paragraph holding images and nothing else. */
function isImageOnly(block: JSONContent | undefined): boolean {
  const content = block?.type === 'paragraph' ? (block.content ?? []) : [];
  return content.some((n) => n.type === 'image') && content.every((n) => n.type === 'image' || !n.text?.trim());
}

/** The paragraphs of a note (or a table inside it), in order. */
function flatParagraphs(elements: WordElement[] | undefined): WordElement[] {
  return (elements ?? []).flatMap((e) => (e.type === 'paragraph' ? [e] : flatParagraphs(e.children)));
}

/** Adds text, joined to the text before it when their marks are the same (Word splits text into many runs). */
function pushText(out: JSONContent[], text: string, marks: NonNullable<JSONContent['marks']>) {
  if (!text) return;
  const last = out.at(-1);
  if (last?.type === 'text' && JSON.stringify(last.marks ?? []) === JSON.stringify(marks)) last.text += text;
  else out.push(marks.length ? { type: 'text', text, marks } : { type: 'text', text });
}

/** A note's text without the spaces around it or doubled inside it. */
function trimmed(nodes: JSONContent[]): JSONContent[] {
  const out = nodes
    .map((n) => (n.type === 'text' ? { ...n, text: (n.text ?? '').replace(/\s{2,}/g, ' ') } : n))
    .filter((n) => n.type !== 'text' || n.text);
  const first = out[0];
  if (first?.type === 'text') first.text = first.text!.trimStart();
  const last = out.at(-1);
  if (last?.type === 'text') last.text = last.text!.trimEnd();
  return out.filter((n) => n.type !== 'text' || n.text);
}
