import { finished } from 'node:stream/promises';
import yauzl from 'yauzl';

/**
 * A .docx is a zip: 123 KB of it can unpack to 30 MB of XML, which froze the server for minutes (issue 15). Its
 * central directory says how many entries it has and how large each one unpacks, so a file is refused from
 * those numbers before anything is extracted. A zip can lie about its sizes: each entry is then inflated into a
 * counter, nothing kept, and yauzl stops an entry that gives more bytes than it declared.
 */

/** Word writes a dozen parts, a few hundred with many images. */
export const DOCX_MAX_ENTRIES = 1_000;
/** Unpacked, all parts together: several hundred pages of Word's XML. */
export const DOCX_MAX_UNPACKED_BYTES = 16 * 1024 * 1024;

/** Why a .docx is refused before it is read (an import message key). */
export type DocxRefusal = 'import.errors.docx' | 'import.errors.docxTooManyParts' | 'import.errors.docxTooLarge';

/** Null when the file may be read; otherwise why not. */
export async function checkDocx(bytes: Uint8Array): Promise<DocxRefusal | null> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      lazyEntries: true,
      validateEntrySizes: true,
    });
  } catch {
    return 'import.errors.docx';
  }
  // The count is in the end record: known before any entry is read.
  if (zip.entryCount > DOCX_MAX_ENTRIES) return 'import.errors.docxTooManyParts';
  const entries: yauzl.Entry[] = [];
  let declared = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      declared += entry.uncompressedSize;
      if (declared > DOCX_MAX_UNPACKED_BYTES) return 'import.errors.docxTooLarge';
      entries.push(entry);
    }
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      // validateEntrySizes makes the stream fail past the declared size: the total stays within the limit.
      await finished((await zip.openReadStreamPromise(entry)).resume());
    }
  } catch {
    return 'import.errors.docx';
  }
  return null;
}
