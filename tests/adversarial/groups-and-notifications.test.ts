import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../app/i18n/index.ts';
import { launchBrowser } from '../e2e/support/browser.ts';
import { sectionIds } from '../e2e/support/collab.ts';
import { logInAs } from '../e2e/support/session.ts';
import {
  amendingProgram,
  DEMO as PROGRAM,
  demoSessions,
  draftAmendment,
  type DemoSession,
} from '../e2e/support/scenarios.ts';
import { DEMO, postForm, startTarget, underAttack, type Target } from './support/target.ts';

// Attacks through local groups and a member's own pages (issue 15): qualifying one's own amendment through the
// group one coordinates, and a suspended member walking through every page and form they can still reach.
let target: Target;
let session: DemoSession;
let groupId = '';
let amendmentPath = '';

const statusOf = (html: string) => /data-testid="amendment-status">([^<]*)</.exec(html)?.[1];

beforeAll(async () => {
  target = await startTarget();
  session = await demoSessions(target);
  // Amendments qualify by the endorsement of every validated group (Camille's will be the only one).
  await amendingProgram(session, { rule: 'GROUP_SHARE', value: 100, reason: 'Les groupes décident' });
  const group = await session.post('/groups', 'camille', {
    name: 'Cercle de l’autrice',
    area: 'Paris 11e',
    description: 'Le groupe que Camille coordonne.',
  });
  groupId = group.split('/').pop()!;
  await session.post(group, 'moderation', { decision: 'validate', reason: 'Groupe réel et local' });
  const [section] = await sectionIds(target.url);
  const id = await draftAmendment(target, session, 'camille', section!, {
    title: 'Un amendement de l’autrice',
    justification: 'Camille voudrait le qualifier seule.',
    text: 'Les transports publics sont gratuits le dimanche.',
  });
  amendmentPath = `/p/${PROGRAM}/amendments/${id}`;
  await session.post(amendmentPath, 'camille', { intent: 'submit' });
});
afterAll(async () => {
  await target?.stop();
});

describe('qualifying one’s own amendment through one’s group', () => {
  it('refuses the endorsement of an author who coordinates a validated group, and offers none', async () => {
    const camille = session.cookies.get('camille')!;
    const page = await (await fetch(`${target.url}${amendmentPath}`, { headers: { cookie: camille } })).text();
    expect(statusOf(page)).toBe(t('fr', 'amendments.status.SUBMITTED'));
    // Her page offers her group no endorsement of her own text...
    expect(page).not.toContain(`value="${groupId}"`);
    // ...and the form sent anyway is refused, with the reason, in her language.
    const res = await underAttack(target, () =>
      postForm(target, amendmentPath, new URLSearchParams({ intent: 'endorse', groupId }), { cookie: camille }),
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(t('fr', 'groups.errors.ownAmendment'));
    const after = await (await fetch(`${target.url}${amendmentPath}`)).text();
    expect(statusOf(after)).toBe(t('fr', 'amendments.status.SUBMITTED'));
    expect(after).not.toContain('Cercle de l’autrice');
  });
});

describe('a group’s page in a browser', () => {
  it('hydrates without an error, for a visitor, a member who may join and a member who may leave', async () => {
    const browser = await launchBrowser({ locale: 'en-GB' });
    try {
      const errors: string[] = [];
      const visit = async (who: string) => {
        const page = await browser.newPage();
        page.on('console', (m) => (m.type() === 'error' ? errors.push(`${who}: ${m.text()}`) : undefined));
        page.on('pageerror', (e) => errors.push(`${who}: ${e.message}`));
        return page;
      };
      const visitor = await visit('visitor');
      await visitor.goto(`${target.url}/groups/${groupId}`, { waitUntil: 'networkidle' });
      await visitor.getByRole('heading', { name: 'Cercle de l’autrice' }).waitFor();
      await visitor.close();
      for (const [email, name, button] of [
        [DEMO.member3, 'Yanis Benali', 'Join the group'],
        [DEMO.member, 'Camille Martin', 'Leave the group'],
      ] as const) {
        const page = await visit(name);
        await logInAs(page, target.url, email, target.logins.get(email)!, name);
        await page.goto(`${target.url}/groups/${groupId}`, { waitUntil: 'networkidle' });
        await page.getByRole('button', { name: button, exact: true }).waitFor();
        // Hydration is over once the router is there and the page has settled.
        await page.waitForFunction(() => 'remixRouter' in window || '__remixRouter' in window);
        await page.waitForTimeout(500);
        await page.context().clearCookies();
        await page.close();
      }
      expect(errors).toEqual([]);
    } finally {
      await browser.cleanup();
    }
  });
});

describe('a suspended member', () => {
  it('is told their account is suspended wherever they are refused, and never gets the error page', async () => {
    // An administrator suspends Yanis from the members page; he stays signed in.
    const admin = await target.cookieOf(DEMO.admin);
    const list = await (await fetch(`${target.url}/admin/members`, { headers: { cookie: admin } })).text();
    const memberId = new RegExp(
      `data-member-email="${DEMO.member3}"[\\s\\S]*?name="memberId" value="([a-z2-7]{16})"`,
    ).exec(list)![1]!;
    const reason = 'Propos injurieux';
    const suspend = await postForm(
      target,
      '/admin/members',
      new URLSearchParams({ intent: 'suspend', memberId, reason }),
      {
        cookie: admin,
      },
    );
    expect(suspend.status).toBe(302);
    const cookie = session.cookies.get('yanis')!;
    const [section] = await sectionIds(target.url);

    const pages = [
      '/',
      '/notifications',
      '/account',
      '/groups',
      `/groups/${groupId}`,
      `/p/${PROGRAM}`,
      `/p/${PROGRAM}/amendments`,
      amendmentPath,
      `/p/${PROGRAM}/sections/${section}`,
      `/p/${PROGRAM}/amend/${section}`,
      `/p/${PROGRAM}/settings`,
      `/p/${PROGRAM}/structure`,
      `/p/${PROGRAM}/moderation/queue`,
      `/p/${PROGRAM}/rounds/new`,
      '/programs/new',
      '/admin/members',
    ];
    const forms: [string, Record<string, string>][] = [
      ...['digestOn', 'digestOff', 'votesOn', 'votesOff', 'open', 'markAll'].map(
        (intent) => ['/notifications', { intent, id: 'aaaaaaaaaaaaaaaa' }] as [string, Record<string, string>],
      ),
      ...['support', 'unsupport', 'endorse', 'comment', 'report', 'acceptInvite', 'invite', 'submit', 'withdraw'].map(
        (intent) =>
          [
            amendmentPath,
            {
              intent,
              groupId,
              body: 'Un commentaire',
              commentId: 'aaaaaaaaaaaaaaaa',
              reason: 'Une raison',
              email: DEMO.member2,
            },
          ] as [string, Record<string, string>],
      ),
      ['/groups', { name: 'Un autre groupe', area: 'Lyon', description: 'Un groupe de plus, pour voir.' }],
      [`/groups/${groupId}`, { intent: 'join' }],
      [`/p/${PROGRAM}/amend/${section}`, { kind: 'CHANGE', title: 'Un titre', justification: 'Une justification.' }],
      ['/programs/new', { title: 'Un programme', slug: 'un-programme' }],
    ];
    const answers = await underAttack(target, async () => {
      const seen: { what: string; status: number; body: string }[] = [];
      for (const path of pages) {
        const res = await fetch(`${target.url}${path}`, { headers: { cookie }, redirect: 'manual' });
        seen.push({ what: `GET ${path}`, status: res.status, body: await res.text() });
      }
      for (const [path, fields] of forms) {
        const res = await postForm(target, path, new URLSearchParams(fields), { cookie });
        seen.push({ what: `POST ${path} ${fields.intent ?? ''}`, status: res.status, body: await res.text() });
      }
      return seen;
    });
    const notice = t('fr', 'account.suspended', { reason });
    const refused = answers.filter((a) => a.status === 403);
    expect(answers.find((a) => a.what === 'GET /notifications')?.status).toBe(403);
    expect(refused.length).toBeGreaterThan(10);
    for (const answer of refused) {
      expect(answer.body, answer.what).toContain(t('fr', 'error.suspended.title'));
      // A page says why, from the account; a refused form (no page data after it) says what is still possible.
      expect(answer.body, answer.what).toContain(
        answer.what.startsWith('GET') ? notice : t('fr', 'error.suspended.body'),
      );
    }
    for (const answer of answers) expect(answer.status, answer.what).toBeLessThan(500);
  });
});
