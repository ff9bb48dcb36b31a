/**
 * bench:vote — the voting module under load, each figure beside an in-memory reference measured in the same run,
 * on the same machine, printed as a ratio:
 *
 * 1. Casting with one ballot per member enforced (castBallot: validation, tracking code, sealing, then the roll
 *    entry and the sealed ballot in one transaction), N voters plus 10% of them casting again, through a pool of
 *    32 concurrent casts; against the same casts, through the same pool, recorded in a plain Map keyed by member.
 *    Goal: >= 1,000 ballots/s on PostgreSQL.
 * 2. The tally of 500,000 yes/no/abstain ballots of a closed round, from the database to results
 *    (recountFromDatabase: GROUP BY the canonical answers, then tallyRound); against tallyRound over the same
 *    ballots already in memory. Goal: <= 0.5 s on PostgreSQL (PGlite shown for information). Then, no goal, the
 *    whole closeRound of a round of sealed ballots: opening them, counting, rewriting the board.
 * 3. Schulze and Dowdall over 100,000 ballots ranking up to 20 alternatives, counted as the close counts them
 *    (tallyRound); against a plain first-preference count of the same ballots. Goal: <= 1 s each.
 *
 * PGlite always; PostgreSQL on a fresh database `plenum_bench_<random>` created on BENCH_DATABASE_URL's server
 * (default postgresql://postgres@127.0.0.1:5432/), migrated, and dropped at the end; skipped when unreachable.
 * Ends with one line of JSON holding every figure.
 *
 * Environment: BENCH_VOTERS (voters casting, default 3,000 on PostgreSQL and 2,000 on PGlite),
 * BENCH_CONCURRENCY (32), BENCH_TALLY_BALLOTS (500,000), BENCH_CLOSE_BALLOTS (50,000), BENCH_RANKED_BALLOTS
 * (100,000), BENCH_ENGINES ("postgresql,pglite"), BENCH_DATABASE_URL.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { castBallot, sealedSize } from '../../app/modules/voting/ballots.server.ts';
import { recountFromDatabase } from '../../app/modules/voting/ballot-board.server.ts';
import { canonicalAnswers, newNonce, trackingCode } from '../../app/modules/voting/board.ts';
import { roundDefinition } from '../../app/modules/voting/definition.server.ts';
import { roundKey, seal, slotOf } from '../../app/modules/voting/keys.server.ts';
import { closeRound } from '../../app/modules/voting/round-closing.server.ts';
import { createRound } from '../../app/modules/voting/rounds.server.ts';
import { tallyRound } from '../../app/modules/voting/tally.ts';
import type {
  Answers,
  PreferentialMethod,
  Ranking,
  RoundDefinition,
  YesNoAnswer,
} from '../../app/modules/voting/types.ts';
import type { Actor } from '../../app/policies/actor.ts';
import { setAppConfig } from '../../app/utils/config.server.ts';
import { db, setDatabase } from '../../app/utils/db.server.ts';
import { newId } from '../../app/utils/ids.ts';
import { setLogLevel } from '../../app/utils/logger.server.ts';
import { applyMigrations, readMigrations } from '../../server/database/migrate.ts';
import { openDatabase, type OpenedDatabase } from '../../server/database/open.ts';
import { admissibleChange, manyMembers, votingProgram } from '../factories/voting.ts';
import { withDatabase } from '../setup/global-setup.ts';
import { adminUrl } from '../setup/paths.ts';

type Engine = 'postgresql' | 'pglite';

const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name] || fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number`);
  return Math.floor(value);
};
const VOTERS: Record<Engine, number> = {
  postgresql: envNumber('BENCH_VOTERS', 3000),
  pglite: envNumber('BENCH_VOTERS', 2000),
};
const CONCURRENCY = Math.max(1, envNumber('BENCH_CONCURRENCY', 32));
const TALLY_BALLOTS = envNumber('BENCH_TALLY_BALLOTS', 500_000);
const CLOSE_BALLOTS = envNumber('BENCH_CLOSE_BALLOTS', 50_000);
const RANKED_BALLOTS = envNumber('BENCH_RANKED_BALLOTS', 100_000);
const ENGINES = (process.env.BENCH_ENGINES ?? 'postgresql,pglite').split(',').map((e) => e.trim()) as Engine[];
const DATABASE_URL = process.env.BENCH_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/';
/** Voters whose casts warm the code and the connections up before the measure (not counted). */
const WARMUP_VOTERS = 64;
const RECAST_SHARE = 0.1;
const ALTERNATIVES = 20;
const GOALS = { castsPerSecondPostgres: 1000, tally500kSeconds: 0.5, preferentialSeconds: 1 };
const HOUR = 3_600_000;

// ---------------------------------------------------------------------------------------------------------------
// Helpers

/** mulberry32: a small seeded PRNG, so that two runs count the same ballots. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `work` over `items` with at most `concurrency` calls under way, in the items' order. */
async function runPool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<unknown>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Milliseconds of each of `runs` calls of `fn`, after `warmups` unmeasured ones. */
async function timeRuns(fn: () => unknown, runs: number, warmups = 1): Promise<number[]> {
  for (let i = 0; i < warmups; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

const r1 = (x: number) => Math.round(x * 10) / 10;
const r3 = (x: number) => Math.round(x * 1000) / 1000;
/** Milliseconds as seconds, to the tenth of a millisecond. */
const seconds4 = (ms: number) => Math.round(ms * 10) / 10_000;
/** Three significant digits (ratios far below 1 stay readable). */
const sig = (x: number) => Number(x.toPrecision(3));
const int = (x: number) => Math.round(x).toLocaleString('en-US');
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
const ANSWERS: YesNoAnswer[] = ['YES', 'NO', 'ABSTAIN'];

// ---------------------------------------------------------------------------------------------------------------
// Databases

interface BenchDatabase {
  database: OpenedDatabase;
  label: string;
  drop: () => Promise<void>;
}

async function openPglite(): Promise<BenchDatabase> {
  const database = await openDatabase({ pglite: await PGlite.create() });
  await applyMigrations(database.sql, await readMigrations());
  const [row] = await database.sql.query<{ server_version: string }>('SHOW server_version');
  const version = row?.server_version ?? '?';
  return { database, label: `PGlite (embedded, in memory; PostgreSQL ${version})`, drop: async () => {} };
}

/** A fresh database on the server, migrated as the tests migrate theirs; null (and why) when unreachable. */
async function openPostgres(): Promise<BenchDatabase | { skipped: string }> {
  const admin = new pg.Client({ connectionString: adminUrl(DATABASE_URL), connectionTimeoutMillis: 5000 });
  admin.on('error', () => {});
  try {
    await admin.connect();
  } catch (error) {
    await admin.end().catch(() => {});
    return { skipped: `PostgreSQL unreachable at ${redactUrl(DATABASE_URL)}: ${(error as Error).message}` };
  }
  const name = `plenum_bench_${newId()}`;
  let version = '';
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    version = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? '?';
  } finally {
    await admin.end();
  }
  const drop = async () => {
    const c = new pg.Client({ connectionString: adminUrl(DATABASE_URL) });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  };
  try {
    const database = await openDatabase({ url: withDatabase(DATABASE_URL, name) });
    try {
      await applyMigrations(database.sql, await readMigrations());
    } catch (error) {
      await database.close();
      throw error;
    }
    return { database, label: `PostgreSQL ${version} (fresh database ${name})`, drop };
  } catch (error) {
    await drop();
    throw error;
  }
}

function redactUrl(url: string) {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Casting

interface CastFigures {
  voters: number;
  casts: number;
  recasts: number;
  concurrency: number;
  seconds: number;
  ballotsPerSecond: number;
  referenceCastsPerSecond: number;
  ratio: number;
  rollEntries: number;
  storedBallots: number;
  oneBallotPerMember: boolean;
}

async function measureCasting(
  ctx: Awaited<ReturnType<typeof votingProgram>>,
  amendmentId: string,
  voterCount: number,
): Promise<CastFigures> {
  const members = await manyMembers(WARMUP_VOTERS + voterCount);
  const roundId = await createBenchRound(ctx, amendmentId, 'Casting');
  const definition = await roundDefinition(db(), roundId);
  const questionId = definition.questions[0]!.id;
  const random = prng(1);
  const answer = () => ({ [questionId]: ANSWERS[Math.floor(random() * 3)]! });

  type Cast = { voter: NonNullable<Actor>; answers: Answers };
  const warmup: Cast[] = members.slice(0, WARMUP_VOTERS).map((voter) => ({ voter, answers: answer() }));
  const voters = members.slice(WARMUP_VOTERS);
  const first: Cast[] = voters.map((voter) => ({ voter, answers: answer() }));
  // A tenth of the voters cast again (their second ballot replaces the first); queued after every first cast.
  const again: Cast[] = voters
    .filter((_, i) => i % Math.round(1 / RECAST_SHARE) === 0)
    .map((voter) => ({ voter, answers: answer() }));
  const casts = [...first, ...again];
  const cast = (c: Cast) => castBallot({ actor: c.voter, roundId, answers: c.answers, definition });

  await runPool(warmup, CONCURRENCY, cast);
  const start = performance.now();
  await runPool(casts, CONCURRENCY, cast);
  const seconds = (performance.now() - start) / 1000;

  // The reference: the same casts, through the same pool, recorded in a Map keyed by member (repeated for a
  // measurable time).
  const recorded = new Map<string, Answers>();
  const record = async (c: Cast) => void recorded.set(c.voter.id, c.answers);
  await runPool(casts, CONCURRENCY, record);
  let referenceCasts = 0;
  const referenceStart = performance.now();
  do {
    recorded.clear();
    await runPool(casts, CONCURRENCY, record);
    referenceCasts += casts.length;
  } while (performance.now() - referenceStart < 250);
  const referenceCastsPerSecond = referenceCasts / ((performance.now() - referenceStart) / 1000);

  const rollEntries = await db().voterRoll.count({ where: { roundId } });
  const storedBallots = await db().ballot.count({ where: { roundId } });
  const expected = WARMUP_VOTERS + voterCount;
  const ballotsPerSecond = casts.length / seconds;
  return {
    voters: voterCount,
    casts: casts.length,
    recasts: again.length,
    concurrency: CONCURRENCY,
    seconds: r3(seconds),
    ballotsPerSecond: Math.round(ballotsPerSecond),
    referenceCastsPerSecond: Math.round(referenceCastsPerSecond),
    ratio: sig(ballotsPerSecond / referenceCastsPerSecond),
    rollEntries,
    storedBallots,
    oneBallotPerMember: rollEntries === expected && storedBallots === expected && recorded.size === voterCount,
  };
}

async function createBenchRound(ctx: Awaited<ReturnType<typeof votingProgram>>, amendmentId: string, title: string) {
  return createRound({
    actor: ctx.moderator,
    slug: ctx.slug,
    title,
    explanation: 'bench:vote',
    opensAt: new Date(Date.now() - 1000),
    closesAt: new Date(Date.now() + HOUR),
    quorumPercent: 0,
    majority: { numerator: 1, denominator: 2 },
    method: 'SCHULZE',
    censusJoinedBefore: new Date(Date.now() - 1000),
    amendmentIds: [amendmentId],
  });
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Tally from the database, and the whole close

interface TallyFigures {
  ballots: number;
  insertSeconds: number;
  /** Median of the measured runs of recountFromDatabase, after one unmeasured run. */
  seconds: number;
  firstRunSeconds: number;
  runsSeconds: number[];
  referenceSeconds: number;
  ratio: number;
  sameResults: boolean;
  goalMet: boolean;
}

/** A CLOSED round of 3 yes/no questions and `count` board rows inserted by SQL; recounted from the database. */
async function measureTally(database: OpenedDatabase, programId: string, count: number): Promise<TallyFigures> {
  const roundId = newId();
  await database.sql.query(
    `INSERT INTO "VotingRound" (id, "programId", number, title, explanation, "opensAt", "closesAt", status,
       "quorumPercent", method, "censusJoinedBefore", "censusSize", "openedAt", "closedAt")
     VALUES ($1, $2, 1000, 'Tally', 'bench:vote', now() - interval '2 days', now() - interval '1 day',
       'CLOSED'::"RoundStatus", 0, 'SCHULZE'::"PreferentialMethod", now() - interval '3 days', $3,
       now() - interval '2 days', now() - interval '1 day')`,
    [roundId, programId, Math.ceil(count * 1.2)],
  );
  await database.sql.query(
    `INSERT INTO "RoundQuestion" (id, "roundId", position, kind, title, "amendmentId")
     SELECT $1::text || '-q' || p, $1::text, p, 'YES_NO'::"QuestionKind", 'Question ' || (p + 1), 'bench-' || p
     FROM generate_series(0, 2) AS p`,
    [roundId],
  );
  const definition = await roundDefinition(db(), roundId);
  // The 27 possible ballots, as canonicalAnswers writes them on the board.
  const combos: Answers[] = [];
  for (const a of ANSWERS)
    for (const b of ANSWERS)
      for (const c of ANSWERS)
        combos.push(Object.fromEntries(definition.questions.map((q, i) => [q.id, [a, b, c][i]!])));
  const canonical = combos.map((answers) => canonicalAnswers(definition, answers));
  const random = prng(2);
  const choices = Array.from({ length: count }, () => Math.floor(random() * combos.length));

  const insertStart = performance.now();
  const BATCH = 100_000;
  for (let offset = 0; offset < count; offset += BATCH) {
    await database.sql.query(
      `INSERT INTO "Ballot" (id, "roundId", code, nonce, answers)
       SELECT $1::text || '-' || t.i, $1::text,
              substr(t.s, 1, 4) || '-' || substr(t.s, 5, 4) || '-' || substr(t.s, 9, 4) || '-' || substr(t.s, 13, 4),
              substr(md5($1::text || t.i), 1, 22), ($2::text[])[t.k + 1]
       FROM (SELECT u.k, u.n + $4::int AS i, lpad((u.n + $4::int)::text, 16, '0') AS s
             FROM unnest($3::int[]) WITH ORDINALITY AS u(k, n)) AS t`,
      [roundId, canonical, choices.slice(offset, offset + BATCH), offset],
    );
  }
  await database.sql.query('ANALYZE "Ballot"');
  const insertSeconds = (performance.now() - insertStart) / 1000;

  let recounted: Awaited<ReturnType<typeof recountFromDatabase>> | undefined;
  const [first, ...runs] = await timeRuns(async () => (recounted = await recountFromDatabase(roundId)), 4, 0);
  // The reference: the same ballots, already parsed, in memory.
  const inMemory = choices.map((k) => ({ answers: { ...combos[k]! } }));
  let reference: ReturnType<typeof tallyRound> | undefined;
  const referenceRuns = await timeRuns(() => (reference = tallyRound(definition, inMemory)), 5);
  const seconds = median(runs) / 1000;
  const referenceSeconds = median(referenceRuns) / 1000;
  return {
    ballots: count,
    insertSeconds: r1(insertSeconds),
    seconds: seconds4(seconds * 1000),
    firstRunSeconds: seconds4(first!),
    runsSeconds: runs.map(seconds4),
    referenceSeconds: seconds4(referenceSeconds * 1000),
    ratio: sig(seconds / referenceSeconds),
    sameResults: JSON.stringify(recounted) === JSON.stringify(reference),
    goalMet: seconds <= GOALS.tally500kSeconds,
  };
}

interface CloseFigures {
  ballots: number;
  prepareSeconds: number;
  seconds: number;
  ballotsPerSecond: number;
  counted: number;
  boardRows: number;
}

/** An open round holding `count` sealed ballots, written as castBallot writes them, then closed by closeRound. */
async function measureClose(
  database: OpenedDatabase,
  ctx: Awaited<ReturnType<typeof votingProgram>>,
  amendmentId: string,
  count: number,
): Promise<CloseFigures> {
  const roundId = await createBenchRound(ctx, amendmentId, 'Close');
  const definition = await roundDefinition(db(), roundId);
  const questionId = definition.questions[0]!.id;
  const key = await roundKey(roundId);
  const size = sealedSize(definition);
  const random = prng(3);
  const prepareStart = performance.now();
  const BATCH = 5000;
  for (let offset = 0; offset < count; offset += BATCH) {
    const ids: string[] = [];
    const slots: string[] = [];
    const sealed: string[] = [];
    for (let i = offset; i < Math.min(count, offset + BATCH); i++) {
      const canonical = canonicalAnswers(definition, { [questionId]: ANSWERS[Math.floor(random() * 3)]! });
      const nonce = newNonce();
      const code = trackingCode(roundId, canonical, nonce);
      ids.push(newId());
      slots.push(slotOf(key, `bench-voter-${i}`));
      sealed.push(seal(key, JSON.stringify({ answers: canonical, nonce, code }), size).toString('hex'));
    }
    await database.sql.query(
      `INSERT INTO "Ballot" (id, "roundId", slot, sealed)
       SELECT u.id, $1::text, u.slot, decode(u.sealed, 'hex')
       FROM unnest($2::text[], $3::text[], $4::text[]) AS u(id, slot, sealed)`,
      [roundId, ids, slots, sealed],
    );
  }
  const prepareSeconds = (performance.now() - prepareStart) / 1000;

  const start = performance.now();
  await closeRound(roundId, new Date(Date.now() + 2 * HOUR));
  const seconds = (performance.now() - start) / 1000;
  const round = await db().votingRound.findUniqueOrThrow({ where: { id: roundId }, select: { results: true } });
  const boardRows = await db().ballot.count({ where: { roundId, code: { not: null } } });
  return {
    ballots: count,
    prepareSeconds: r1(prepareSeconds),
    seconds: r3(seconds),
    ballotsPerSecond: Math.round(count / seconds),
    counted: (round.results as { ballots?: number } | null)?.ballots ?? -1,
    boardRows,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// One engine: casting, close, tally

interface EngineFigures {
  database: string;
  cast: CastFigures & { goalMet?: boolean };
  close: CloseFigures | null;
  tally: TallyFigures | null;
}

async function measureEngine(engine: Engine, bench: BenchDatabase): Promise<EngineFigures> {
  setDatabase(bench.database);
  const ctx = await votingProgram();
  const castAmendment = await admissibleChange(ctx, 'under 26', 'under 30', 'Up to 30');
  const closeAmendment = await admissibleChange(ctx, 'every region', 'every city', 'Cities', 1);
  const label = engine === 'postgresql' ? 'PostgreSQL' : 'PGlite';
  console.log(`\n${bench.label}`);

  const cast: EngineFigures['cast'] = await measureCasting(ctx, castAmendment.id, VOTERS[engine]);
  if (engine === 'postgresql') cast.goalMet = cast.ballotsPerSecond >= GOALS.castsPerSecondPostgres;
  console.log(
    `  casting: ${int(cast.casts)} casts (${int(cast.voters)} voters + ${int(cast.recasts)} casting again), ` +
      `${cast.concurrency} at a time: ${int(cast.ballotsPerSecond)} ballots/s (${cast.seconds} s)`,
  );
  console.log(
    `    reference, same casts into an in-memory Map: ${int(cast.referenceCastsPerSecond)} casts/s; ` +
      `ratio ${cast.ratio}` +
      (engine === 'postgresql'
        ? `; goal >= ${int(GOALS.castsPerSecondPostgres)} ballots/s on PostgreSQL: ${verdict(cast.goalMet!)}`
        : ' (the goal is set for PostgreSQL)'),
  );
  console.log(
    `    one ballot per member: ${int(cast.rollEntries)} roll entries, ${int(cast.storedBallots)} ballots for ` +
      `${int(cast.voters + WARMUP_VOTERS)} members (${WARMUP_VOTERS} warm-up): ${cast.oneBallotPerMember ? 'ok' : 'WRONG'}`,
  );

  let close: CloseFigures | null = null;
  if (CLOSE_BALLOTS) {
    close = await measureClose(bench.database, ctx, closeAmendment.id, CLOSE_BALLOTS);
    console.log(
      `  close (closeRound: open the sealed ballots, count, rewrite the board) of ${int(close.ballots)} sealed ` +
        `ballots: ${close.seconds} s, ${int(close.ballotsPerSecond)} ballots/s (no goal; ${int(close.counted)} ` +
        `counted, ${int(close.boardRows)} on the board)`,
    );
  }

  let tally: TallyFigures | null = null;
  if (TALLY_BALLOTS) {
    tally = await measureTally(bench.database, ctx.programId, TALLY_BALLOTS);
    console.log(
      `  tally of ${int(tally.ballots)} yes/no/abstain ballots (3 questions) from the database ` +
        `(recountFromDatabase): ${tally.seconds} s (median of ${tally.runsSeconds.length}; first run ` +
        `${tally.firstRunSeconds} s; rows inserted in ${tally.insertSeconds} s)`,
    );
    console.log(
      `    reference, tallyRound over the same ballots in memory: ${tally.referenceSeconds} s; ratio ${tally.ratio}; ` +
        `same results: ${tally.sameResults ? 'yes' : 'NO'}; goal <= ${GOALS.tally500kSeconds} s` +
        `${engine === 'postgresql' ? '' : ` (set for PostgreSQL; ${label} shown for information)`}: ` +
        verdict(tally.goalMet),
    );
  }
  return { database: bench.label, cast, close, tally };
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Preferential counts

interface PreferentialFigures {
  ballots: number;
  alternatives: number;
  fullRankings: number;
  meanRanked: number;
  referenceSeconds: number;
  methods: Record<string, { seconds: number; runsSeconds: number[]; ratio: number; winner: string; goalMet: boolean }>;
}

async function measurePreferential(count: number): Promise<PreferentialFigures> {
  const alternatives = ['keep', ...Array.from({ length: ALTERNATIVES - 1 }, (_, i) => `a${i + 1}`)];
  const random = prng(4);
  let full = 0;
  let ranked = 0;
  const rankings: Ranking[] = [];
  for (let b = 0; b < count; b++) {
    const order = [...alternatives];
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    // Half the ballots rank every alternative; the others rank from 1 to 19 of them.
    const length = random() < 0.5 ? ALTERNATIVES : 1 + Math.floor(random() * (ALTERNATIVES - 1));
    if (length === ALTERNATIVES) full++;
    ranked += length;
    rankings.push(order.slice(0, length).map((id) => [id]));
  }
  const definition = (method: PreferentialMethod): RoundDefinition => ({
    id: 'bench',
    title: 'bench',
    censusSize: count,
    quorumPercent: 0,
    questions: [
      {
        id: 'q',
        kind: 'PREFERENTIAL',
        title: 'bench',
        method,
        alternatives: alternatives.map((id) => ({ id, label: id })),
      },
    ],
  });
  const ballots = rankings.map((ranking) => ({ answers: { q: ranking } as Answers }));

  // The reference: a plain count of first preferences over the same ballots.
  const index = new Map(alternatives.map((id, i) => [id, i]));
  const firstCount = () => {
    const counts = new Array<number>(alternatives.length).fill(0);
    for (const ballot of ballots) {
      const first = (ballot.answers.q as Ranking)[0]?.[0];
      if (first !== undefined) counts[index.get(first)!]!++;
    }
    return counts;
  };
  const referenceSeconds = median(await timeRuns(firstCount, 7, 2)) / 1000;

  const methods: PreferentialFigures['methods'] = {};
  for (const method of ['SCHULZE', 'DOWDALL'] as const) {
    const def = definition(method);
    let winner = '';
    const runs = await timeRuns(() => {
      const result = tallyRound(def, ballots).questions[0]!;
      winner = result.kind === 'PREFERENTIAL' ? (result.winner ?? '') : '';
    }, 3);
    const seconds = median(runs) / 1000;
    methods[method] = {
      seconds: seconds4(seconds * 1000),
      runsSeconds: runs.map(seconds4),
      ratio: sig(seconds / referenceSeconds),
      winner,
      goalMet: seconds <= GOALS.preferentialSeconds,
    };
  }
  return {
    ballots: count,
    alternatives: ALTERNATIVES,
    fullRankings: full,
    meanRanked: r1(ranked / count),
    referenceSeconds: Math.round(referenceSeconds * 1e6) / 1e6,
    methods,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Main

const started = performance.now();
setLogLevel('warn');
const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'plenum-bench-vote-'));
setAppConfig({
  publicOrigin: 'http://plenum.bench',
  outboxDir: path.join(scratch, 'outbox'),
  keysDir: path.join(scratch, 'keys'),
  mailFrom: 'Plenum <no-reply@plenum.bench>',
  secureCookies: false,
});
const machine = {
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model.trim() ?? '?',
  memoryGiB: r1(os.totalmem() / 2 ** 30),
  loadAverageAtStart: os.loadavg().map(r1),
};
const engines: Partial<Record<Engine, EngineFigures | { skipped: string }>> = {};

try {
  console.log(
    `bench:vote — ${machine.cpus} cores (${machine.cpuModel}), Node ${machine.node}, load average ` +
      `${machine.loadAverageAtStart.join(' ')} at start; casting ${CONCURRENCY} at a time`,
  );
  for (const engine of (['postgresql', 'pglite'] as const).filter((e) => ENGINES.includes(e))) {
    const opened = engine === 'pglite' ? await openPglite() : await openPostgres();
    if ('skipped' in opened) {
      engines[engine] = opened;
      console.log(`\nPostgreSQL: skipped (${opened.skipped})`);
      continue;
    }
    try {
      engines[engine] = await measureEngine(engine, opened);
    } finally {
      setDatabase(undefined);
      await opened.database.close();
      await opened.drop();
    }
  }

  let preferential: PreferentialFigures | null = null;
  if (RANKED_BALLOTS) {
    preferential = await measurePreferential(RANKED_BALLOTS);
    console.log(
      `\npreferential: ${int(preferential.ballots)} ballots ranking ${preferential.alternatives} alternatives ` +
        `(${int(preferential.fullRankings)} full rankings, ${preferential.meanRanked} ranked on average), ` +
        `counted by tallyRound`,
    );
    for (const [method, m] of Object.entries(preferential.methods)) {
      console.log(
        `  ${method}: ${m.seconds} s (median of ${m.runsSeconds.length}) vs first-preference count ` +
          `${r3(preferential.referenceSeconds * 1000)} ms: ratio ${m.ratio}; goal <= ${GOALS.preferentialSeconds} s: ` +
          verdict(m.goalMet),
      );
    }
  }

  const totalSeconds = r1((performance.now() - started) / 1000);
  const loadAverageAtEnd = os.loadavg().map(r1);
  console.log(`\ntotal ${totalSeconds} s; load average ${loadAverageAtEnd.join(' ')} at the end`);
  console.log(
    JSON.stringify({
      bench: 'vote',
      date: new Date().toISOString(),
      machine: { ...machine, loadAverageAtEnd },
      settings: {
        concurrency: CONCURRENCY,
        warmupVoters: WARMUP_VOTERS,
        recastShare: RECAST_SHARE,
        tallyBallots: TALLY_BALLOTS,
        closeBallots: CLOSE_BALLOTS,
        rankedBallots: RANKED_BALLOTS,
      },
      goals: GOALS,
      postgresql: engines.postgresql ?? null,
      pglite: engines.pglite ?? null,
      preferential,
      totalSeconds,
    }),
  );
} finally {
  await fs.rm(scratch, { recursive: true, force: true });
}
