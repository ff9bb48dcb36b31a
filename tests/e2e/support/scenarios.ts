import { expect } from 'vitest';
import { appendParagraph, connectClient, eventually, sectionIds, sessionCookie } from './collab.ts';
import type { TestServer } from './server.ts';

/**
 * Scenario builders: the demo program brought to a given point over HTTP and the sync socket only (no browser),
 * so that journeys start where their story does instead of copying the steps before it. Each step asserts it
 * went through. The browser journeys of the same steps are amendments.test.ts and voting.test.ts.
 */

export const DEMO = 'programme-2027';
export const DRAFTED = 'Le seuil du référendum local est abaissé à 2 % des inscrits.';
export type Who = 'moderation' | 'camille' | 'lucia' | 'yanis';
/** A link a member writes at the end of a drafted paragraph. */
export type DraftLink = { text: string; href: string };

/** A `datetime-local` value in UTC (to send with an offset of 0), `minutes` from now. */
export const utcMinute = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString().slice(0, 16);

/** The demo's four accounts (or those named) signed in over HTTP, and a way to post forms as each of them. */
export async function demoSessions(
  server: TestServer,
  people: readonly Who[] = ['moderation', 'camille', 'lucia', 'yanis'],
) {
  const cookies = new Map<Who, string>();
  for (const who of people) {
    const email = `${who}@plenum.localhost`;
    cookies.set(who, await sessionCookie(server.url, email, server.logins.get(email)!));
  }
  /** Posts a form as `who` (to a path of the server, or a full address); returns the redirect's location. */
  const post = async (path: string, who: Who, fields: Record<string, string>, expected = 302) => {
    const res = await fetch(path.startsWith('http') ? path : `${server.url}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, cookie: cookies.get(who)! },
      body: new URLSearchParams(fields).toString(),
    });
    await res.arrayBuffer();
    expect(res.status, `POST ${path} as ${who}`).toBe(expected);
    return res.headers.get('location') ?? '';
  };
  return { cookies, post };
}

export type DemoSession = Awaited<ReturnType<typeof demoSessions>>;

/** The demo's moderator alone, signed in over HTTP, posting forms like `demoSessions`. */
export function moderatorSession(server: TestServer): Promise<DemoSession> {
  return demoSessions(server, ['moderation']);
}

/** The rule amendments qualify by, as the program's settings form takes it. */
export interface SupportRule {
  rule?: 'ABSOLUTE' | 'GROUP_SHARE';
  /** Supports (ABSOLUTE) or percent of validated groups (GROUP_SHARE); 1 by default. */
  value?: number;
  days?: number;
  reason?: string;
}

/**
 * The moderator opens the demo program's amendment phase, its draft public, under `rule` (1 support, 14 days);
 * `settings` adds other fields of the settings form (e.g. `censusRule`).
 */
export async function amendingProgram(
  session: Pick<DemoSession, 'post'>,
  rule: SupportRule = {},
  settings: Record<string, string> = {},
) {
  await session.post(`/p/${DEMO}/settings`, 'moderation', {
    ...settings,
    phase: 'AMENDING',
    draftIsPublic: 'on',
    supportRule: rule.rule ?? 'ABSOLUTE',
    supportValue: String(rule.value ?? 1),
    supportDays: String(rule.days ?? 14),
    reason: rule.reason ?? 'Amendments open',
  });
}

/** Starts an amendment to a section as `who` and writes `text` into its live draft; returns its id. */
export async function draftAmendment(
  server: TestServer,
  session: DemoSession,
  who: Who,
  sectionId: string,
  draft: { title: string; justification: string; text: string; link?: DraftLink },
) {
  const location = await session.post(`/p/${DEMO}/amend/${sectionId}`, who, {
    kind: 'CHANGE',
    title: draft.title,
    justification: draft.justification,
  });
  const amendmentId = location.split('/').pop()!;
  const writer = connectClient(server.url, `amendment:${amendmentId}`, session.cookies.get(who));
  const reader = connectClient(server.url, `amendment:${amendmentId}`, session.cookies.get(who));
  try {
    await writer.synced;
    appendParagraph(writer.doc, draft.text, draft.link);
    await reader.synced;
    await eventually(() => reader.text().includes(draft.text), 10_000, 'the draft to be stored and relayed');
  } finally {
    writer.destroy();
    reader.destroy();
  }
  return amendmentId;
}

/**
 * Part 1 of the process on the demo program: amendments open (one support needed), Camille's amendment to the
 * first section drafted, submitted, supported by Lucía and declared admissible.
 */
export async function prepareAdmissibleAmendment(
  server: TestServer,
  options: { link?: DraftLink; settings?: Record<string, string> } = {},
) {
  const session = await demoSessions(server);
  const { post } = session;
  const sections = await sectionIds(server.url);
  await amendingProgram(session, {}, options.settings);
  const amendmentId = await draftAmendment(server, session, 'camille', sections[0]!, {
    title: 'Un RIC plus accessible',
    justification: '500 000 signatures, c’est trop pour une initiative locale.',
    text: DRAFTED,
    link: options.link,
  });
  const amendmentPath = `/p/${DEMO}/amendments/${amendmentId}`;
  await post(amendmentPath, 'camille', { intent: 'submit' });
  await post(amendmentPath, 'lucia', { intent: 'support' });
  await post(amendmentPath, 'moderation', { intent: 'admissible', reason: 'Conforme aux statuts' });
  return { ...session, sections, amendmentId };
}

/**
 * The new-round form of a round open since two minutes ago for a day, simple majority, Schulze, census of today's
 * members: add its `amendmentIds`.
 */
export function roundForm(title: string, explanation: string): Record<string, string> {
  return {
    title,
    explanation,
    opensAt: utcMinute(-2),
    opensAtOffset: '0',
    closesAt: utcMinute(24 * 60),
    closesAtOffset: '0',
    quorumPercent: '0',
    majority: '1/2',
    method: 'SCHULZE',
    censusJoinedBefore: new Date().toISOString().slice(0, 10),
  };
}

export async function prepareVotedRound(server: TestServer, options: { link?: DraftLink } = {}) {
  const { cookies, post, sections, amendmentId } = await prepareAdmissibleAmendment(server, options);

  const roundLocation = await post(`/p/${DEMO}/rounds/new`, 'moderation', {
    ...roundForm('Amendements au chapitre 1', 'Un vote par amendement recevable.'),
    amendmentIds: amendmentId,
  });
  const roundId = roundLocation.split('/').pop()!;
  const ballotPath = `/p/${DEMO}/rounds/${roundId}/ballot`;
  for (const [who, answer] of [
    ['camille', 'YES'],
    ['lucia', 'NO'],
    ['yanis', 'YES'],
  ] as const) {
    const html = await (await fetch(`${server.url}${ballotPath}`, { headers: { cookie: cookies.get(who)! } })).text();
    const question = /name="q\.([a-z2-7]{16})"/.exec(html)?.[1];
    expect(question, `the ballot paper of ${who}`).toBeTruthy();
    // The ballot page answers with the receipt (200), not a redirect.
    await post(ballotPath, who, { [`q.${question}`]: answer }, 200);
  }

  return {
    cookies,
    post,
    sections,
    amendmentId,
    roundId,
    /** The moderator moves the closing time to now: the round is counted at once. */
    close: () =>
      post(`/p/${DEMO}/rounds/${roundId}`, 'moderation', {
        closesAt: utcMinute(0),
        closesAtOffset: '0',
        reason: 'Fin de la démonstration',
      }),
  };
}
