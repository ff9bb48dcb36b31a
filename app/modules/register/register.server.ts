import { enforce, type Actor } from '~/policies/actor.ts';
import { canManageRegister } from '~/policies/register.ts';
import { db, type Tx } from '~/utils/db.server.ts';
import { DomainError } from '~/utils/domain-errors.ts';
import { newId } from '~/utils/ids.ts';
import { recordAudit } from '../audit/audit.server.ts';
import type { MessageKey } from '~/i18n/index.ts';
import {
  chosenColumns,
  countErrors,
  readRegister,
  REGISTER_FIELDS,
  RegisterColumnsError,
  registerHeader,
  RegisterFileError,
  type ChosenColumns,
  type ColumnMap,
  type LineError,
  type ReadRegister,
} from './register-file.ts';

/**
 * The movement's membership register (issue 18, ADR 0026): a file is previewed, then imported in one
 * transaction. Lines go into a temporary table in batches (UNNEST of arrays, never row by row through Prisma),
 * then four statements synchronise the register: numbers moved to another address are freed, entries are added
 * or updated, those no longer listed are lapsed (never deleted: contributions stay), and verified accounts with a
 * listed address are tied to their entry.
 */

/** Rows per INSERT into the staging table: 5 arrays of this length per statement. */
const BATCH = 10_000;
/** A preview lists at most this many bad lines; the counts per kind count them all. */
export const LISTED_ERRORS = 2_000;
/** Biggest register file the page takes (the body guard of server/http/app.ts says the same): the CLI has none. */
export const MAX_REGISTER_BYTES = 24 * 1024 * 1024;
/** How long an uploaded file waits for its confirmation. */
const UPLOAD_TTL_MS = 60 * 60 * 1000;

/** What an import changes (or would change): counted by the same statements that apply it. */
export interface RegisterChanges {
  added: number;
  updated: number;
  relisted: number;
  unchanged: number;
  lapsed: number;
  /** Accounts tied to their entry by this import (verified accounts with a listed address). */
  linked: number;
}

/** A file as the preview shows it: how it was read, its bad lines, and what importing it would change. */
export interface RegisterPreview {
  encoding: ReadRegister['encoding'];
  separator: ReadRegister['separator'];
  header: string[];
  columns: ReadRegister['columns'];
  total: number;
  valid: number;
  errors: LineError[];
  errorCounts: ReturnType<typeof countErrors>;
  changes: RegisterChanges;
}

/** Why a whole file is refused once read: nothing valid in it (importing it would lapse everyone). */
export class RegisterImportError extends DomainError {
  constructor(key: 'register.errors.noValidLine' | 'register.errors.uploadGone') {
    super(key === 'register.errors.uploadGone' ? 'conflict' : 'invalid', key, { field: 'file' });
  }
}

/**
 * Reads a file and, in one transaction, synchronises the register with it; `dryRun` counts what would change and
 * changes nothing. The whole import commits or nothing does (a killed process leaves the register as it was).
 */
export async function syncRegister(
  read: ReadRegister,
  options: { actorId: string | null; dryRun?: boolean; now?: Date },
): Promise<RegisterChanges> {
  if (read.lines.length === 0) throw new RegisterImportError('register.errors.noValidLine');
  const now = options.now ?? new Date();
  return db().$transaction(
    async (tx) => {
      // One import at a time; readers (the census, pages) go on reading the register as it was.
      await tx.$executeRaw`LOCK TABLE "RegisterEntry" IN SHARE ROW EXCLUSIVE MODE`;
      await stage(tx, read);
      const changes = await countChanges(tx);
      // A dry run stops here: it changed nothing but its own temporary table, dropped at the commit.
      if (options.dryRun) return changes;
      await apply(tx, now);
      changes.linked = await linkAccounts(tx);
      await recordAudit(tx, {
        actorId: options.actorId,
        action: 'register.imported',
        targetType: 'Register',
        targetId: 'register',
        data: { ...changes, refused: read.errors.length, encoding: read.encoding },
      });
      return changes;
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}

async function stage(tx: Tx, read: ReadRegister) {
  await tx.$executeRaw`
    CREATE TEMP TABLE register_import (
      email text PRIMARY KEY, name text, number text, local_group text, member_until date, keep boolean NOT NULL
    ) ON COMMIT DROP`;
  for (let from = 0; from < read.lines.length; from += BATCH) {
    const batch = read.lines.slice(from, from + BATCH);
    await tx.$executeRaw`
      INSERT INTO register_import (email, name, number, local_group, member_until, keep)
      SELECT *, false FROM UNNEST(
        ${batch.map((l) => l.email)}::text[], ${batch.map((l) => l.name)}::text[],
        ${batch.map((l) => l.membershipNumber)}::text[], ${batch.map((l) => l.localGroup)}::text[],
        ${batch.map((l) => l.memberUntil)}::date[])`;
  }
  // Addresses of refused lines: their entries stay as they are, neither updated nor lapsed.
  for (let from = 0; from < read.keptEmails.length; from += BATCH) {
    await tx.$executeRaw`
      INSERT INTO register_import (email, keep)
      SELECT email, true FROM UNNEST(${read.keptEmails.slice(from, from + BATCH)}::text[]) AS k(email)
      ON CONFLICT DO NOTHING`;
  }
}

async function countChanges(tx: Tx): Promise<RegisterChanges> {
  const [row] = await tx.$queryRaw<Omit<RegisterChanges, 'linked'>[]>`
    SELECT
      count(*) FILTER (WHERE r.id IS NULL AND NOT i.keep)::int AS added,
      count(*) FILTER (WHERE r."lapsedAt" IS NOT NULL AND NOT i.keep)::int AS relisted,
      count(*) FILTER (WHERE r.id IS NOT NULL AND r."lapsedAt" IS NULL AND NOT i.keep AND (r.name, r."membershipNumber", r."localGroup",
        r."memberUntil") IS DISTINCT FROM (i.name, i.number, i.local_group, i.member_until))::int AS updated,
      count(*) FILTER (WHERE r.id IS NOT NULL AND r."lapsedAt" IS NULL AND (i.keep OR (r.name, r."membershipNumber", r."localGroup",
        r."memberUntil") IS NOT DISTINCT FROM (i.name, i.number, i.local_group, i.member_until)))::int AS unchanged,
      (SELECT count(*) FROM "RegisterEntry" e WHERE e."lapsedAt" IS NULL
        AND NOT EXISTS (SELECT 1 FROM register_import x WHERE x.email = e.email))::int AS lapsed
    FROM register_import i LEFT JOIN "RegisterEntry" r ON r.email = i.email`;
  return { ...row!, linked: 0 };
}

async function apply(tx: Tx, now: Date) {
  // A number now listed under another address leaves the entry that held it (unique when present).
  await tx.$executeRaw`
    UPDATE "RegisterEntry" r SET "membershipNumber" = NULL, "updatedAt" = ${now}
    FROM register_import i WHERE NOT i.keep AND r."membershipNumber" = i.number AND r.email <> i.email`;
  await tx.$executeRaw`
    INSERT INTO "RegisterEntry" (id, email, name, "membershipNumber", "localGroup", "memberUntil", "importedAt", "updatedAt")
    SELECT gen_random_uuid()::text, email, name, number, local_group, member_until, ${now}, ${now}
    FROM register_import WHERE NOT keep
    ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name, "membershipNumber" = EXCLUDED."membershipNumber",
      "localGroup" = EXCLUDED."localGroup", "memberUntil" = EXCLUDED."memberUntil", "lapsedAt" = NULL,
      "updatedAt" = EXCLUDED."updatedAt"
    WHERE "RegisterEntry"."lapsedAt" IS NOT NULL
      OR ("RegisterEntry".name, "RegisterEntry"."membershipNumber", "RegisterEntry"."localGroup",
          "RegisterEntry"."memberUntil")
         IS DISTINCT FROM (EXCLUDED.name, EXCLUDED."membershipNumber", EXCLUDED."localGroup", EXCLUDED."memberUntil")`;
  await tx.$executeRaw`
    UPDATE "RegisterEntry" e SET "lapsedAt" = ${now}, "updatedAt" = ${now}, "inviteTokenHash" = NULL
    WHERE e."lapsedAt" IS NULL AND NOT EXISTS (SELECT 1 FROM register_import i WHERE i.email = e.email)`;
}

/** Ties verified accounts to the entry listing their address (one entry per account). */
async function linkAccounts(tx: Tx, memberId?: string): Promise<number> {
  return tx.$executeRaw`
    UPDATE "RegisterEntry" r SET "memberId" = m.id, "inviteTokenHash" = NULL
    FROM "Member" m
    WHERE r."memberId" IS NULL AND m.email = r.email AND m."emailVerifiedAt" IS NOT NULL AND m."deletedAt" IS NULL
      AND (${memberId ?? null}::text IS NULL OR m.id = ${memberId ?? null})
      AND NOT EXISTS (SELECT 1 FROM "RegisterEntry" x WHERE x."memberId" = m.id)`;
}

/** Ties a member whose address was just verified to the register entry listing it, if any (sign-up matching). */
export async function linkVerifiedMember(tx: Tx, memberId: string): Promise<void> {
  await linkAccounts(tx, memberId);
}

/** The register page's figures for an admin. */
export async function registerPage(actor: Actor) {
  enforce(canManageRegister(actor), actor, 'register.read');
  const [row] = await db().$queryRaw<{ entries: number; lapsed: number; linked: number; invited: number }[]>`
    SELECT count(*)::int AS entries, count("lapsedAt")::int AS lapsed, count("memberId")::int AS linked,
      count(*) FILTER (WHERE "invitedAt" IS NOT NULL AND "memberId" IS NULL AND "lapsedAt" IS NULL)::int AS invited
    FROM "RegisterEntry"`;
  return { figures: row!, maxBytes: MAX_REGISTER_BYTES };
}

/** The preview of a file read: its counts and up to LISTED_ERRORS bad lines. */
export async function previewOf(read: ReadRegister): Promise<RegisterPreview> {
  // No valid line: nothing to count (importing it is refused).
  const changes = read.lines.length
    ? await syncRegister(read, { actorId: null, dryRun: true })
    : { added: 0, updated: 0, relisted: 0, unchanged: 0, lapsed: 0, linked: 0 };
  return {
    encoding: read.encoding,
    separator: read.separator,
    header: read.header,
    columns: read.columns,
    total: read.total,
    valid: read.lines.length,
    errors: read.errors.slice(0, LISTED_ERRORS),
    errorCounts: countErrors(read.errors),
    changes,
  };
}

/** Input of `uploadRegister`. */
export interface UploadRegisterProps {
  actor: Actor;
  fileName: string;
  bytes: Uint8Array;
}

/**
 * An uploaded file as the admin sees it before confirming: its header and the columns read (named by the header
 * or chosen by hand), and its preview, or, when those columns do not let it be read, why (`columnsError`: the
 * admin chooses them and reads it again).
 */
export interface RegisterUploadView {
  uploadId: string;
  fileName: string;
  header: string[];
  columns: ColumnMap;
  preview: RegisterPreview | null;
  columnsError: MessageKey | null;
}

export type { ChosenColumns } from './register-file.ts';

async function viewOf(bytes: Uint8Array, columns?: ColumnMap) {
  try {
    const read = readRegister(bytes, columns);
    const preview = await previewOf(read);
    const columnsError: MessageKey | null = preview.valid === 0 ? 'register.errors.noValidLine' : null;
    return { header: read.header, columns: read.columns, preview, columnsError };
  } catch (error) {
    // A header naming no email or name column: the admin says which columns hold them.
    if (!(error instanceof RegisterFileError) || !error.header) throw error;
    return { header: error.header, columns: columns ?? {}, preview: null, columnsError: error.key };
  }
}

/**
 * Reads an uploaded register file and keeps it for its confirmation (an hour): the preview, and the id the
 * confirmation names. Imports nothing. A file whose header names no email or name column is kept too: the admin
 * chooses its columns (`rereadRegisterUpload`).
 */
export async function uploadRegister(props: UploadRegisterProps): Promise<RegisterUploadView> {
  const { actor } = props;
  enforce(canManageRegister(actor), actor, 'register.import');
  if (props.bytes.length > MAX_REGISTER_BYTES) {
    throw new DomainError('too-large', 'register.errors.tooLarge', { field: 'file' });
  }
  const view = await viewOf(props.bytes);
  if (view.preview && view.preview.valid === 0) throw new RegisterImportError('register.errors.noValidLine');
  const id = newId();
  await db().registerUpload.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - UPLOAD_TTL_MS) } } });
  await db().registerUpload.create({
    data: {
      id,
      createdById: actor.id,
      fileName: props.fileName.slice(0, 200),
      content: props.bytes as Uint8Array<ArrayBuffer>,
    },
  });
  return { uploadId: id, fileName: props.fileName, ...view };
}

/** The admin's own upload, less than an hour old, else a refusal that says to upload it again. */
async function uploadOf(actor: { id: string }, uploadId: string) {
  const upload = await db().registerUpload.findUnique({ where: { id: uploadId } });
  if (!upload || upload.createdById !== actor.id || upload.createdAt.getTime() < Date.now() - UPLOAD_TTL_MS) {
    throw new RegisterImportError('register.errors.uploadGone');
  }
  return upload;
}

/** Reads an uploaded file again with the columns the admin chose by hand: a new preview, nothing imported. */
export async function rereadRegisterUpload(props: {
  actor: Actor;
  uploadId: string;
  columns: ChosenColumns;
}): Promise<RegisterUploadView> {
  const { actor } = props;
  enforce(canManageRegister(actor), actor, 'register.import');
  const upload = await uploadOf(actor, props.uploadId);
  const header = registerHeader(upload.content);
  let columns: ColumnMap;
  try {
    columns = chosenColumns(props.columns, header);
  } catch (error) {
    if (!(error instanceof RegisterColumnsError)) throw error;
    // The choice is shown again as made, with what is wrong with it; nothing is read until it is right.
    const shown = Object.fromEntries(
      REGISTER_FIELDS.map((f) => [f, Number(props.columns[f] || NaN)]).filter(([, i]) => Number(i) < header.length),
    ) as ColumnMap;
    return {
      uploadId: upload.id,
      fileName: upload.fileName,
      header,
      columns: shown,
      preview: null,
      columnsError: error.key,
    };
  }
  return { uploadId: upload.id, fileName: upload.fileName, ...(await viewOf(upload.content, columns)) };
}

/**
 * Imports the file an admin previewed (theirs, less than an hour old), read with the columns of that preview
 * (chosen by hand, or else named by the header), then forgets it.
 */
export async function confirmRegisterUpload(props: {
  actor: Actor;
  uploadId: string;
  columns?: ChosenColumns;
}): Promise<RegisterChanges> {
  const { actor } = props;
  enforce(canManageRegister(actor), actor, 'register.import');
  const upload = await uploadOf(actor, props.uploadId);
  // No column chosen at all (a form without the preview's column fields): the header names them, as in the preview.
  const chosen = props.columns && Object.values(props.columns).some((c) => c) ? props.columns : undefined;
  const columns = chosen ? chosenColumns(chosen, registerHeader(upload.content)) : undefined;
  const changes = await syncRegister(readRegister(upload.content, columns), { actorId: actor.id });
  await db().registerUpload.deleteMany({ where: { id: upload.id } });
  return changes;
}

/** The entry of a member, for their own data export: the fields the register holds on them. */
export async function registerEntryOf(memberId: string) {
  return db().registerEntry.findUnique({
    where: { memberId },
    select: { email: true, name: true, membershipNumber: true, localGroup: true, memberUntil: true, lapsedAt: true },
  });
}
