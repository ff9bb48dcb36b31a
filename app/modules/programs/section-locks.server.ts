import { enforce, type Actor } from '~/policies/actor.ts';
import { canManageProgram } from '~/policies/program.ts';
import { db } from '~/utils/db.server.ts';
import { recordAudit } from '../audit/audit.server.ts';
import { lastValidText, readLiveTextChecked, writeLiveText } from '~/modules/live-text/live-text.server.ts';
import { liveDocumentName } from '~/modules/live-text/names.ts';
import { loadProgramFacts } from './programs.server.ts';
import { sectionOf, StructureError } from './structure.server.ts';

/**
 * A moderator's hold on a section's text, whatever the phase: lock it (nobody writes it), unlock it, or restore
 * its last valid state. Not the program's shape (structure.server.ts): the section stays where it is.
 */

/**
 * Locks a section (moderators): nobody writes its text until it is unlocked, whatever the phase; open editors
 * turn read-only within seconds. The reason is shown on the section and kept in the audit trail.
 */
export async function lockSection(props: { actor: Actor; sectionId: string; reason: string }) {
  await db().$transaction(async (tx) => {
    const section = await sectionOf(tx, props.sectionId);
    const program = await loadProgramFacts(tx, props.actor, { id: section.chapter.programId });
    enforce(canManageProgram(props.actor, program), props.actor, 'program.manage');
    if (section.lockedAt) return;
    await tx.section.update({ where: { id: section.id }, data: { lockedAt: new Date(), lockReason: props.reason } });
    await recordAudit(tx, {
      actorId: props.actor?.id ?? null,
      action: 'section.locked',
      targetType: 'Section',
      targetId: section.id,
      reason: props.reason,
    });
  });
}

/** Unlocks a section (moderators): its text follows the draft's rules again. */
export async function unlockSection(props: { actor: Actor; sectionId: string }) {
  await db().$transaction(async (tx) => {
    const section = await sectionOf(tx, props.sectionId);
    const program = await loadProgramFacts(tx, props.actor, { id: section.chapter.programId });
    enforce(canManageProgram(props.actor, program), props.actor, 'program.manage');
    if (!section.lockedAt) return;
    // A vote's lock lifts itself at the close: nobody may reopen the text while members vote on it.
    const underVote = await tx.amendment.count({ where: { sectionId: section.id, status: 'IN_VOTE' } });
    if (section.lockedByRoundId || underVote) throw new StructureError('structure.errors.lockedByVote');
    await tx.section.update({ where: { id: section.id }, data: { lockedAt: null, lockReason: null } });
    await recordAudit(tx, {
      actorId: props.actor?.id ?? null,
      action: 'section.unlocked',
      targetType: 'Section',
      targetId: section.id,
      data: { lockedAt: section.lockedAt.toISOString(), reason: section.lockReason },
    });
  });
}

/**
 * Restores a section's text to its last valid state (moderators; issue 15): its stored changes replayed through
 * the sync server's schema check, each one it refuses left out (lastValidText), then written over the live text
 * so that every open editor gets it at once. For text stored before the check existed, or anything it missed:
 * readers already show such a text without what is invalid; this makes the stored text valid again. The counts
 * go to the audit trail. Nothing to do (false) when the text is valid.
 */
export async function restoreSectionText(props: { actor: Actor; sectionId: string }): Promise<boolean> {
  const section = await sectionOf(db(), props.sectionId);
  const program = await loadProgramFacts(db(), props.actor, { id: section.chapter.programId });
  enforce(canManageProgram(props.actor, program), props.actor, 'program.manage');
  const name = liveDocumentName.section(section.id);
  const [current, restored] = await Promise.all([
    readLiveTextChecked(name, section.content),
    lastValidText(name, section.content),
  ]);
  // (Once restored, the refused changes are still stored, under the deletions: only what readers find counts.)
  if (current.shapeOnly) return false;
  await writeLiveText(name, section.content, restored.doc, { rewrite: true });
  await db().$transaction(async (tx) => {
    // The section is updated now, for every reader: a page kept for the members who see it alike (ADR 0047) is
    // rendered again, without the notice of invalid content (the live text's own storage moves nothing).
    await tx.section.update({ where: { id: section.id }, data: { updatedAt: new Date() } });
    await recordAudit(tx, {
      actorId: props.actor?.id ?? null,
      action: 'section.text.restored',
      targetType: 'Section',
      targetId: section.id,
      data: { changesLeftOut: restored.refused, problems: [...current.problems, ...restored.problems].slice(0, 50) },
    });
  });
  return true;
}
