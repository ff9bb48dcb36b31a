import mammoth from 'mammoth';
import { t, type Locale } from '~/i18n/index.ts';
import { checkDocx } from './docx.server.ts';
import {
  type ConversionOutcome,
  ImportError,
  type ImportWarning,
  previewBlocks,
  previewMarkdown,
} from './import.server.ts';
import { type WordDocument, wordToBlocks } from './docx-blocks.ts';

/**
 * The conversion of an uploaded file, run in a worker thread by previewImport (app/utils/worker.server.ts):
 * whatever a file costs is the worker's, within its limits of time and memory. Answers the preview, or the key
 * of why the file cannot be imported.
 */
export async function run(input: {
  file: { name: string; bytes: Uint8Array };
  locale: Locale;
}): Promise<ConversionOutcome> {
  try {
    return { preview: await readFile(input.file, input.locale) };
  } catch (error) {
    if (error instanceof ImportError) return { error: error.key };
    // A pathological file is the file's problem, told as such, not a server error.
    return { error: 'import.errors.unreadable' };
  }
}

async function readFile(file: { name: string; bytes: Uint8Array }, locale: Locale) {
  const title = file.name.replace(/\.[^.]+$/, '').trim() || t(locale, 'import.untitled');
  if (/\.docx$/i.test(file.name)) return readDocx(file.bytes, title, locale);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(file.bytes);
  // A binary file renamed .md decodes to replacement characters and NULs: refuse it rather than import noise.
  // eslint-disable-next-line no-control-regex
  if (/\u0000/.test(text) || (text.match(/\uFFFD/g)?.length ?? 0) > 20) throw new ImportError('import.errors.notText');
  return previewMarkdown(text, title, locale);
}

async function readDocx(bytes: Uint8Array, title: string, locale: Locale) {
  // Sizes and entries first, from the zip's directory: nothing is unpacked for a file over the limits.
  const refusal = await checkDocx(bytes);
  if (refusal) throw new ImportError(refusal);
  // mammoth reads the file into its document tree, handed to transformDocument: that tree is what is kept (see
  // docx-blocks.ts). An empty document goes on to mammoth's HTML writer, so nothing is written, nor any image read.
  let document: WordDocument | null = null;
  const converter = mammoth as unknown as {
    convertToHtml(
      input: { buffer: Buffer },
      options: { transformDocument(d: WordDocument): WordDocument },
    ): Promise<unknown>;
  };
  try {
    await converter.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        transformDocument: (read) => {
          document = read;
          return { ...read, children: [] };
        },
      },
    );
  } catch {
    throw new ImportError('import.errors.docx');
  }
  if (!document) throw new ImportError('import.errors.docx');
  const { blocks, findings } = wordToBlocks(document, t(locale, 'import.footnote'));
  const found: ImportWarning[] = [];
  if (findings.tableOfContents) found.push({ key: 'import.warnings.tableOfContents' });
  if (findings.notes) found.push({ key: 'import.warnings.notes', count: findings.notes });
  return previewBlocks(blocks, title, locale, found);
}
