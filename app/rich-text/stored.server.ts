import { logger } from '~/utils/logger.server.ts';
import { parseDoc, type DocNode } from './document.ts';
import { repairDoc } from './repair.ts';

/**
 * Stored rich text (a column of JSON) as a document. Text is checked before it is stored, so this is parseDoc;
 * but a reader never fails on what it finds (issue 15): anything invalid is read as the valid document closest
 * to it (repair.ts), and what was left out is logged with `where` it was found.
 */
export function readStoredDoc(value: unknown, where: string): DocNode {
  try {
    return parseDoc(value);
  } catch {
    const { doc, problems } = repairDoc(value);
    logger.warn('stored text is not valid: read what is', { where, problems });
    return doc;
  }
}
