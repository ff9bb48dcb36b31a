/**
 * bench:moderation — moderation at scale (issue 21, item 7): a program with BENCH_AMENDMENTS amendments (5,000)
 * and BENCH_COMMENTS comments (50,000), on PGlite and on PostgreSQL. The compiled server (`npm run build` first)
 * is started on each database with PLENUM_COUNT_QUERIES=1, a moderator signs in, and one request at a time:
 *   (a) the moderation queue page (its qualified amendments, the bulk form, groups, possible duplicates...),
 *   (b) the search page over amendments and comments, for words that match few and many rows,
 *   (r) the reference, measured in the same run: the home page, signed in (one program listed).
 * For each: p50 and p99 in ms, and the SQL statements of one request (X-Plenum-Queries). Goals: p99 < 200 ms and
 * at most 8 statements per page. The seed goes straight into the tables by UNNEST batches (the module functions
 * would take an hour for 55,000 rows); the program, the sections and the moderator through the modules.
 * PostgreSQL on a fresh database on BENCH_DATABASE_URL's server (default postgresql://postgres@127.0.0.1:5432/),
 * dropped at the end, skipped when unreachable. Ends with one line of JSON holding every figure.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createProgram } from '../../app/modules/programs/program-commands.server.ts';
import { hashPassword } from '../../app/modules/members/password.server.ts';
import { db, setDatabase } from '../../app/utils/db.server.ts';
import { newId } from '../../app/utils/ids.ts';
import { setLogLevel } from '../../app/utils/logger.server.ts';
import { applyMigrations, readMigrations } from '../../server/database/migrate.ts';
import { openDatabase, type OpenedDatabase } from '../../server/database/open.ts';
import { withDatabase } from '../setup/global-setup.ts';
import { adminUrl } from '../setup/paths.ts';

const AMENDMENTS = Number(process.env.BENCH_AMENDMENTS || 5000);
const COMMENTS = Number(process.env.BENCH_COMMENTS || 50_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS || 100);
const WARMUP = Number(process.env.BENCH_WARMUP || 10);
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgresql').split(',').map((e) => e.trim());
const DATABASE_URL = process.env.BENCH_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/';
const GOAL_P99_MS = 200;
const GOAL_STATEMENTS = 8;
const SLUG = 'bench-moderation';
const EMAIL = 'moderator@bench.localhost';
const PASSWORD = 'bench moderator password';
setLogLevel('warn');

// Words in the three languages, so that every stemming finds something; a few are rare on purpose.
const WORDS = (
  'transports publics gratuits commune budget participatif logement social école santé hôpital eau énergie ' +
  'vivienda pública transporte escuela salud energía presupuesto barrio cultura empleo jóvenes ' +
  'housing public transport school health energy budget district culture jobs youth library ' +
  'référendum initiative citoyenne démocratie locale quartier mairie association vélo piste forêt'
).split(' ');
const RARE = ['zéphyr', 'quetzal', 'xylophone'];

const sentence = (seed: number, length: number) =>
  Array.from({ length }, (_, k) => WORDS[(seed * 31 + k * 17 + ((seed >> 3) % 7)) % WORDS.length]).join(' ') +
  (seed % 997 === 0 ? ` ${RARE[seed % RARE.length]}` : '') +
  '.';
const richText = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/** The program, its sections and moderator through the modules; amendments and comments by UNNEST batches. */
async function seed(database: OpenedDatabase) {
  setDatabase(database);
  const chapters = Array.from({ length: 20 }, (_, c) => ({
    title: `Chapitre ${c + 1}`,
    sections: Array.from({ length: 10 }, (_, s) => ({
      title: `Section ${c + 1}.${s + 1}`,
      content: richText(sentence(c * 10 + s, 40)) as never,
    })),
  }));
  const programId = await createProgram({
    actorId: null,
    slug: SLUG,
    title: 'Programme du banc d’essai',
    summary: 'Moderation at scale.',
    phase: 'AMENDING',
    chapters,
  });
  const sections = (
    await db().section.findMany({ where: { chapter: { programId } }, select: { id: true, content: true } })
  ).map((s) => s);
  const moderatorId = newId();
  await db().member.create({
    data: {
      id: moderatorId,
      email: EMAIL,
      displayName: 'Bench Moderator',
      role: 'MODERATOR',
      passwordHash: await hashPassword(PASSWORD),
      emailVerifiedAt: new Date(),
      locale: 'en',
    },
  });
  const authors = Array.from({ length: 200 }, () => newId());
  await db().member.createMany({
    data: authors.map((id, i) => ({
      id,
      email: `author.${i}@bench.localhost`,
      displayName: `Author ${i}`,
      passwordHash: 'x',
      emailVerifiedAt: new Date(),
    })),
  });
  // A realistic queue: most amendments collecting supports or decided, a few hundred waiting for a decision.
  const statusOf = (i: number) =>
    i % 10 === 0
      ? 'QUALIFIED'
      : i % 10 < 5
        ? 'SUBMITTED'
        : i % 10 < 8
          ? 'ADMISSIBLE'
          : i % 10 < 9
            ? 'INADMISSIBLE'
            : 'EXPIRED';
  const amendmentIds: string[] = [];
  const now = Date.now();
  for (let from = 0; from < AMENDMENTS; from += 1000) {
    const batch = Array.from({ length: Math.min(1000, AMENDMENTS - from) }, (_, k) => from + k);
    const ids = batch.map(() => newId());
    amendmentIds.push(...ids);
    const section = (i: number) => sections[i % sections.length]!;
    await db().$executeRaw`
      INSERT INTO "Amendment" (id, "programId", "sectionId", kind, status, title, justification, "baseText",
        "proposedText", "createdById", "createdAt", "updatedAt", "submittedAt", "supportsNeeded", "supportDeadline",
        "qualifiedAt")
      SELECT id, ${programId}, "sectionId", 'CHANGE', status::"AmendmentStatus", title, justification, base,
        proposed, author, at, at, at, 10, at + interval '14 days',
        CASE WHEN status IN ('QUALIFIED', 'ADMISSIBLE', 'INADMISSIBLE') THEN at + interval '1 day' END
      FROM UNNEST(${ids}::text[], ${batch.map((i) => section(i).id)}::text[], ${batch.map(statusOf)}::text[],
        ${batch.map((i) => `Amendement ${i + 1} : ${sentence(i, 5)}`)}::text[],
        ${batch.map((i) => `Pourquoi : ${sentence(i + 7, 20)}`)}::text[],
        ${batch.map((i) => JSON.stringify(section(i).content))}::jsonb[],
        ${batch.map((i) => JSON.stringify(richText(sentence(i + 3, 60))))}::jsonb[],
        ${batch.map((i) => authors[i % authors.length]!)}::text[],
        ${batch.map((i) => new Date(now - (AMENDMENTS - i) * 60_000))}::timestamp[])
        AS t(id, "sectionId", status, title, justification, base, proposed, author, at)`;
    await db().$executeRaw`
      INSERT INTO "AmendmentAuthor" ("amendmentId", "memberId")
      SELECT * FROM UNNEST(${ids}::text[], ${batch.map((i) => authors[i % authors.length]!)}::text[])`;
  }
  for (let from = 0; from < COMMENTS; from += 5000) {
    const batch = Array.from({ length: Math.min(5000, COMMENTS - from) }, (_, k) => from + k);
    await db().$executeRaw`
      INSERT INTO "Comment" (id, "amendmentId", "authorId", stance, body, source, "createdAt")
      SELECT id, amendment, author, 'FOR', body, source, now() FROM UNNEST(
        ${batch.map(() => newId())}::text[],
        ${batch.map((i) => amendmentIds[(i * 7919) % amendmentIds.length]!)}::text[],
        ${batch.map((i) => authors[(i * 13) % authors.length]!)}::text[],
        ${batch.map((i) => JSON.stringify(richText(sentence(i + 11, 25))))}::jsonb[],
        ${batch.map((i) => sentence(i + 11, 25))}::text[]) AS t(id, amendment, author, body, source)`;
  }
  await db().$executeRawUnsafe('ANALYZE');
  setDatabase(undefined);
  return { qualified: Math.ceil(AMENDMENTS / 10) };
}

interface Measured {
  p50Ms: number;
  p99Ms: number;
  statements: number;
  bytes: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round1 = (n: number) => Math.round(n * 10) / 10;

/** Requests each path in turn, one at a time; the statements of the last request of each. */
async function measure(base: string, cookie: string, paths: string[]): Promise<Measured> {
  const times: number[] = [];
  let statements = 0;
  let bytes = 0;
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    const url = `${base}${paths[i % paths.length]}`;
    const start = performance.now();
    const res = await fetch(url, { headers: { cookie }, redirect: 'manual' });
    const body = await res.arrayBuffer();
    const ms = performance.now() - start;
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    statements = Math.max(statements, Number(res.headers.get('x-plenum-queries')));
    bytes = body.byteLength;
    if (i >= WARMUP) times.push(ms);
  }
  times.sort((a, b) => a - b);
  return { p50Ms: round1(percentile(times, 50)), p99Ms: round1(percentile(times, 99)), statements, bytes };
}

/** Starts the compiled server on the seeded database; resolves to its address and a way to stop it. */
async function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['build/server/index.js'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      PLENUM_DEMO: '0',
      PLENUM_COUNT_QUERIES: '1',
      PAGE_CACHE_TTL_MS: '0',
      // "Plenum is listening" is an info line; each request's line is dropped once the server listens.
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise((r) => child.once('exit', r));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 120_000);
    const check = () => {
      const match = output.match(/"msg":"Plenum is listening","url":"http:\/\/localhost:(\d+)"/);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.removeAllListeners('data');
      child.stdout.resume();
      resolve(`http://127.0.0.1:${match[1]}`);
    };
    child.stdout.on('data', check);
    void exited.then(() => reject(new Error(`the server exited:\n${output}`)));
  });
  return {
    url,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

async function logIn(base: string) {
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
    body: new URLSearchParams({ email: EMAIL, password: PASSWORD }).toString(),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (res.status !== 302 || !cookie) throw new Error(`login failed: ${res.status}`);
  return cookie;
}

/** Seeds one engine's database, starts the server on it, and measures the three pages. */
async function benchEngine(engine: string) {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  let database: OpenedDatabase;
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'plenum-bench-moderation-'));
  if (engine === 'postgresql') {
    const admin = new pg.Client({ connectionString: adminUrl(DATABASE_URL), connectionTimeoutMillis: 5000 });
    admin.on('error', () => {});
    try {
      await admin.connect();
    } catch (error) {
      await admin.end().catch(() => {});
      await fs.rm(dataDir, { recursive: true, force: true });
      return { skipped: `PostgreSQL unreachable: ${(error as Error).message}` };
    }
    const name = `plenum_bench_${newId()}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = withDatabase(DATABASE_URL, name);
    database = await openDatabase({ url });
    env = { DATABASE_URL: url, DATA_DIR: dataDir, KEYS_DIR: `${dataDir}/keys` };
    cleanup = async () => {
      const c = new pg.Client({ connectionString: adminUrl(DATABASE_URL) });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
      await fs.rm(dataDir, { recursive: true, force: true });
    };
  } else {
    database = await openDatabase({ dataDir });
    env = { DATABASE_URL: '', DATA_DIR: dataDir, KEYS_DIR: `${dataDir}/keys` };
    cleanup = () => fs.rm(dataDir, { recursive: true, force: true });
  }
  try {
    await applyMigrations(database.sql, await readMigrations());
    let start = performance.now();
    const seeded = await seed(database);
    const seedSeconds = round1((performance.now() - start) / 1000);
    console.error(`${engine}: seeded in ${seedSeconds} s`);
    await database.close();
    const server = await startServer(env);
    try {
      const cookie = await logIn(server.url);
      const queue = await measure(server.url, cookie, [`/p/${SLUG}/moderation/queue`]);
      console.error(`${engine}: queue page ${JSON.stringify(queue)}`);
      const search = (q: string) => `/p/${SLUG}/amendments/search?q=${encodeURIComponent(q)}`;
      const searchFew = await measure(server.url, cookie, RARE.map(search));
      const searchMany = await measure(server.url, cookie, ['transports', 'vivienda', 'library budget'].map(search));
      const reference = await measure(server.url, cookie, ['/']);
      start = performance.now();
      return { seedSeconds, qualified: seeded.qualified, queue, searchFew, searchMany, reference };
    } finally {
      await server.stop();
    }
  } finally {
    await cleanup();
  }
}

const cpus = os.cpus();
const results: Record<string, Awaited<ReturnType<typeof benchEngine>>> = {};
for (const engine of ENGINES) results[engine] = await benchEngine(engine);

console.log(
  `node ${process.version}, ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? '?'}), load ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`,
);
console.log(
  `${AMENDMENTS} amendments, ${COMMENTS} comments; ${REQUESTS} requests per page, one at a time, after ${WARMUP}`,
);
let met = true;
for (const [engine, r] of Object.entries(results)) {
  if ('skipped' in r) {
    console.log(`${engine}: skipped (${r.skipped})`);
    continue;
  }
  console.log(`${engine}: seeded in ${r.seedSeconds} s (${r.qualified} qualified)`);
  const line = (what: string, m: Measured) => {
    const ok = m.p99Ms < GOAL_P99_MS && m.statements <= GOAL_STATEMENTS;
    if (what !== 'reference') met &&= ok;
    console.log(
      `  ${what}: p50 ${m.p50Ms} ms, p99 ${m.p99Ms} ms, ${m.statements} statements, ${m.bytes} bytes; ` +
        `p50 ratio to the reference ${round1(m.p50Ms / r.reference.p50Ms)}${what === 'reference' ? '' : ok ? ' (goal met)' : ' (goal NOT met)'}`,
    );
  };
  line('queue page', r.queue);
  line('search, rare words', r.searchFew);
  line('search, common words', r.searchMany);
  line('reference', r.reference);
}
console.log(`goals (p99 < ${GOAL_P99_MS} ms, <= ${GOAL_STATEMENTS} statements per page): ${met ? 'met' : 'NOT met'}`);
console.log(
  JSON.stringify({
    bench: 'moderation',
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus.length,
    amendments: AMENDMENTS,
    comments: COMMENTS,
    requests: REQUESTS,
    goalP99Ms: GOAL_P99_MS,
    goalStatements: GOAL_STATEMENTS,
    goalMet: met,
    engines: results,
  }),
);
