import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { encodeBackup, sha256Of, type BackupManifest, type OpenRoundFact } from './backup-file.ts';

const gzipped = promisify(gzip);

/** What the database holds, read in the same transaction as the copy, so that the head says what the copy is. */
async function readFacts(tx: Transaction, keysDir: string) {
  const one = async (sql: string) => Number((await tx.query<{ n: number }>(sql)).rows[0]?.n ?? 0);
  const version = (await tx.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version;
  const migrations = (
    await tx.query<{ n: number; last: string | null }>(
      `SELECT count(*)::int AS n, max("migration_name") AS last FROM "_prisma_migrations"
        WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
    )
  ).rows[0];
  const rounds = (
    await tx.query<{ status: string; n: number }>(
      'SELECT "status", count(*)::int AS n FROM "VotingRound" GROUP BY "status"',
    )
  ).rows;
  const byStatus = (status: string) => rounds.find((r) => r.status === status)?.n ?? 0;
  const open = (
    await tx.query<{ id: string; title: string; slug: string; closesAt: Date; ballots: number }>(
      `SELECT r."id", r."title", p."slug", r."closesAt",
              (SELECT count(*)::int FROM "Ballot" b WHERE b."roundId" = r."id") AS ballots
         FROM "VotingRound" r JOIN "Program" p ON p."id" = r."programId"
        WHERE r."status" = 'OPEN' ORDER BY r."closesAt"`,
    )
  ).rows;
  const openRounds: OpenRoundFact[] = await Promise.all(
    open.map(async (r) => ({
      id: r.id,
      title: r.title,
      program: r.slug,
      closesAt: new Date(r.closesAt).toISOString(),
      ballots: r.ballots,
      keyFile: `round-${r.id}.key`,
      keyPresent: await exists(path.join(keysDir, `round-${r.id}.key`)),
    })),
  );
  return {
    database: {
      engine: 'pglite' as const,
      postgres: version ?? 'unknown',
      migrations: migrations?.n ?? 0,
      lastMigration: migrations?.last ?? null,
    },
    contents: {
      members: await one('SELECT count(*)::int AS n FROM "Member" WHERE "deletedAt" IS NULL'),
      programs: await one('SELECT count(*)::int AS n FROM "Program"'),
      sections: await one('SELECT count(*)::int AS n FROM "Section"'),
      amendments: await one('SELECT count(*)::int AS n FROM "Amendment"'),
      rounds: { scheduled: byStatus('SCHEDULED'), open: byStatus('OPEN'), closed: byStatus('CLOSED') },
      ballots: await one('SELECT count(*)::int AS n FROM "Ballot"'),
      liveTextUpdates: await one('SELECT count(*)::int AS n FROM "CollabUpdate"'),
    },
    openRounds,
    twoFactorMembers: await one('SELECT count(*)::int AS n FROM "Member" WHERE "totpSecret" IS NOT NULL'),
  };
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/**
 * A consistent copy of an open embedded database, as a backup file's bytes, and its manifest. The copy is PGlite's
 * data folder as PostgreSQL sees it, taken while no other statement can run: PGlite has one connection, and the
 * copy happens inside a transaction of ours, so every other query and transaction waits (ADR 0033). A transaction
 * under way when the backup was asked for ends first (PGlite runs one at a time): the copy holds it whole.
 */
export async function snapshotDatabase(
  pglite: PGlite,
  options: { keysDir: string; takenFrom: BackupManifest['takenFrom'] },
): Promise<{ manifest: BackupManifest; bytes: Buffer }> {
  // Dirty pages written out first: the copy then needs little of its log replayed when it is opened again.
  await pglite.exec('CHECKPOINT');
  const { facts, tarball } = await pglite.transaction(async (tx) => {
    const facts = await readFacts(tx, options.keysDir);
    // Within our transaction: nothing else runs until the data folder is read (synchronously, in memory).
    const tarball = await pglite.dumpDataDir('none');
    return { facts, tarball };
  });
  // Compressed outside the transaction: the server goes on answering meanwhile.
  const payload = await gzipped(Buffer.from(await tarball.arrayBuffer()));
  const manifest: BackupManifest = {
    format: 'plenum-backup',
    version: 1,
    createdAt: new Date().toISOString(),
    takenFrom: options.takenFrom,
    database: facts.database,
    contents: facts.contents,
    payload: { file: 'pglite-data.tar.gz', bytes: payload.length, sha256: sha256Of(payload) },
    keys: {
      included: false,
      folder: options.keysDir,
      openRounds: facts.openRounds,
      twoFactor: {
        members: facts.twoFactorMembers,
        keyFile: 'two-factor.key',
        keyPresent: await exists(path.join(options.keysDir, 'two-factor.key')),
      },
    },
  };
  return { manifest, bytes: encodeBackup(manifest, payload) };
}
