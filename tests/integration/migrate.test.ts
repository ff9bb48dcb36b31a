import { describe, expect, it } from 'vitest';
import { applyMigrations, MigrationError, readMigrations, type Migration } from '../../server/database/migrate.ts';
import { cloneTestDatabase } from '../setup/database.ts';

const extra = (name: string, sql: string): Migration => ({ name, sql, checksum: name.padEnd(64, '0') });

async function tables(run: (sql: string) => Promise<{ table_name: string }[]>) {
  return (await run(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`)).map(
    (r) => r.table_name,
  );
}

describe('migrations', () => {
  it('records every migration in Prisma’s _prisma_migrations table and applies nothing twice', async () => {
    const { database, drop } = await cloneTestDatabase();
    try {
      const migrations = await readMigrations();
      const rows = await database.sql.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
        'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
      );
      expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
      expect(rows.map((r) => r.checksum)).toEqual(migrations.map((m) => m.checksum));
      expect(rows.every((r) => r.finished_at !== null)).toBe(true);

      const again = await applyMigrations(database.sql, migrations);
      expect(again).toEqual({ applied: [], alreadyApplied: migrations.length, changed: [] });
    } finally {
      await database.close();
      await drop();
    }
  });

  it('rolls a failing migration back whole and names it', async () => {
    const { database, drop } = await cloneTestDatabase();
    try {
      const migrations = await readMigrations();
      const broken = extra(
        '29990101000000_broken',
        'CREATE TABLE "HalfDone" (id INT);\nINSERT INTO "HalfDone" VALUES (1);\nSELECT * FROM "NoSuchTable";',
      );
      const error = await applyMigrations(database.sql, [...migrations, broken]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as Error).message).toMatch(
        /29990101000000_broken failed and was rolled back; the database is unchanged/,
      );
      expect((error as Error).message).toMatch(/NoSuchTable/);

      expect(await tables((q) => database.sql.query(q))).not.toContain('HalfDone');
      const recorded = await database.sql.query('SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1', [
        broken.name,
      ]);
      expect(recorded).toHaveLength(0);
      // The database still works, and a fixed migration applies.
      const fixed = extra('29990101000000_broken', 'CREATE TABLE "HalfDone" (id INT);');
      expect((await applyMigrations(database.sql, [...migrations, fixed])).applied).toEqual([fixed.name]);
    } finally {
      await database.close();
      await drop();
    }
  });

  it('refuses a database migrated by a newer version of Plenum', async () => {
    const { database, drop } = await cloneTestDatabase();
    try {
      const migrations = await readMigrations();
      await applyMigrations(database.sql, [...migrations, extra('29990202000000_future', 'SELECT 1;')]);
      await expect(applyMigrations(database.sql, migrations)).rejects.toThrow(/29990202000000_future.*newer version/);
    } finally {
      await database.close();
      await drop();
    }
  });
});
