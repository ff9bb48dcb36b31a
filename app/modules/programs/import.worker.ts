import mammoth from 'mammoth';
import { t, type Locale } from '~/i18n/index.ts';
import { checkDocx } from './docx.server.ts';
import { type ConversionOutcome, ImportError, previewMarkdown } from './import.server.ts';

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
  let text: string;
  if (/\.docx$/i.test(file.name)) text = await docxToMarkdown(file.bytes);
  else {
    text = new TextDecoder('utf-8', { fatal: false }).decode(file.bytes);
    // A binary file renamed .md decodes to replacement characters and NULs: refuse it rather than import noise.
    // eslint-disable-next-line no-control-regex
    if (/\u0000/.test(text) || (text.match(/\uFFFD/g)?.length ?? 0) > 20)
      throw new ImportError('import.errors.notText');
  }
  return previewMarkdown(text, title, locale);
}

async function docxToMarkdown(bytes: Uint8Array): Promise<string> {
  // Sizes and entries first, from the zip's directory: nothing is unpacked for a file over the limits.
  const refusal = await checkDocx(bytes);
  if (refusal) throw new ImportError(refusal);
  const converter = mammoth as unknown as {
    convertToMarkdown(input: { buffer: Buffer }, options: object): Promise<{ value: string }>;
  };
  try {
    const result = await converter.convertToMarkdown(
      { buffer: Buffer.from(bytes) },
      // Images are not part of a program's text: keep a marker (counted as dropped), never the data.
      { convertImage: mammoth.images.imgElement(async () => ({ src: 'image:dropped' })) },
    );
    return result.value;
  } catch {
    throw new ImportError('import.errors.docx');
  }
}
