import { describe, expect, it } from 'vitest';
import { exportMemberData } from '../../app/modules/members/export.server.ts';
import { deleteAccount } from '../../app/modules/members/deletion.server.ts';
import { acceptInvitation, inviteRegisterMembers } from '../../app/modules/register/invitations.server.ts';
import { readRegister } from '../../app/modules/register/register-file.ts';
import {
  confirmRegisterUpload,
  RegisterImportError,
  rereadRegisterUpload,
  syncRegister,
  uploadRegister,
} from '../../app/modules/register/register.server.ts';
import { signUp, verifyEmail } from '../../app/modules/members/accounts.server.ts';
import { appConfig } from '../../app/utils/config.server.ts';
import { db } from '../../app/utils/db.server.ts';
import { ForbiddenError } from '../../app/utils/domain-errors.ts';
import { createMember, uniqueEmail } from '../factories/members.ts';
import { createTestProgram } from '../factories/programs.ts';
import { linkIn, readOutbox } from '../factories/outbox.ts';
import { registerCsv } from '../factories/register.ts';
import { setupTestDatabase } from '../setup/database.ts';

setupTestDatabase();

const entries = () =>
  db().registerEntry.findMany({
    orderBy: { email: 'asc' },
    select: { email: true, name: true, lapsedAt: true, memberId: true, membershipNumber: true },
  });

async function importFile(rows: Parameters<typeof registerCsv>[0]) {
  return syncRegister(readRegister(registerCsv(rows)), { actorId: null });
}

describe('the membership register', () => {
  it('previews without importing, then imports every line at once', async () => {
    const admin = await createMember({ role: 'ADMIN' });
    const file = registerCsv([
      { email: 'Ana@Example.org', name: 'Ana', number: '1', group: 'Lyon', until: '31/12/2030' },
      { email: 'ben@example.org', name: 'Ben', number: '2' },
      { email: 'broken', name: 'Broken' },
    ]);
    const { uploadId, preview } = await uploadRegister({ actor: admin, fileName: 'list.csv', bytes: file });
    expect(preview).toMatchObject({ total: 3, valid: 2, changes: { added: 2, lapsed: 0 } });
    expect(preview!.errors).toEqual([{ line: 4, kind: 'invalidEmail', value: 'broken' }]);
    expect(await db().registerEntry.count()).toBe(0);

    const changes = await confirmRegisterUpload({ actor: admin, uploadId });
    expect(changes).toMatchObject({ added: 2, updated: 0, lapsed: 0 });
    const rows = await db().registerEntry.findMany({ orderBy: { email: 'asc' } });
    expect(
      rows.map((r) => [r.email, r.name, r.membershipNumber, r.localGroup, r.memberUntil?.toISOString().slice(0, 10)]),
    ).toEqual([
      ['ana@example.org', 'Ana', '1', 'Lyon', '2030-12-31'],
      ['ben@example.org', 'Ben', '2', null, undefined],
    ]);
    // The upload is gone: confirming twice imports nothing twice.
    await expect(confirmRegisterUpload({ actor: admin, uploadId })).rejects.toBeInstanceOf(RegisterImportError);
  });

  it('reads a header it does not know once the admin chooses its columns, and imports with them', async () => {
    const admin = await createMember({ role: 'ADMIN' });
    const [ana, ben] = [uniqueEmail('ana'), uniqueEmail('ben')];
    const file = new TextEncoder().encode(
      `Adhérent;Adresse électronique;Cotisation payée jusqu’au\nAna Lima;${ana};31/12/2030\nBen;${ben};\n`,
    );
    // No column is recognised as the email: nothing is read, the file is kept, the header is offered.
    const first = await uploadRegister({ actor: admin, fileName: 'adherents.csv', bytes: file });
    expect(first).toMatchObject({
      preview: null,
      columnsError: 'register.errors.noEmailColumn',
      header: ['Adhérent', 'Adresse électronique', 'Cotisation payée jusqu’au'],
    });

    // A choice naming a column twice, or one the file does not have, is refused in words; nothing is read.
    for (const [columns, error] of [
      [{ email: '1', name: '1' }, 'register.errors.columnTwice'],
      [{ email: '7', name: '0' }, 'register.errors.badColumn'],
      [{ email: '-1', name: '0' }, 'register.errors.badColumn'],
    ] as const) {
      const refused = await rereadRegisterUpload({ actor: admin, uploadId: first.uploadId, columns });
      expect(refused).toMatchObject({ preview: null, columnsError: error });
    }
    // Chosen wrongly (the name as the email): every line is refused, and saying so stops the import.
    const wrong = await rereadRegisterUpload({
      actor: admin,
      uploadId: first.uploadId,
      columns: { email: '0', name: '1' },
    });
    expect(wrong).toMatchObject({ columnsError: 'register.errors.noValidLine', preview: { valid: 0, total: 2 } });

    const chosen = { email: '1', name: '0', memberUntil: '2' };
    const right = await rereadRegisterUpload({ actor: admin, uploadId: first.uploadId, columns: chosen });
    expect(right).toMatchObject({
      columnsError: null,
      columns: { email: 1, name: 0, memberUntil: 2 },
      preview: { total: 2, valid: 2, changes: { added: 2 } },
    });
    expect(await db().registerEntry.count({ where: { email: { in: [ana, ben] } } })).toBe(0);

    // Someone else cannot read or import the admin's upload.
    const other = await createMember({ role: 'ADMIN' });
    await expect(
      rereadRegisterUpload({ actor: other, uploadId: first.uploadId, columns: chosen }),
    ).rejects.toBeInstanceOf(RegisterImportError);

    await confirmRegisterUpload({ actor: admin, uploadId: first.uploadId, columns: chosen });
    const rows = await db().registerEntry.findMany({ where: { email: { in: [ana, ben] } }, orderBy: { email: 'asc' } });
    expect(rows.map((r) => [r.email, r.name, r.memberUntil?.toISOString().slice(0, 10) ?? null])).toEqual([
      [ana, 'Ana Lima', '2030-12-31'],
      [ben, 'Ben', null],
    ]);
  });

  it('refuses the register to anyone but an admin', async () => {
    const moderator = await createMember({ role: 'MODERATOR' });
    await expect(
      uploadRegister({ actor: moderator, fileName: 'a.csv', bytes: registerCsv([{ email: 'a@b.org', name: 'A' }]) }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('synchronises: adds, updates, lapses those no longer listed and lists them again', async () => {
    const a = uniqueEmail('a');
    const b = uniqueEmail('b');
    const c = uniqueEmail('c');
    await importFile([
      { email: a, name: 'A', number: 'N1' },
      { email: b, name: 'B' },
    ]);
    const second = await importFile([
      { email: a, name: 'A renamed', number: 'N1' },
      { email: c, name: 'C' },
    ]);
    expect(second).toMatchObject({ added: 1, updated: 1, lapsed: 1, unchanged: 0 });
    const lapsed = (await entries()).find((e) => e.email === b)!;
    expect(lapsed.lapsedAt).not.toBeNull();
    const third = await importFile([
      { email: a, name: 'A renamed', number: 'N1' },
      { email: b, name: 'B' },
      { email: c, name: 'C' },
    ]);
    expect(third).toMatchObject({ added: 0, relisted: 1, unchanged: 2, lapsed: 0 });
    const listed = (await entries()).filter((e) => [a, b, c].includes(e.email));
    expect(listed.map((e) => e.lapsedAt)).toEqual([null, null, null]);
  });

  it('moves a membership number to the address that now holds it, and never lapses a line refused for its date', async () => {
    const a = uniqueEmail('a');
    const b = uniqueEmail('b');
    await importFile([
      { email: a, name: 'A', number: 'N9' },
      { email: b, name: 'B', until: '2030-01-01' },
    ]);
    await importFile([
      { email: uniqueEmail('new'), name: 'A again', number: 'N9' },
      { email: b, name: 'B', until: '31/02/2030' },
    ]);
    const rows = await entries();
    expect(rows.find((e) => e.email === a)).toMatchObject({ membershipNumber: null });
    expect(rows.find((e) => e.email === b)).toMatchObject({ lapsedAt: null });
  });

  it('refuses a file with no valid line: it would lapse everyone', async () => {
    await expect(importFile([{ email: 'nope', name: 'X' }])).rejects.toBeInstanceOf(RegisterImportError);
  });

  it('ties existing verified accounts, invites the others once, and the invitation creates a tied account', async () => {
    const member = await createMember();
    const invited = uniqueEmail('invited');
    const changes = await importFile([
      { email: member.email, name: 'Known' },
      { email: invited, name: 'Invited Person' },
    ]);
    expect(changes.linked).toBe(1);
    expect(await inviteRegisterMembers()).toBe(1);
    expect(await inviteRegisterMembers()).toBe(0);
    const [mail] = await readOutbox(appConfig().outboxDir, invited);
    const token = new URL(linkIn(mail)).searchParams.get('token')!;
    const session = await acceptInvitation({
      token,
      displayName: 'Invited',
      password: 'a long password',
      locale: 'fr',
    });
    expect(session.token).toBeTruthy();
    const account = await db().member.findUniqueOrThrow({ where: { email: invited } });
    expect(account.emailVerifiedAt).not.toBeNull();
    expect((await entries()).find((e) => e.email === invited)!.memberId).toBe(account.id);
    await expect(
      acceptInvitation({ token, displayName: 'Again', password: 'a long password', locale: 'fr' }),
    ).rejects.toMatchObject({ key: 'join.invalid' });
  });

  it('invites in the movement’s language: an English-speaking movement’s invitation is in English', async () => {
    const program = await createTestProgram();
    await db().program.update({ where: { id: program.id }, data: { language: 'en' } });
    const invited = uniqueEmail('english');
    await importFile([{ email: invited, name: 'English Speaker' }]);
    expect(await inviteRegisterMembers()).toBe(1);
    const [mail] = await readOutbox(appConfig().outboxDir, invited);
    expect(mail!.subject).toBe('Your movement invites you to Plenum');
    expect(mail!.body).toContain('Create your account with this link');
  });

  it('matches someone who signs up with a listed address once the address is verified', async () => {
    const email = uniqueEmail('signup');
    await importFile([{ email, name: 'Listed' }]);
    await signUp({ email, displayName: 'Listed', password: 'a long password', locale: 'en' });
    const [mail] = await readOutbox(appConfig().outboxDir, email);
    await verifyEmail(new URL(linkIn(mail)).searchParams.get('token')!);
    const member = await db().member.findUniqueOrThrow({ where: { email } });
    expect((await entries()).find((e) => e.email === email)!.memberId).toBe(member.id);
  });

  it('exports the entry with the member’s data and deletes it with the account', async () => {
    const member = await createMember();
    await importFile([{ email: member.email, name: 'Exported', number: 'X1', group: 'Nantes' }]);
    const data = await exportMemberData(member);
    expect(data.registerEntry).toMatchObject({ name: 'Exported', membershipNumber: 'X1', localGroup: 'Nantes' });
    await deleteAccount({ actor: member, password: member.password });
    expect(await db().registerEntry.count({ where: { email: member.email } })).toBe(0);
  });
});
