import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { SqlRunner } from './open.ts';

/** A migration that could not be applied; the database was left as it was before it. */
export class MigrationError extends Error {
  constructor(
    public readonly migration: string,
    cause: unknown,
  ) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(`Migration ${migration} failed and was rolled back; the database is unchanged. Cause: ${detail}`);
    this.name = 'MigrationError';
  }
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** Reads prisma/migrations/<timestamp>_<name>/migration.sql folders, in name order. */
export async function readMigrations(dir = path.resolve('prisma/migrations')): Promise<Migration[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await fs.readFile(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

// Prisma's own bookkeeping table, so that `prisma migrate status/deploy` agree wherever their engine runs.
const BOOKKEEPING = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
);`;

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
  /** Applied migrations whose file changed since (Prisma would call this drift). */
  changed: string[];
}

/**
 * Applies the pending migrations, each in its own transaction together with its bookkeeping row: a migration
 * either applies whole or leaves no trace. Stops at the first failure with a MigrationError.
 */
export async function applyMigrations(sql: SqlRunner, migrations: Migration[]): Promise<MigrateResult> {
  const applied: string[] = [];
  let alreadyApplied = 0;
  const changed: string[] = [];
  const known = new Set(migrations.map((m) => m.name));

  for (const migration of migrations) {
    const outcome = await sql
      .migrationTransaction(async (tx) => {
        await tx.exec(BOOKKEEPING);
        const rows = await tx.query<{ migration_name: string; checksum: string }>(
          `SELECT migration_name, checksum FROM "_prisma_migrations"
           WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        );
        const unknown = rows.find((r) => !known.has(r.migration_name));
        if (unknown) {
          throw new Error(
            `The database has migration ${unknown.migration_name}, which this version of Plenum does not know: ` +
              'it was migrated by a newer version. Run that version, or restore a backup.',
          );
        }
        const done = rows.find((r) => r.migration_name === migration.name);
        if (done) return done.checksum === migration.checksum ? 'skip' : 'changed';
        const startedAt = new Date();
        await tx.exec(migration.sql);
        await tx.query(
          `INSERT INTO "_prisma_migrations"
             (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, $4, 1)`,
          [randomUUID(), migration.checksum, migration.name, startedAt],
        );
        return 'applied';
      })
      .catch((error: unknown) => {
        if (error instanceof Error && error.message.includes('newer version')) throw error;
        throw new MigrationError(migration.name, error);
      });
    if (outcome === 'applied') applied.push(migration.name);
    else alreadyApplied++;
    if (outcome === 'changed') changed.push(migration.name);
  }
  return { applied, alreadyApplied, changed };
}
