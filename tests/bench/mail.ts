/**
 * bench:mail — the mail queue (ADR 0028) against references measured in the same run, on the same machine:
 *
 * 1. Queueing the call to vote of a round whose census holds BENCH_CENSUS members (100,000): queueCallToVote, one
 *    INSERT ... SELECT from the census; against a plain INSERT ... SELECT of as many rows of the same shape into a
 *    scratch table. Goal: 100,000 invitations queued in <= 30 s.
 * 2. Sending the first BENCH_MAILS (5,000) of those queued mails, the whole census's queue due at once, to a real
 *    SMTP server on the loopback (the npm package smtp-server): drainMailQueue (claim a batch of BENCH_BATCH (100)
 *    among them all, write each mail in its member's language, send through a pool of BENCH_POOL (4) connections,
 *    the SMTP_URL's maxConnections, mark the batch) at an unlimited rate; against sendMail sending the same number
 *    of mails straight to the same server through the same transport and pool, without any queue. Goal: >= 200
 *    mails/s through the queue.
 *
 * On PostgreSQL (a fresh database `plenum_bench_<random>` on BENCH_DATABASE_URL's server, default
 * postgresql://postgres@127.0.0.1:5432/, dropped at the end) and on PGlite (in memory): BENCH_ENGINES
 * ("postgresql,pglite"). Ends with one line of JSON holding every figure.
 */
import os from 'node:os';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { queueCallToVote, renderRoundMails } from '../../app/modules/mailing/call-to-vote.server.ts';
import { drainMailQueue } from '../../app/modules/mailing/queue.server.ts';
import { createRound } from '../../app/modules/voting/rounds.server.ts';
import { openRound } from '../../app/modules/voting/round-opening.server.ts';
import { setAppConfig } from '../../app/utils/config.server.ts';
import { db, setDatabase } from '../../app/utils/db.server.ts';
import { newId } from '../../app/utils/ids.ts';
import { sendMail, type Mail } from '../../app/utils/mail.server.ts';
import { setLogLevel } from '../../app/utils/logger.server.ts';
import { applyMigrations, readMigrations } from '../../server/database/migrate.ts';
import { openDatabase, type OpenedDatabase } from '../../server/database/open.ts';
import { admissibleAmendment, votingProgram } from '../factories/voting.ts';
import { withDatabase } from '../setup/global-setup.ts';
import { adminUrl } from '../setup/paths.ts';

type Engine = 'postgresql' | 'pglite';
const CENSUS = Number(process.env.BENCH_CENSUS || 100_000);
const MAILS = Number(process.env.BENCH_MAILS || 5000);
const BATCH = Number(process.env.BENCH_BATCH || 100);
const POOL = Number(process.env.BENCH_POOL || 4);
const ENGINES = (process.env.BENCH_ENGINES ?? 'postgresql,pglite').split(',').map((e) => e.trim()) as Engine[];
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/plenum';
const GOALS = { queueSeconds: 30, mailsPerSecond: 200 };
const r2 = (x: number) => Math.round(x * 100) / 100;

setLogLevel('warn');

/** A real SMTP server that counts what it accepts. */
async function smtpServer() {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 50,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function open(engine: Engine): Promise<{ database: OpenedDatabase; drop: () => Promise<void> }> {
  if (engine === 'pglite') {
    const database = await openDatabase({ pglite: await PGlite.create() });
    await applyMigrations(database.sql, await readMigrations());
    return { database, drop: async () => {} };
  }
  const name = `plenum_bench_${newId()}`;
  const admin = new pg.Client({ connectionString: adminUrl(DATABASE_URL) });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const database = await openDatabase({ url: withDatabase(DATABASE_URL, name) });
  await applyMigrations(database.sql, await readMigrations());
  return {
    database,
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl(DATABASE_URL) });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

async function measure(engine: Engine, smtp: Awaited<ReturnType<typeof smtpServer>>) {
  const { database, drop } = await open(engine);
  setDatabase(database);
  try {
    // A round whose census is CENSUS verified members (inserted in SQL: their creation is not measured).
    const ctx = await votingProgram();
    const amendment = await admissibleAmendment(ctx.slug, ctx.sections[0]!, 'Free trains for all.', 'Free trains');
    const joined = new Date(Date.now() - 86_400_000);
    await db().$executeRaw`
      INSERT INTO "Member" (id, email, "displayName", "passwordHash", "emailVerifiedAt", "createdAt", locale)
      SELECT 'bench-' || i, 'voter.' || i || '@example.org', 'Voter ' || i, 'x', ${joined}, ${joined},
             (ARRAY['fr','en','es'])[1 + i % 3]
      FROM generate_series(1, ${CENSUS}) AS i`;
    const roundId = await createRound({
      actor: ctx.moderator,
      slug: ctx.slug,
      title: 'Bench vote',
      explanation: 'Vote.',
      opensAt: new Date(Date.now() + 60_000),
      closesAt: new Date(Date.now() + 3_600_000),
      quorumPercent: 0,
      majority: { numerator: 1, denominator: 2 },
      method: 'SCHULZE',
      censusJoinedBefore: new Date(),
      amendmentIds: [amendment.id],
    });
    // Opening (census frozen) queues the call; that first queueing is undone and measured alone.
    await openRound(roundId, new Date(Date.now() + 61_000));
    await db().mailMessage.deleteMany({});
    await db().roundMailing.deleteMany({});
    let started = performance.now();
    const queued = await queueCallToVote(roundId);
    const queueSeconds = (performance.now() - started) / 1000;
    await db().$executeRaw`CREATE TABLE bench_plain (id TEXT PRIMARY KEY, kind TEXT, "roundId" TEXT, "memberId" TEXT,
      status TEXT DEFAULT 'QUEUED', attempts INT DEFAULT 0, "nextAttemptAt" TIMESTAMP(3) DEFAULT now())`;
    started = performance.now();
    await db().$executeRaw`
      INSERT INTO bench_plain (id, kind, "roundId", "memberId")
      SELECT 'call:' || "roundId" || ':' || "memberId", 'ROUND_CALL', "roundId", "memberId"
      FROM "CensusEntry" WHERE "roundId" = ${roundId}`;
    const plainQueueSeconds = (performance.now() - started) / 1000;

    // Sending: the first MAILS of the whole census's queue, as after a round's opening, every call due at once (a
    // claim must find its batch among them all: the queue's depth is part of what is measured), a batch at a time.
    const before = smtp.received();
    started = performance.now();
    let sent = 0;
    while (sent < MAILS) {
      let batches = 0;
      const report = await drainMailQueue(renderRoundMails, {
        batchSize: Math.min(BATCH, MAILS - sent),
        ratePerSecond: 100_000,
        retryBaseMs: 30_000,
        maxAttempts: 8,
        leaseMs: 600_000,
        budgetMs: 600_000,
        stopping: () => batches++ > 0, // one batch: the run stops at MAILS, the rest of the queue left queued
      });
      if (!report.sent) break;
      sent += report.sent;
    }
    const queueSendSeconds = (performance.now() - started) / 1000;
    if (smtp.received() - before !== MAILS) throw new Error(`sent ${smtp.received() - before} of ${MAILS}`);

    // The reference: the same number of the same mails (a call to vote in each language, written beforehand)
    // straight through the same transport and pool (sendMail, pooled), 100 at a time, no queue: no claim, no
    // writing, no marking.
    const samples = await renderRoundMails(
      [1, 2, 3].map((i) => ({
        id: `sample-${i}`,
        kind: 'ROUND_CALL' as const,
        roundId,
        programId: null,
        memberId: `bench-${i}`,
        attempts: 1,
      })),
    );
    const written = [...samples.values()].filter((m): m is Mail => typeof m !== 'string');
    if (written.length !== 3) throw new Error('the sample mails could not be written');
    started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 100 }, async () => {
        while (next < MAILS) {
          const i = next++;
          await sendMail({ ...written[i % 3]!, to: `voter.${i}@example.org`, pooled: true });
        }
      }),
    );
    const directSeconds = (performance.now() - started) / 1000;
    const figures = {
      queued,
      queueSeconds: r2(queueSeconds),
      plainInsertSeconds: r2(plainQueueSeconds),
      queueVsPlainInsert: r2(queueSeconds / plainQueueSeconds),
      mails: MAILS,
      queueMailsPerSecond: Math.round(MAILS / queueSendSeconds),
      directMailsPerSecond: Math.round(MAILS / directSeconds),
      queueVsDirect: r2(directSeconds / queueSendSeconds),
      goals: {
        queue: queueSeconds * (100_000 / CENSUS) <= GOALS.queueSeconds,
        send: MAILS / queueSendSeconds >= GOALS.mailsPerSecond,
      },
    };
    console.log(`${engine}: ${JSON.stringify(figures)}`);
    return figures;
  } finally {
    await database.close();
    setDatabase(undefined);
    await drop();
  }
}

const smtp = await smtpServer();
setAppConfig({
  publicOrigin: 'http://plenum.test',
  outboxDir: os.tmpdir(),
  keysDir: `${os.tmpdir()}/plenum-bench-mail-keys-${newId()}`,
  smtpUrl: `${smtp.url}?maxConnections=${POOL}`,
  mailFrom: 'Plenum <no-reply@plenum.test>',
  secureCookies: false,
});
const results: Partial<Record<Engine, unknown>> = {};
try {
  for (const engine of ENGINES) results[engine] = await measure(engine, smtp);
} finally {
  await smtp.close();
}
console.log(
  JSON.stringify({
    bench: 'mail',
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, loadAverage: os.loadavg().map(r2) },
    settings: { census: CENSUS, mails: MAILS, batchSize: BATCH, poolConnections: POOL },
    goals: GOALS,
    ...results,
  }),
);
process.exit(0);
