/**
 * bench:register — the membership register (issue 18): a file of BENCH_REGISTER_LINES lines (100,000 by default,
 * 1% of them bad) read, previewed and imported as the CLI does (readRegister, previewOf, syncRegister: decoding,
 * parsing, staging by UNNEST batches, counting, synchronising in one transaction); then imported again with every
 * name changed (a synchronisation that updates every entry). Reference, measured in the same run: a plain INSERT
 * of the same rows, by the same UNNEST batches, into a table with no constraint. Goal: preview and import of
 * 100,000 lines in <= 60 s. PGlite (in memory) always; PostgreSQL on a fresh database on BENCH_DATABASE_URL's
 * server (default postgresql://postgres@127.0.0.1:5432/), dropped at the end, skipped when unreachable. Ends with
 * one line of JSON holding every figure.
 */
import os from 'node:os';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { readRegister } from '../../app/modules/register/register-file.ts';
import { previewOf, syncRegister } from '../../app/modules/register/register.server.ts';
import { db, setDatabase } from '../../app/utils/db.server.ts';
import { newId } from '../../app/utils/ids.ts';
import { setLogLevel } from '../../app/utils/logger.server.ts';
import { applyMigrations, readMigrations } from '../../server/database/migrate.ts';
import { openDatabase, type OpenedDatabase } from '../../server/database/open.ts';
import { withDatabase } from '../setup/global-setup.ts';
import { adminUrl } from '../setup/paths.ts';

const LINES = Number(process.env.BENCH_REGISTER_LINES || 100_000);
const DATABASE_URL = process.env.BENCH_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/';
const GOAL_SECONDS = 60;
setLogLevel('warn');

/** A register file as a French spreadsheet writes it: semicolons, dd/mm/yyyy, one bad line in a hundred. */
function registerFile(lines: number, suffix: string): Uint8Array {
  const out = ['Courriel;Nom;N° adhérent;Groupe local;Adhérent jusqu’au'];
  for (let i = 0; i < lines; i++) {
    const email = i % 100 === 99 ? `broken-${i}` : `member.${i}@example.org`;
    out.push(`${email};"Membre ${i}, ${suffix}";A-${i};Groupe ${i % 300};31/12/2027`);
  }
  return new TextEncoder().encode(out.join('\r\n') + '\r\n');
}

const seconds = (from: number) => (performance.now() - from) / 1000;

async function measure(database: OpenedDatabase) {
  setDatabase(database);
  const bytes = registerFile(LINES, 'first');
  let start = performance.now();
  const read = readRegister(bytes);
  const parse = seconds(start);
  start = performance.now();
  const preview = await previewOf(read);
  const previewSeconds = seconds(start);
  start = performance.now();
  const imported = await syncRegister(read, { actorId: null });
  const importSeconds = seconds(start);
  const firstTotal = parse + previewSeconds + importSeconds;

  const again = readRegister(registerFile(LINES, 'renamed'));
  start = performance.now();
  await previewOf(again);
  const resync = await syncRegister(again, { actorId: null });
  const resyncSeconds = seconds(start);

  // The reference: the same rows, the same batches, a bare table.
  await db().$executeRawUnsafe('CREATE TABLE bench_plain (email text, name text, number text, grp text, until date)');
  start = performance.now();
  for (let from = 0; from < read.lines.length; from += 10_000) {
    const b = read.lines.slice(from, from + 10_000);
    await db().$executeRaw`
      INSERT INTO bench_plain SELECT * FROM UNNEST(${b.map((l) => l.email)}::text[], ${b.map((l) => l.name)}::text[],
        ${b.map((l) => l.membershipNumber)}::text[], ${b.map((l) => l.localGroup)}::text[],
        ${b.map((l) => l.memberUntil)}::date[])`;
  }
  const plainSeconds = seconds(start);
  setDatabase(undefined);
  return {
    lines: LINES,
    valid: preview.valid,
    refused: read.errors.length,
    parseSeconds: parse,
    previewSeconds,
    importSeconds,
    previewAndImportSeconds: firstTotal,
    added: imported.added,
    resyncSeconds,
    resyncUpdated: resync.updated,
    plainInsertSeconds: plainSeconds,
    ratioToPlainInsert: firstTotal / plainSeconds,
    goalMet: firstTotal <= GOAL_SECONDS,
  };
}

async function onPglite() {
  const database = await openDatabase({ pglite: await PGlite.create() });
  await applyMigrations(database.sql, await readMigrations());
  try {
    return await measure(database);
  } finally {
    await database.close();
  }
}

async function onPostgres() {
  const admin = new pg.Client({ connectionString: adminUrl(DATABASE_URL), connectionTimeoutMillis: 5000 });
  admin.on('error', () => {});
  try {
    await admin.connect();
  } catch (error) {
    return { skipped: `PostgreSQL unreachable: ${(error as Error).message}` };
  }
  const name = `plenum_bench_${newId()}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  try {
    const database = await openDatabase({ url: withDatabase(DATABASE_URL, name) });
    try {
      await applyMigrations(database.sql, await readMigrations());
      return await measure(database);
    } finally {
      await database.close();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

function report(label: string, r: Awaited<ReturnType<typeof measure>> | { skipped: string }) {
  if ('skipped' in r) return console.log(`${label}: skipped (${r.skipped})`);
  console.log(
    `${label}: ${r.lines} lines (${r.refused} refused): read ${r.parseSeconds.toFixed(2)} s, preview ` +
      `${r.previewSeconds.toFixed(2)} s, import ${r.importSeconds.toFixed(2)} s = ${r.previewAndImportSeconds.toFixed(2)} s ` +
      `(goal <= ${GOAL_SECONDS} s: ${r.goalMet ? 'met' : 'NOT met'}); ${r.ratioToPlainInsert.toFixed(1)}x a plain INSERT ` +
      `of the same rows (${r.plainInsertSeconds.toFixed(2)} s); re-import updating every entry ${r.resyncSeconds.toFixed(2)} s.`,
  );
}

const loadAtStart = os.loadavg()[0];
const postgresql = await onPostgres();
report('PostgreSQL', postgresql);
const pglite = await onPglite();
report('PGlite', pglite);
console.log(
  JSON.stringify({
    bench: 'register',
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, loadAverageAtStart: loadAtStart, loadAverageAtEnd: os.loadavg()[0] },
    goalSeconds: GOAL_SECONDS,
    postgresql,
    pglite,
  }),
);
