import { DomainError } from '~/utils/domain-errors.ts';
import { csvRecords, decodeRegister, detectSeparator, type RegisterEncoding, type Separator } from './csv.ts';

/**
 * A register file read into lines to import: columns mapped from the header (in English, French or Spanish),
 * each line checked, duplicates found. Pure, like csv.ts; the database side is register.server.ts.
 */

/** The fields a register line may give: nothing else is kept (issue 18). */
export const REGISTER_FIELDS = ['email', 'name', 'membershipNumber', 'localGroup', 'memberUntil'] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];

/** Which column (0-based) holds each field; email and name are required. */
export type ColumnMap = Partial<Record<RegisterField, number>>;

/** Columns chosen by hand, as the form sends them (field → column index, '' for none). */
export type ChosenColumns = Partial<Record<RegisterField, string>>;

/** What can be wrong with a line: each kind has a message in the three catalogs (register.errors.<kind>). */
export const LINE_ERRORS = [
  'missingEmail',
  'invalidEmail',
  'missingName',
  'invalidDate',
  'tooLong',
  'badCharacters',
  'duplicateLine',
  'duplicateEmail',
  'duplicateNumber',
] as const;
export type LineErrorKind = (typeof LINE_ERRORS)[number];

/** A line refused, with what was wrong and the value concerned (cut short). */
export interface LineError {
  line: number;
  kind: LineErrorKind;
  value: string;
}

/** A valid line, normalized: what an entry of the register holds. */
export interface RegisterLine {
  email: string;
  name: string;
  membershipNumber: string | null;
  localGroup: string | null;
  /** YYYY-MM-DD, or null when the file gives none. */
  memberUntil: string | null;
}

/** A file read: its valid lines, its refused lines and what the reading found. */
export interface ReadRegister {
  encoding: RegisterEncoding;
  separator: Separator;
  header: string[];
  columns: ColumnMap;
  lines: RegisterLine[];
  errors: LineError[];
  /** Addresses of refused lines that are themselves valid: their entries are left as they are (never lapsed). */
  keptEmails: string[];
  /** Lines read, header excluded. */
  total: number;
}

/**
 * A file the reader cannot map: empty, or no column chosen (or named by the header) for the email or the name.
 * With its header, the admin can choose the columns by hand.
 */
export class RegisterFileError extends DomainError {
  constructor(
    key: 'register.errors.noEmailColumn' | 'register.errors.noNameColumn' | 'register.errors.empty',
    readonly header?: string[],
  ) {
    super('invalid', key, { field: 'file' });
  }
}

/** A choice of columns that names a column the file does not have, or the same column for two fields. */
export class RegisterColumnsError extends DomainError {
  constructor(
    key: 'register.errors.badColumn' | 'register.errors.columnTwice' | 'register.errors.noSuchColumn',
    values?: Record<string, string>,
  ) {
    super('invalid', key, { field: 'columns', ...(values ? { values } : {}) });
  }
}

/**
 * The columns an admin chose by hand (field → the column's 0-based index as sent by the form, '' for none),
 * checked against the file's header.
 */
export function chosenColumns(chosen: ChosenColumns, header: string[]): ColumnMap {
  const columns: ColumnMap = {};
  for (const field of REGISTER_FIELDS) {
    const value = chosen[field] ?? '';
    if (value === '') continue;
    const index = Number(value);
    if (!/^\d{1,4}$/.test(value) || index >= header.length) throw new RegisterColumnsError('register.errors.badColumn');
    if (Object.values(columns).includes(index)) throw new RegisterColumnsError('register.errors.columnTwice');
    columns[field] = index;
  }
  return columns;
}

/**
 * Columns chosen by their name in the header (field → the name, '' for "not in the file"), as the command line
 * takes them, turned into the choice the page sends (field → index), for `chosenColumns` to check. A field not
 * named keeps the column the header names for it, unless that column is named for another field. A name is
 * matched as written, else without case, accents, spaces or punctuation.
 */
export function columnsByName(named: Partial<Record<RegisterField, string>>, header: string[]): ChosenColumns {
  const indexOf = (name: string) => {
    const exact = header.indexOf(name.trim());
    if (exact >= 0) return exact;
    const loose = header.findIndex((column) => headerKey(column) === headerKey(name));
    if (loose < 0 || !headerKey(name)) throw new RegisterColumnsError('register.errors.noSuchColumn', { name });
    return loose;
  };
  const chosen: ChosenColumns = {};
  for (const field of REGISTER_FIELDS) {
    const name = named[field];
    if (name !== undefined) chosen[field] = name.trim() === '' ? '' : String(indexOf(name));
  }
  const taken = new Set(Object.values(chosen));
  for (const [field, index] of Object.entries(mapColumns(header)) as [RegisterField, number][]) {
    if (chosen[field] === undefined && !taken.has(String(index))) chosen[field] = String(index);
  }
  return chosen;
}

/** Header names understood for each field, compared without case, accents, spaces or punctuation. */
const HEADER_NAMES: Record<RegisterField, string[]> = {
  email: ['email', 'mail', 'emailaddress', 'courriel', 'adressemail', 'adresseemail', 'correo', 'correoelectronico'],
  name: ['name', 'fullname', 'nom', 'nomcomplet', 'nombre', 'nombrecompleto', 'prenomnom', 'nomprenom'],
  membershipNumber: [
    'membershipnumber',
    'membernumber',
    'number',
    'numero',
    'numeroadherent',
    'nadherent',
    'numadherent',
    'numerodadherent',
    'numerodeafiliado',
    'nafiliado',
    'numeroafiliado',
    'numerodesocio',
    'nsocio',
  ],
  localGroup: ['localgroup', 'group', 'groupelocal', 'groupe', 'comite', 'grupolocal', 'grupo', 'circulo'],
  memberUntil: [
    'memberuntil',
    'validuntil',
    'expires',
    'expiry',
    'adherentjusquau',
    'adhesionjusquau',
    'finadhesion',
    'findadhesion',
    'valablejusquau',
    'miembrohasta',
    'afiliadohasta',
    'validohasta',
    'vencimiento',
  ],
};

function headerKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The columns the header names (the first matching column wins). */
export function mapColumns(header: string[]): ColumnMap {
  const columns: ColumnMap = {};
  header.forEach((name, index) => {
    const key = headerKey(name);
    for (const field of REGISTER_FIELDS) {
      if (columns[field] === undefined && HEADER_NAMES[field].includes(key)) columns[field] = index;
    }
  });
  return columns;
}

/** The longest value kept in any field; longer is a refused line, not a cut one. */
export const MAX_FIELD_LENGTH = 200;
// One @, something before it, a dot in the domain, no spaces: what a mail server would accept as an address.
const EMAIL = /^[^\s@"<>(),;:]+@[^\s@"<>(),;:]+\.[^\s@"<>(),;:.]+$/;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A date as spreadsheets write it (2027-12-31, 31/12/2027, 31.12.2027, 31-12-2027) as YYYY-MM-DD, else null. */
export function parseDate(value: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (!y || !m || !d) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
  return date.toISOString().slice(0, 10);
}

/** The first line of a register file, decoded: the columns an admin may choose from. */
export function registerHeader(bytes: Uint8Array): string[] {
  const { text } = decodeRegister(bytes);
  const first = csvRecords(text, detectSeparator(text)).next();
  return first.done ? [] : first.value.fields.map((f) => f.trim());
}

/**
 * Reads a register file: decodes, maps the header (or takes the columns chosen by hand), checks every line.
 * Throws RegisterFileError if unmappable.
 */
export function readRegister(bytes: Uint8Array, columnsOverride?: ColumnMap): ReadRegister {
  const { text, encoding } = decodeRegister(bytes);
  const separator = detectSeparator(text);
  const records = csvRecords(text, separator);
  const first = records.next();
  if (first.done) throw new RegisterFileError('register.errors.empty');
  const header = first.value.fields.map((f) => f.trim());
  const columns = columnsOverride ?? mapColumns(header);
  // Columns can be chosen by hand only from a header that is text (a UTF-16 file read as bytes is full of NULs).
  const offered = header.some((name) => CONTROL.test(name)) ? undefined : header;
  if (columns.email === undefined) throw new RegisterFileError('register.errors.noEmailColumn', offered);
  if (columns.name === undefined) throw new RegisterFileError('register.errors.noNameColumn', offered);

  const lines: RegisterLine[] = [];
  const errors: LineError[] = [];
  const kept = new Set<string>();
  const seenLines = new Set<string>();
  const seenEmails = new Set<string>();
  const seenNumbers = new Set<string>();
  let total = 0;
  const at = (fields: string[], field: RegisterField) => {
    const index = columns[field];
    return index === undefined ? '' : (fields[index] ?? '').trim();
  };
  for (const { line, fields } of records) {
    total++;
    const refuse = (kind: LineErrorKind, value: string) => errors.push({ line, kind, value: value.slice(0, 80) });
    const raw = REGISTER_FIELDS.map((f) => at(fields, f));
    const [rawEmail, name, number, group, until] = raw as [string, string, string, string, string];
    const email = rawEmail.toLowerCase();
    const validEmail = EMAIL.test(email) && email.length <= MAX_FIELD_LENGTH;
    const signature = raw.join('\u0000').toLowerCase();
    if (seenLines.has(signature)) {
      refuse('duplicateLine', rawEmail);
      continue;
    }
    seenLines.add(signature);
    if (!rawEmail) refuse('missingEmail', name);
    else if (!validEmail) refuse('invalidEmail', rawEmail);
    else if (!name) refuse('missingName', rawEmail);
    else if (raw.some((v) => v.length > MAX_FIELD_LENGTH)) refuse('tooLong', rawEmail);
    // A NUL can never be stored (a UTF-16 file read as bytes is full of them); other controls are not text.
    else if (raw.some((v) => CONTROL.test(v))) refuse('badCharacters', rawEmail.replace(new RegExp(CONTROL, 'g'), ''));
    else if (until && !parseDate(until)) refuse('invalidDate', until);
    else if (seenEmails.has(email)) refuse('duplicateEmail', rawEmail);
    else if (number && seenNumbers.has(number)) refuse('duplicateNumber', number);
    else {
      seenEmails.add(email);
      if (number) seenNumbers.add(number);
      lines.push({
        email,
        name,
        membershipNumber: number || null,
        localGroup: group || null,
        memberUntil: until ? parseDate(until) : null,
      });
      continue;
    }
    if (validEmail) kept.add(email);
  }
  for (const email of seenEmails) kept.delete(email);
  return { encoding, separator, header, columns, lines, errors, keptEmails: [...kept], total };
}

/** The number of refused lines of each kind, every kind named (0 when none). */
export function countErrors(errors: LineError[]): Record<LineErrorKind, number> {
  const counts = Object.fromEntries(LINE_ERRORS.map((k) => [k, 0])) as Record<LineErrorKind, number>;
  for (const e of errors) counts[e.kind]++;
  return counts;
}
