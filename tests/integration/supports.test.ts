import { describe, expect, it } from 'vitest';
import { encodeDocAsUpdate } from '../../app/modules/live-text/ydoc.ts';
import { getAmendment } from '../../app/modules/amendments/amendment-view.server.ts';
import { startAmendment, submitAmendment } from '../../app/modules/amendments/amendment-commands.server.ts';
import {
  expireOverdue,
  supportAmendment,
  supportsNeeded,
  withdrawSupport,
} from '../../app/modules/amendments/supports.server.ts';
import { IllegalTransitionError } from '../../app/modules/amendments/lifecycle.ts';
import { decideAdmissibility, moderationLog } from '../../app/modules/amendments/moderation.server.ts';
import { getProgramOutline } from '../../app/modules/programs/programs.server.ts';

import { db } from '../../app/utils/db.server.ts';
import { createMember } from '../factories/members.ts';
import { createTestProgram, doc } from '../factories/programs.ts';
import { setupTestDatabase } from '../setup/database.ts';
import { liveDocumentName } from '../../app/modules/live-text/names.ts';
import { ForbiddenError } from '../../app/utils/domain-errors.ts';

setupTestDatabase();

const DAY = 24 * 3600_000;

/** A submitted amendment in a program with the given support rule. */
async function submitted(rule: { supportRule?: 'ABSOLUTE' | 'ACTIVE_SHARE'; supportValue?: number } = {}) {
  const { id: programId, slug } = await createTestProgram({ shape: [1], phase: 'AMENDING' });
  await db().program.update({
    where: { id: programId },
    data: { supportRule: rule.supportRule ?? 'ABSOLUTE', supportValue: rule.supportValue ?? 2, supportDays: 14 },
  });
  const sectionId = (await getProgramOutline(null, slug)).chapters[0]!.sections[0]!.id;
  const author = await createMember();
  const id = await startAmendment({
    actor: author,
    slug,
    sectionId,
    kind: 'CHANGE',
    title: 'Plus de justice',
    justification: 'Parce que c’est juste.',
  });
  const name = liveDocumentName.amendment(id);
  await db().collabDocument.create({ data: { name, snapshot: Buffer.from(encodeDocAsUpdate(doc('Autre texte.'))) } });
  await submitAmendment({ actor: author, id });
  return { id, slug, author };
}

describe('support thresholds', () => {
  it('computes the supports needed from a number or a share of active members, rounded up, at least one', () => {
    expect(supportsNeeded('ABSOLUTE', 10, null)).toBe(10);
    expect(supportsNeeded('ACTIVE_SHARE', 2, 600)).toBe(12);
    expect(supportsNeeded('ACTIVE_SHARE', 2, 601)).toBe(13);
    expect(supportsNeeded('ACTIVE_SHARE', 5, 0)).toBe(1);
    expect(supportsNeeded('ACTIVE_SHARE', 10, 30)).toBe(3);
  });

  it('fixes a share of the members active in the window at submission, and shows what it came from', async () => {
    // Three members signed in recently, two long ago (inactive accounts do not count: Podemos' lesson).
    const recent = await Promise.all([createMember(), createMember(), createMember()]);
    for (const m of recent) await db().member.update({ where: { id: m.id }, data: { lastActiveAt: new Date() } });
    for (let i = 0; i < 2; i++) {
      const old = await createMember();
      await db().member.update({ where: { id: old.id }, data: { lastActiveAt: new Date(Date.now() - 90 * DAY) } });
    }
    const active = await db().member.count({ where: { lastActiveAt: { gte: new Date(Date.now() - 30 * DAY) } } });
    const { id, slug } = await submitted({ supportRule: 'ACTIVE_SHARE', supportValue: 50 });
    const { supports } = await getAmendment(null, slug, id);
    expect(supports).toMatchObject({
      rule: 'ACTIVE_SHARE',
      value: 50,
      activeDays: 30,
      denominator: active,
      needed: Math.ceil(active / 2),
      count: 0,
    });
    expect(supports!.deadline!.getTime() - supports!.countedAt!.getTime()).toBe(14 * DAY);
  });
});

describe('supporting', () => {
  it('counts one support per member, not the authors’, and qualifies the amendment at the threshold', async () => {
    const { id, slug, author } = await submitted({ supportValue: 2 });
    const [a, b] = [await createMember(), await createMember()];
    await expect(supportAmendment({ actor: author, id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(supportAmendment({ actor: null, id })).rejects.toBeInstanceOf(ForbiddenError);
    await supportAmendment({ actor: a, id });
    await supportAmendment({ actor: a, id });
    expect((await getAmendment(a, slug, id)).supports).toMatchObject({ count: 1, mine: true });
    await withdrawSupport({ actor: a, id });
    expect((await getAmendment(a, slug, id)).supports).toMatchObject({ count: 0, mine: false });
    await supportAmendment({ actor: a, id });
    await supportAmendment({ actor: b, id });
    const qualified = await getAmendment(null, slug, id);
    expect(qualified.amendment.status).toBe('QUALIFIED');
    expect(qualified.supports).toMatchObject({ count: 2, needed: 2 });
    expect(qualified.supports!.qualifiedAt).toBeInstanceOf(Date);
    expect(await db().auditEvent.count({ where: { targetId: id, action: 'amendment.qualified' } })).toBe(1);
  });

  it('expires an amendment whose deadline passed short of the threshold, and refuses late supports', async () => {
    const { id, slug } = await submitted({ supportValue: 5 });
    const member = await createMember();
    await supportAmendment({ actor: member, id });
    const late = new Date(Date.now() + 15 * DAY);
    await expect(supportAmendment({ actor: await createMember(), id, now: late })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(withdrawSupport({ actor: member, id, now: late })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await expireOverdue(new Date(Date.now() + 1000))).toBe(0);
    expect(await expireOverdue(late)).toBeGreaterThanOrEqual(1);
    expect((await getAmendment(null, slug, id)).amendment.status).toBe('EXPIRED');
    const event = await db().auditEvent.findFirstOrThrow({ where: { targetId: id, action: 'amendment.expired' } });
    expect(event.data).toEqual({ supports: 1, needed: 5 });
  });

  it('counts exactly under a rush: twenty members at once, a threshold of ten', async () => {
    const { id, slug } = await submitted({ supportValue: 10 });
    const members = await Promise.all(Array.from({ length: 20 }, () => createMember()));
    await Promise.all(members.map((m) => supportAmendment({ actor: m, id })));
    const after = await getAmendment(null, slug, id);
    expect(after.supports!.count).toBe(20);
    expect(after.amendment.status).toBe('QUALIFIED');
    expect(await db().auditEvent.count({ where: { targetId: id, action: 'amendment.qualified' } })).toBe(1);
  });
});

describe('moderators’ decisions', () => {
  it('declares a qualified amendment admissible or not, with a public reason listed in the moderation log', async () => {
    const moderator = await createMember({ role: 'MODERATOR' });
    const { id, slug } = await submitted({ supportValue: 1 });
    await expect(
      decideAdmissibility({ actor: moderator, id, admissible: true, reason: 'Too early' }),
    ).rejects.toBeInstanceOf(IllegalTransitionError);
    await supportAmendment({ actor: await createMember(), id });
    const member = await createMember();
    await expect(decideAdmissibility({ actor: member, id, admissible: true, reason: 'Me' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await decideAdmissibility({ actor: moderator, id, admissible: false, reason: 'Contraire aux statuts, art. 3' });
    expect((await getAmendment(null, slug, id)).amendment.status).toBe('INADMISSIBLE');
    await expect(
      decideAdmissibility({ actor: moderator, id, admissible: true, reason: 'Changed my mind' }),
    ).rejects.toBeInstanceOf(IllegalTransitionError);
    expect(await moderationLog(null, slug)).toEqual([
      expect.objectContaining({
        decision: 'INADMISSIBLE',
        amendmentId: id,
        amendmentTitle: 'Plus de justice',
        by: moderator.displayName,
        reason: 'Contraire aux statuts, art. 3',
      }),
    ]);
  });
});
