import { t } from '~/i18n/index.ts';
import { inviteRegisterMembers } from '~/modules/register/invitations.server.ts';
import { readRegister } from '~/modules/register/register-file.ts';
import { previewOf, syncRegister } from '~/modules/register/register.server.ts';
import { DomainError } from '~/utils/domain-errors.ts';
import { InputError, readInputFile, type Command } from '../command.ts';

/**
 * `import-register <file.csv>`: previews a register file, then (unless `--dry-run`) imports it in one transaction
 * and (unless `--no-invite`) mails the invitations.
 */
export const importRegister: Command = {
  opens: 'database',
  needsFile: 'import-register needs a CSV file.',
  async run({ file, values }) {
    const bytes = await readInputFile(file);
    let read: ReturnType<typeof readRegister>;
    let preview: Awaited<ReturnType<typeof previewOf>>;
    try {
      read = readRegister(bytes);
      preview = await previewOf(read);
    } catch (error) {
      // An unreadable header, or no valid line: said in words, exit 2, nothing changed.
      if (error instanceof DomainError) throw new InputError(`${file}: ${t('en', error.key)}`);
      throw error;
    }
    if (preview.valid === 0) throw new InputError(`${file}: ${t('en', 'register.errors.noValidLine')}`);
    const out = (line: string) => process.stdout.write(`${line}\n`);
    out(`${file}: ${preview.encoding}, separator "${preview.separator === '\t' ? 'tab' : preview.separator}".`);
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
