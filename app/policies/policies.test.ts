import { describe, expect, it } from 'vitest';
import { canChangeRole, canListMembers } from './member.ts';
import { amendmentAbilities, canReadAmendment } from './amendment.ts';
import { canReadRound } from './round.ts';
import {
  canEditDraft,
  canKnowProgram,
  canManageProgram,
  canReadDraft,
  canShapeProgram,
  programAbilities,
} from './program.ts';

const admin = { id: 'a', role: 'ADMIN' as const };
const moderator = { id: 'm', role: 'MODERATOR' as const };
const member = { id: 'u', role: 'MEMBER' as const };
const drafting = {
  phase: 'DRAFTING' as const,
  draftIsPublic: true,
  draftingAccess: 'ALL_MEMBERS' as const,
  actorIsDrafter: false,
};
const namedOnly = { ...drafting, draftingAccess: 'NAMED_DRAFTERS' as const };

describe('program policies', () => {
  it('opens a public draft to everyone and a closed one to members only', () => {
    expect(canReadDraft(null, drafting)).toBe(true);
    expect(canReadDraft(null, { ...drafting, draftIsPublic: false })).toBe(false);
    expect(canReadDraft(member, { ...drafting, draftIsPublic: false })).toBe(true);
  });

  it('opens a PUBLISHED program to everyone, closed draft or not', () => {
    expect(canReadDraft(null, { phase: 'PUBLISHED', draftIsPublic: false })).toBe(true);
  });

  it('hides a program from the public while its draft is closed and nothing is published', () => {
    const closed = { phase: 'AMENDING' as const, draftIsPublic: false };
    expect(canKnowProgram(null, { ...closed, published: false })).toBe(false);
    expect(canKnowProgram(member, { ...closed, published: false })).toBe(true);
    expect(canKnowProgram(null, { ...closed, published: true })).toBe(true);
    expect(canKnowProgram(null, { ...closed, draftIsPublic: true, published: false })).toBe(true);
  });

  it('lets members write only while the program is being drafted', () => {
    expect(canEditDraft(member, drafting)).toBe(true);
    expect(canEditDraft(null, drafting)).toBe(false);
    for (const phase of ['AMENDING', 'VOTING', 'PUBLISHED'] as const)
      expect(canEditDraft(admin, { ...drafting, phase })).toBe(false);
  });

  it('gives the running of the process to moderators and admins', () => {
    expect([null, member, moderator, admin].map((a) => canManageProgram(a, drafting))).toEqual([
      false,
      false,
      true,
      true,
    ]);
    expect(programAbilities(member, { ...drafting, phase: 'AMENDING' })).toEqual({
      readDraft: true,
      editDraft: false,
      proposeAmendment: true,
      manage: false,
      shape: false,
    });
  });

  it('lets only the named drafters (and moderators) write when the program names its drafters', () => {
    expect(canEditDraft(member, namedOnly)).toBe(false);
    expect(canEditDraft(member, { ...namedOnly, actorIsDrafter: true })).toBe(true);
    expect(canEditDraft(moderator, namedOnly)).toBe(true);
    expect(canEditDraft(null, { ...namedOnly, actorIsDrafter: true })).toBe(false);
    expect(canEditDraft(member, { ...namedOnly, actorIsDrafter: true, phase: 'AMENDING' })).toBe(false);
  });

  it('gives the structure to moderators, and to named drafters while drafting', () => {
    expect(canShapeProgram(moderator, { ...drafting, phase: 'AMENDING' })).toBe(true);
    expect(canShapeProgram(member, drafting)).toBe(false);
    expect(canShapeProgram(member, { ...drafting, actorIsDrafter: true })).toBe(false);
    expect(canShapeProgram(member, { ...namedOnly, actorIsDrafter: true })).toBe(true);
    expect(canShapeProgram(member, { ...namedOnly, actorIsDrafter: true, phase: 'AMENDING' })).toBe(false);
    expect(canShapeProgram(null, { ...namedOnly, actorIsDrafter: true })).toBe(false);
  });
});

describe('member policies', () => {
  it('lets admins, and only admins, manage roles, never their own', () => {
    expect(canListMembers(admin)).toBe(true);
    expect(canListMembers(moderator)).toBe(false);
    expect(canChangeRole(admin, member, 'MODERATOR')).toBe(true);
    expect(canChangeRole(admin, admin, 'MEMBER')).toBe(false);
    expect(canChangeRole(moderator, member, 'MODERATOR')).toBe(false);
    expect(canChangeRole(null, member, 'ADMIN')).toBe(false);
  });
});

describe('amendment abilities', () => {
  const amending = { phase: 'AMENDING' as const, draftIsPublic: true };
  const now = new Date('2027-01-10T12:00:00Z');
  const qualified = {
    status: 'QUALIFIED' as const,
    actorIsAuthor: false,
    submitted: true,
    supportDeadline: new Date('2027-01-20T12:00:00Z'),
    needsUpdate: false,
    authors: 2,
  };

  it('offers a moderator the admissibility decision on a qualified amendment only, and merging while it stands', () => {
    expect(amendmentAbilities(moderator, amending, qualified, now)).toMatchObject({ decide: true, merge: true });
    expect(amendmentAbilities(moderator, amending, { ...qualified, status: 'SUBMITTED' }, now)).toMatchObject({
      decide: false,
      merge: true,
    });
    expect(amendmentAbilities(moderator, amending, { ...qualified, status: 'IN_VOTE' }, now)).toMatchObject({
      decide: false,
      merge: false,
    });
    expect(amendmentAbilities(member, amending, qualified, now)).toMatchObject({ decide: false, merge: false });
  });

  it('lets a member support until the deadline, never their own, and offers its authors their own actions', () => {
    expect(amendmentAbilities(member, amending, qualified, now).support).toBe(true);
    expect(amendmentAbilities(member, amending, qualified, new Date('2027-01-21T00:00:00Z')).support).toBe(false);
    expect(amendmentAbilities(null, amending, qualified, now).support).toBe(false);
    const mine = amendmentAbilities(member, amending, { ...qualified, actorIsAuthor: true }, now);
    expect(mine).toMatchObject({ support: false, withdraw: true, edit: false, leave: false });
    const draft = amendmentAbilities(member, amending, { ...qualified, actorIsAuthor: true, status: 'DRAFT' }, now);
    expect(draft).toMatchObject({ edit: true, invite: true, leave: true, withdraw: true });
  });
});

describe('the public record (issue 17, item 9)', () => {
  const closedDraft = { phase: 'VOTING' as const, draftIsPublic: false };

  it('shows a closed round to the public once the program is known, before PUBLISHED', () => {
    expect(canReadRound(null, { ...closedDraft, published: true }, { status: 'CLOSED' })).toBe(true);
    expect(canReadRound(null, { ...closedDraft, published: true }, { status: 'OPEN' })).toBe(false);
    expect(canReadRound(null, { ...closedDraft, published: false }, { status: 'CLOSED' })).toBe(false);
    expect(canReadRound(member, { ...closedDraft, published: false }, { status: 'OPEN' })).toBe(true);
  });

  it('opens an amendment a published version includes to the public, and no other', () => {
    const applied = { status: 'APPLIED' as const, actorIsAuthor: false, submitted: true };
    expect(canReadAmendment(null, closedDraft, { ...applied, inPublishedVersion: true })).toBe(true);
    expect(canReadAmendment(null, closedDraft, { ...applied, inPublishedVersion: false })).toBe(false);
    expect(canReadAmendment(null, closedDraft, { ...applied, submitted: false, inPublishedVersion: true })).toBe(false);
  });
});
