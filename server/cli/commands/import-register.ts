import { t } from '~/i18n/index.ts';
import { inviteRegisterMembers } from '~/modules/register/invitations.server.ts';
import {
  chosenColumns,
  columnsByName,
  readRegister,
  REGISTER_FIELDS,
  RegisterFileError,
  registerHeader,
  type ColumnMap,
  type RegisterField,
} from '~/modules/register/register-file.ts';
import { previewOf, syncRegister } from '~/modules/register/register.server.ts';
import { DomainError } from '~/utils/domain-errors.ts';
import { InputError, readInputFile, UsageError, type Command } from '../command.ts';

/**
 * The `--columns` option, `email=Courriel,name=Nom complet`: field → the column's name in the first line ('' for
 * not in the file). A comma splits only before another `<field>=`, so a column's name may hold commas.
 */
export function parseColumnsOption(option: string): Partial<Record<RegisterField, string>> {
  const named: Partial<Record<RegisterField, string>> = {};
  const fields = REGISTER_FIELDS.join('|');
  for (const part of option.split(new RegExp(`,(?=\\s*(?:${fields})\\s*=)`, 'i'))) {
    const equals = part.indexOf('=');
    const given = part.slice(0, Math.max(equals, 0)).trim();
    const field = REGISTER_FIELDS.find((f) => f.toLowerCase() === given.toLowerCase());
    if (equals < 0 || !field) {
      throw new UsageError(
        `--columns: "${part.trim()}" is not <field>=<column>, where <field> is one of ${REGISTER_FIELDS.join(', ')}.`,
      );
    }
    if (named[field] !== undefined) throw new UsageError(`--columns: ${field} is given twice.`);
    named[field] = part.slice(equals + 1).trim();
  }
  return named;
}

/** The columns to read the file with: those named by `--columns` (checked as the page's choice), else none. */
function columnsOf(bytes: Uint8Array, option: string | undefined): ColumnMap | undefined {
  if (option === undefined) return undefined;
  const header = registerHeader(bytes);
  return chosenColumns(columnsByName(parseColumnsOption(option), header), header);
}

/**
 * `import-register <file.csv>`: previews a register file (read with the `--columns` chosen, else those its header
 * names), then (unless `--dry-run`) imports it in one transaction and (unless `--no-invite`) mails the invitations.
 */
export const importRegister: Command = {
  opens: 'database',
  needsFile: 'import-register needs a CSV file.',
  async run({ file, values }) {
    const bytes = await readInputFile(file);
    let read: ReturnType<typeof readRegister>;
    let preview: Awaited<ReturnType<typeof previewOf>>;
    try {
      read = readRegister(bytes, columnsOf(bytes, values.columns));
      preview = await previewOf(read);
    } catch (error) {
      // An unreadable header, columns that are not the file's, or no valid line: said in words, exit 2, nothing
      // changed; with the first line's columns, to choose from with --columns.
      if (!(error instanceof DomainError)) throw error;
      const header = error instanceof RegisterFileError ? error.header : registerHeader(bytes);
      const choose = header?.length
        ? `\nThe first line's columns: ${header.map((h) => `"${h}"`).join(', ')}. Choose them with --columns (see --help).`
        : '';
      throw new InputError(`${file}: ${t('en', error.key, error.values)}${choose}`);
    }
    if (preview.valid === 0) throw new InputError(`${file}: ${t('en', 'register.errors.noValidLine')}`);
    const out = (line: string) => process.stdout.write(`${line}\n`);
    out(`${file}: ${preview.encoding}, separator "${preview.separator === '\t' ? 'tab' : preview.separator}".`);
    const columns = REGISTER_FIELDS.flatMap((f) => {
      const index = read.columns[f];
      return index === undefined ? [] : [`${f} = "${read.header[index]}"`];
    });
    out(`Columns: ${columns.join(', ')}.`);
    out(`${preview.total} lines, ${preview.valid} valid, ${preview.total - preview.valid} refused.`);
    for (const [kind, n] of Object.entries(preview.errorCounts)) {
      if (n) out(`  ${t('en', `register.line.${kind as keyof typeof preview.errorCounts}`)}: ${n}`);
    }
    for (const e of read.errors.slice(0, 20)) {
      out(`  line ${e.line}: ${t('en', `register.line.${e.kind}`)} (${e.value})`);
    }
    if (read.errors.length > 20) out(`  ... and ${read.errors.length - 20} more.`);
    const c = preview.changes;
    const summary = `add ${c.added}, update ${c.updated}, list again ${c.relisted}, unchanged ${c.unchanged}, lapse ${c.lapsed}`;
    if (values['dry-run']) {
      out(`Dry run: would ${summary}. Nothing was changed.`);
      return 0;
    }
    const done = await syncRegister(read, { actorId: null });
    out(
      `Imported: added ${done.added}, updated ${done.updated}, listed again ${done.relisted}, unchanged ${done.unchanged}, lapsed ${done.lapsed}, accounts tied ${done.linked}.`,
    );
    if (!values['no-invite']) out(`Invitations mailed: ${await inviteRegisterMembers()}.`);
    return 0;
  },
};
