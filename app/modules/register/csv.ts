/**
 * Reading the movement's member list as people export it from spreadsheets (issue 18): UTF-8 with or without a
 * byte-order mark, else Windows-1252 (what Excel writes in France and Spain); commas or semicolons; RFC 4180
 * quoting (separators, newlines and doubled quotes inside quotes). Pure: no database, so it is tested on the
 * real-world fixtures in tests/fixtures/register/ and shared by the admin page, the CLI and the benchmark.
 */

/** The encodings a register file is read in. */
export type RegisterEncoding = 'utf-8' | 'windows-1252';

/** The bytes as text: UTF-8 (its mark dropped) if they are valid UTF-8, else Windows-1252, which decodes anything. */
export function decodeRegister(bytes: Uint8Array): { text: string; encoding: RegisterEncoding } {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
}

// Windows-1252's 0x80-0x9F (€, Œ, ‘ ’ “ ” ...). Node's TextDecoder('windows-1252') decodes that range as Latin-1's
// control characters (Node 20, checked here), so the range is mapped here; the rest is Latin-1.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('latin1')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

const SEPARATORS = [',', ';', '\t'] as const;
/** A field separator a register file may use. */
export type Separator = (typeof SEPARATORS)[number];

/** The separator of the header line: the candidate found most often outside quotes (a comma if none). */
export function detectSeparator(text: string): Separator {
  const counts = new Map<Separator, number>(SEPARATORS.map((s) => [s, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c as Separator)) counts.set(c as Separator, counts.get(c as Separator)! + 1);
  }
  let best: Separator = ',';
  for (const s of SEPARATORS) if (counts.get(s)! > counts.get(best)!) best = s;
  return best;
}

/** A record of the file: its fields and the line it starts on (1 = the header), as a spreadsheet numbers them. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * The records of a CSV text, one at a time (a generator: a large file is never held twice as arrays). Quoted
 * fields may hold separators, line breaks and doubled quotes; CRLF, LF and CR end records; blank lines are
 * skipped; a quote inside an unquoted field is kept as it is (spreadsheets write such files).
 */
export function* csvRecords(text: string, separator: Separator): Generator<CsvRecord> {
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let ended = false;
    while (!ended) {
      if (text[i] === '"') {
        // A quoted field: up to the closing quote, "" being one quote.
        i++;
        for (;;) {
          const close = text.indexOf('"', i);
          if (close < 0) {
            field += text.slice(i);
            line += countBreaks(text, i, n);
            i = n;
            break;
          }
          field += text.slice(i, close);
          line += countBreaks(text, i, close);
          i = close + 1;
          if (text[i] === '"') {
            field += '"';
            i++;
          } else break;
        }
      }
      // The unquoted part (all of an unquoted field; after a closing quote, whatever precedes the separator).
      let j = i;
      while (j < n && text[j] !== separator && text[j] !== '\n' && text[j] !== '\r') j++;
      field += text.slice(i, j);
      i = j;
      fields.push(field);
      field = '';
      if (i >= n) ended = true;
      else if (text[i] === separator) i++;
      else {
        i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        ended = true;
      }
    }
    if (fields.length > 1 || fields[0]!.trim() !== '') yield { line: startLine, fields };
  }
}

function countBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) breaks++;
    else if (c === 13 && text.charCodeAt(k + 1) !== 10) breaks++;
  }
  return breaks;
}
