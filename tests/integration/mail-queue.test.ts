import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  queueCallToVote,
  renderRoundMails,
  reminderStopPage,
  scheduleReminder,
  sendRoundMails,
  stopReminders,
} from '../../app/modules/mailing/call-to-vote.server.ts';
import { backoffMs, claimBatch, drainMailQueue, type DrainOptions } from '../../app/modules/mailing/queue.server.ts';
import { castBallot } from '../../app/modules/voting/ballots.server.ts';
import { appConfig, setAppConfig } from '../../app/utils/config.server.ts';
import { db } from '../../app/utils/db.server.ts';
import { startSmtp, type TestSmtp } from '../factories/smtp.ts';
import { admissibleAmendment, manyMembers, roundOn, votingProgram } from '../factories/voting.ts';
import { setupTestDatabase } from '../setup/database.ts';

setupTestDatabase();
let smtp: TestSmtp;

/** Quick settings: no wait between retries beyond what a test asks, a short lease. */
const FAST: DrainOptions = { batchSize: 10, ratePerSecond: 1000, retryBaseMs: 60_000, maxAttempts: 3, leaseMs: 60_000 };

beforeAll(async () => {
  smtp = await startSmtp();
  setAppConfig({ ...appConfig(), smtpUrl: smtp.url });
});
afterAll(async () => {
  await smtp.stop();
});
beforeEach(async () => {
  // Each test reads only its own round's mails: earlier rounds are closed and their queue emptied.
  await db().mailMessage.deleteMany({});
  await db().votingRound.updateMany({ where: { status: 'OPEN' }, data: { status: 'CLOSED' } });
  smtp.received.length = 0;
  smtp.refuseWith = null;
});

/** A round open now on one amendment, its census (every verified member so far), and their addresses. */
async function openRound() {
  const ctx = await votingProgram();
  const amendment = await admissibleAmendment(ctx.slug, ctx.sections[0]!, 'Free trains for all.', 'Free trains');
  const roundId = await roundOn(ctx, [amendment.id], { title: 'Spring vote' });
  const census = await db().censusEntry.findMany({ where: { roundId }, select: { memberId: true } });
  const members = await db().member.findMany({
    where: { id: { in: census.map((c) => c.memberId!) } },
    select: { id: true, email: true },
  });
  const question = await db().roundQuestion.findFirstOrThrow({ where: { roundId } });
  return { ...ctx, roundId, members, questionId: question.id };
}

const later = (ms: number) => () => new Date(Date.now() + ms);
const addresses = (kind: 'Call to vote' | 'Reminder') =>
  smtp.received
    .filter((m) => m.subject.startsWith(kind) || m.subject.startsWith(kind === 'Reminder' ? 'Rappel' : 'Appel'))
    .map((m) => m.to)
    .sort();

describe('the call to vote', () => {
  it('reaches every census member once, with the questions and the closing time, when the round opens', async () => {
    const { roundId, members } = await openRound();
    // The opening queued it (openRound, after its commit): one row per census member.
    expect(await db().mailMessage.count({ where: { roundId, kind: 'ROUND_CALL' } })).toBe(members.length);
    const report = await drainMailQueue(renderRoundMails, FAST);
    expect(report.sent).toBe(members.length);
    expect(smtp.received.map((m) => m.to).sort()).toEqual(members.map((m) => m.email).sort());
    const mail = smtp.received[0]!;
    expect(mail.body).toContain('Free trains');
    expect(mail.body).toContain('(UTC)');
    expect(mail.body).toMatch(/http:\/\/plenum\.test\/p\/[^/]+\/rounds\//);
    expect(mail.body).toMatch(/http:\/\/plenum\.test\/reminders\/stop\?r=/);
    expect(mail.messageId).toMatch(/^<[0-9a-f]{32}@plenum\.test>$/);
    // Nothing is queued or sent a second time: not by a second call, not by another drain.
    expect(await queueCallToVote(roundId)).toBe(0);
    expect((await drainMailQueue(renderRoundMails, FAST)).sent).toBe(0);
    expect(smtp.received).toHaveLength(members.length);
  });

  it("is written in each member's language, each mail with its member's own stop link", async () => {
    await manyMembers(3);
    const { members } = await openRound();
    const subjects = {
      fr: 'Appel au vote : Spring vote',
      en: 'Call to vote: Spring vote',
      es: 'Convocatoria a votar: Spring vote',
    };
    const languages = ['fr', 'en', 'es'] as const;
    const languageOf = (i: number) => languages[i % languages.length]!;
    const saved = await db().member.findMany({ where: { id: { in: members.map((m) => m.id) } } });
    for (const [i, m] of members.entries()) {
      await db().member.update({ where: { id: m.id }, data: { locale: languageOf(i) } });
    }
    // One batch holds every language: the words are written once per language, the links once per member.
    await drainMailQueue(renderRoundMails, { ...FAST, batchSize: members.length });
    for (const [i, m] of members.entries()) {
      const mail = smtp.received.find((r) => r.to === m.email)!;
      expect(mail.subject).toBe(subjects[languageOf(i)]);
      const link = new URL(mail.body.match(/http:\/\/plenum\.test\/reminders\/stop\?\S+/)![0]);
      expect(link.searchParams.get('m')).toBe(m.id);
      const params = { r: link.searchParams.get('r')!, m: m.id, s: link.searchParams.get('s')! };
      expect((await reminderStopPage(params)).title).toBe('Spring vote');
    }
    // Later tests read the mails of these members in their first language.
    for (const m of saved) await db().member.update({ where: { id: m.id }, data: { locale: m.locale } });
  });

  it('is sent in batches: a claim takes at most its batch, and two claims never take the same mail', async () => {
    const { roundId } = await openRound();
    const total = await db().mailMessage.count({ where: { roundId } });
    expect(total).toBeGreaterThanOrEqual(4);
    const [first, second] = [await claimBatch(2, 60_000), await claimBatch(2, 60_000)];
    expect(first).toHaveLength(2);
    expect(second).toHaveLength(2);
    expect(new Set([...first, ...second].map((r) => r.id)).size).toBe(4);
    expect(await db().mailMessage.count({ where: { roundId, status: 'SENDING' } })).toBe(4);
  });
});

describe('reminders', () => {
  it('reach only the census members who have not voted and did not stop them', async () => {
    const ctx = await openRound();
    await drainMailQueue(renderRoundMails, FAST);
    const voters = ctx.members.slice(0, Math.floor(ctx.members.length / 2));
    for (const m of voters) {
      await castBallot({
        actor: { id: m.id, role: 'MEMBER' },
        roundId: ctx.roundId,
        answers: { [ctx.questionId]: 'YES' },
      });
    }
    // One of the others stops the reminders with the link of the call to vote.
    const stopper = ctx.members.at(-1)!;
    const call = smtp.received.find((m) => m.to === stopper.email)!;
    const link = new URL(call.body.match(/http:\/\/plenum\.test\/reminders\/stop\?\S+/)![0]);
    const params = { r: link.searchParams.get('r')!, m: link.searchParams.get('m')!, s: link.searchParams.get('s')! };
    expect(await stopReminders(params)).toBe(true);

    smtp.received.length = 0;
    await scheduleReminder({ actor: ctx.moderator, roundId: ctx.roundId, sendAt: null });
    await sendRoundMails(FAST);
    const expected = ctx.members.filter((m) => !voters.includes(m) && m !== stopper).map((m) => m.email);
    expect(expected.length).toBeGreaterThan(0);
    expect(addresses('Reminder')).toEqual(expected.sort());
    expect(smtp.received[0]!.body).toContain('not voted yet');
    // The progress view's counts.
    const counts = await db().mailMessage.groupBy({
      by: ['kind', 'status'],
      where: { roundId: ctx.roundId },
      _count: true,
    });
    expect(counts.find((c) => c.kind === 'ROUND_REMINDER' && c.status === 'SENT')?._count).toBe(expected.length);
  });

  it('skip a member who votes between the queueing and the sending', async () => {
    const ctx = await openRound();
    await db().mailMessage.deleteMany({});
    await scheduleReminder({ actor: ctx.moderator, roundId: ctx.roundId, sendAt: null });
    await sendRoundMails({ ...FAST, batchSize: 0 + 1, budgetMs: 0 }); // queues, sends nothing yet
    const late = ctx.members[0]!;
    await castBallot({
      actor: { id: late.id, role: 'MEMBER' },
      roundId: ctx.roundId,
      answers: { [ctx.questionId]: 'NO' },
    });
    await drainMailQueue(renderRoundMails, FAST);
    expect(smtp.received.map((m) => m.to)).not.toContain(late.email);
    expect(await db().mailMessage.findFirst({ where: { memberId: late.id, kind: 'ROUND_REMINDER' } })).toMatchObject({
      status: 'SKIPPED',
      error: 'voted',
    });
  });

  it('are scheduled by moderators only, before the close, a few at most', async () => {
    const ctx = await openRound();
    const member = { id: ctx.members[0]!.id, role: 'MEMBER' as const };
    await expect(scheduleReminder({ actor: member, roundId: ctx.roundId, sendAt: null })).rejects.toMatchObject({
      kind: 'forbidden',
    });
    await expect(
      scheduleReminder({ actor: ctx.moderator, roundId: ctx.roundId, sendAt: new Date(Date.now() + 7200_000) }),
    ).rejects.toMatchObject({ key: 'mailing.errors.afterClose' });
    for (let i = 0; i < 5; i++) await scheduleReminder({ actor: ctx.moderator, roundId: ctx.roundId, sendAt: null });
    await expect(scheduleReminder({ actor: ctx.moderator, roundId: ctx.roundId, sendAt: null })).rejects.toMatchObject({
      key: 'mailing.errors.tooMany',
    });
  });
});

describe('the stop-reminders link', () => {
  it('shows its button without changing anything, and refuses a forged signature', async () => {
    const ctx = await openRound();
    await drainMailQueue(renderRoundMails, FAST);
    const link = new URL(smtp.received[0]!.body.match(/http:\/\/plenum\.test\/reminders\/stop\?\S+/)![0]);
    const params = { r: link.searchParams.get('r')!, m: link.searchParams.get('m')!, s: link.searchParams.get('s')! };
    // The round's title, with its program's language, which the page marks when it is not the reader's (ADR 0038).
    expect(await reminderStopPage(params)).toEqual({ title: 'Spring vote', language: 'fr' });
    expect(await db().reminderStop.count({ where: { roundId: ctx.roundId } })).toBe(0);
    const other = ctx.members.find((m) => m.id !== params.m)!;
    expect(await reminderStopPage({ ...params, m: other.id })).toEqual({ title: null, language: null });
    expect(await stopReminders({ ...params, m: other.id })).toBe(false);
    expect(await stopReminders({ ...params, s: params.s.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) })).toBe(false);
    expect(await db().reminderStop.count({ where: { roundId: ctx.roundId } })).toBe(0);
  });
});

describe('faults', () => {
  it('SMTP down during a call: the queue waits, then resumes; nothing lost, nothing sent twice', async () => {
    const { members } = await openRound();
    await smtp.stop();
    const down = await drainMailQueue(renderRoundMails, FAST);
    expect(down.sent).toBe(0);
    expect(down.retried).toBeGreaterThan(0);
    // The whole batch waits for its retry; the rest was never claimed.
    expect(await db().mailMessage.count({ where: { status: 'QUEUED' } })).toBe(members.length);
    expect(await db().mailMessage.count({ where: { status: 'FAILED' } })).toBe(0);
    await smtp.start();
    // Before its backoff, nothing is retried.
    expect((await drainMailQueue(renderRoundMails, FAST)).sent).toBe(members.length - down.retried);
    const resumed = await drainMailQueue(renderRoundMails, FAST, later(FAST.retryBaseMs + 1000));
    expect(resumed.sent).toBe(down.retried);
    const to = smtp.received.map((m) => m.to);
    expect(to.sort()).toEqual(members.map((m) => m.email).sort());
    expect(new Set(to).size).toBe(to.length);
  });

  it('retries a temporary refusal with doubling delays, and gives up after the last attempt', async () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(30, 1000)).toBe(3_600_000);
    const { roundId } = await openRound();
    smtp.refuseWith = 451;
    const options = { ...FAST, batchSize: 1000 };
    await drainMailQueue(renderRoundMails, options);
    const first = await db().mailMessage.findFirstOrThrow({ where: { roundId } });
    expect(first).toMatchObject({ status: 'QUEUED', attempts: 1, error: expect.stringMatching(/ 4\d\d$/) });
    const wait1 = first.nextAttemptAt.getTime() - Date.now();
    expect(wait1).toBeGreaterThan(FAST.retryBaseMs - 5000);
    await drainMailQueue(renderRoundMails, options, later(FAST.retryBaseMs + 1000));
    const second = await db().mailMessage.findFirstOrThrow({ where: { id: first.id } });
    expect(second.attempts).toBe(2);
    expect(second.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(2 * FAST.retryBaseMs);
    await drainMailQueue(renderRoundMails, options, later(10 * FAST.retryBaseMs));
    expect(await db().mailMessage.findFirstOrThrow({ where: { id: first.id } })).toMatchObject({
      status: 'FAILED',
      attempts: 3,
    });
    expect(smtp.received).toHaveLength(0);
  });

  it('a restart mid-queue: a batch claimed by a drainer that died is never sent again, the rest is sent once', async () => {
    const { members } = await openRound();
    // A drainer claims a batch, the SMTP server may have accepted it, and the process dies before marking it.
    const lost = await claimBatch(3, FAST.leaseMs);
    // Another drainer, while the claim holds, leaves it alone.
    await drainMailQueue(renderRoundMails, FAST);
    expect(smtp.received).toHaveLength(members.length - 3);
    // Once the claim lapsed, it is marked interrupted: at most once, never sent a second time.
    const after = await drainMailQueue(renderRoundMails, FAST, later(FAST.leaseMs + 1000));
    expect(after).toMatchObject({ interrupted: 3, sent: 0 });
    expect(await db().mailMessage.count({ where: { id: { in: lost.map((r) => r.id) }, status: 'FAILED' } })).toBe(3);
    const lostTo = members.filter((m) => lost.some((r) => r.memberId === m.id)).map((m) => m.email);
    expect(lostTo).toHaveLength(3);
    for (const to of lostTo) expect(smtp.received.map((m) => m.to)).not.toContain(to);
    expect(new Set(smtp.received.map((m) => m.to)).size).toBe(members.length - 3);
  });

  it('a stop asked while a batch is sent: that batch is marked, the next one waits untried, then goes once', async () => {
    const { members } = await openRound();
    const batchSize = 3;
    expect(members.length).toBeGreaterThan(2 * batchSize);
    // The server shuts down (graceful stop) once the SMTP server has accepted a first mail.
    const stopped = await drainMailQueue(renderRoundMails, {
      ...FAST,
      batchSize,
      stopping: () => smtp.received.length > 0,
    });
    expect(stopped.sent).toBe(batchSize);
    expect(smtp.received).toHaveLength(batchSize);
    // Nothing is left claimed: the rest waits in the queue, due at once, with no attempt counted.
    expect(await db().mailMessage.count({ where: { status: 'SENDING' } })).toBe(0);
    const waiting = await db().mailMessage.findMany({ where: { status: 'QUEUED' } });
    expect(waiting).toHaveLength(members.length - batchSize);
    expect(waiting.every((m) => m.attempts === 0 && m.nextAttemptAt <= new Date())).toBe(true);
    // The next run sends each of them once.
    expect((await drainMailQueue(renderRoundMails, FAST)).sent).toBe(members.length - batchSize);
    expect(smtp.received.map((m) => m.to).sort()).toEqual(members.map((m) => m.email).sort());
  });

  it('two drainers side by side never send the same mail', async () => {
    const { members } = await openRound();
    const [a, b] = await Promise.all([
      drainMailQueue(renderRoundMails, { ...FAST, batchSize: 3 }),
      drainMailQueue(renderRoundMails, { ...FAST, batchSize: 3 }),
    ]);
    expect(a.sent + b.sent).toBe(members.length);
    const to = smtp.received.map((m) => m.to);
    expect(new Set(to).size).toBe(members.length);
    expect(to).toHaveLength(members.length);
  });
});

describe('turnout over time', () => {
  it('counts first ballots per hour, never a second ballot, and nothing per member', async () => {
    const ctx = await openRound();
    const [a, b] = ctx.members;
    for (const m of [a!, b!, a!]) {
      await castBallot({
        actor: { id: m.id, role: 'MEMBER' },
        roundId: ctx.roundId,
        answers: { [ctx.questionId]: 'YES' },
      });
    }
    const rows = await db().turnoutCount.findMany({ where: { roundId: ctx.roundId } });
    expect(new Set(rows.map((r) => r.hour.getTime())).size).toBe(1);
    expect(rows.reduce((sum, r) => sum + r.voters, 0)).toBe(2);
    expect(rows[0]!.hour.getTime() % 3_600_000).toBe(0);
  });
});

describe('the queue’s backlog on /metrics', () => {
  it('counts the mails still to send and how long the oldest has waited, and falls to zero once they are sent', async () => {
    const { mailBacklog } = await import('../../app/modules/mailing/queue.server.ts');
    const { metrics, setMetricSources } = await import('../../app/utils/metrics.server.ts');
    setMetricSources({ mailQueue: mailBacklog });
    const scrape = async () => {
      const text = await metrics().registry.metrics();
      const value = (name: string) => Number(text.match(new RegExp(`^${name}\\{[^}]*\\} (\\S+)$`, 'm'))?.[1]);
      return {
        pending: value('plenum_mail_queue_pending'),
        oldest: value('plenum_mail_queue_oldest_pending_seconds'),
      };
    };
    expect(await scrape()).toEqual({ pending: 0, oldest: 0 });
    const { roundId, members } = await openRound();
    // Queued a minute and a half ago (as if the SMTP server had been down since): the operator sees it.
    await db().$executeRaw`
      UPDATE "MailMessage" SET "queuedAt" = LOCALTIMESTAMP - interval '90 seconds' WHERE "roundId" = ${roundId}`;
    const waiting = await scrape();
    expect(waiting.pending).toBe(members.length);
    expect(waiting.oldest).toBeGreaterThanOrEqual(90);
    expect(waiting.oldest).toBeLessThan(90 + 60);
    // A mail being sent is still pending (here its sender stops at once: its lease lapses, it is given up).
    await claimBatch(1, 0);
    expect((await scrape()).pending).toBe(members.length);
    await drainMailQueue(renderRoundMails, FAST);
    expect(smtp.received).toHaveLength(members.length - 1);
    expect(await scrape()).toEqual({ pending: 0, oldest: 0 });
  });
});
