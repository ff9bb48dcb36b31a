import type { Phase } from '~/generated/prisma/enums.ts';
import { liveDocumentName } from '~/modules/live-text/names.ts';
import { db } from '~/utils/db.server.ts';

/**
 * Direct edits between two versions (issue 17, item 8): what a changelog says of a section's text changed outside
 * amendments. When: from the previous version's publication, or the first write after it, to the last write. In
 * which phases: those the writers wrote in, else those the program went through meanwhile. By whom: the members
 * who wrote into the section's live text (LiveTextWriter), named only if the program publishes drafters' names.
 */
export interface DirectEditFacts {
  phases: Phase[];
  from: string;
  to: string;
  /** Whether the writers are named (the program's setting at publication); `authorIds` of the source hold them. */
  named: boolean;
}

/** The facts of the direct edits of `sectionIds` since `since` (the previous version's publication), up to `now`. */
export async function directEditFacts(props: {
  programId: string;
  sectionIds: string[];
  since: Date;
  now: Date;
  currentPhase: Phase;
  named: boolean;
}): Promise<Map<string, DirectEditFacts & { writerIds: string[] }>> {
  const out = new Map<string, DirectEditFacts & { writerIds: string[] }>();
  if (!props.sectionIds.length) return out;
  const names = new Map(props.sectionIds.map((id) => [liveDocumentName.section(id), id]));
  const writes = await db().liveTextWriter.findMany({
    where: { docName: { in: [...names.keys()] }, lastAt: { gte: props.since } },
    orderBy: { firstAt: 'asc' },
  });
  const went = await phasesBetween(props.programId, props.since, props.currentPhase);
  for (const [name, sectionId] of names) {
    const own = writes.filter((w) => w.docName === name);
    const from = own.length ? new Date(Math.max(props.since.getTime(), own[0]!.firstAt.getTime())) : props.since;
    const to = own.length ? new Date(Math.max(...own.map((w) => w.lastAt.getTime()))) : props.now;
    out.set(sectionId, {
      phases: own.length ? [...new Set(own.map((w) => w.phase))] : went,
      from: from.toISOString(),
      to: to.toISOString(),
      named: props.named,
      writerIds: props.named ? [...new Set(own.map((w) => w.memberId))] : [],
    });
  }
  return out;
}

/** The phases a program was in since `since`, in order: from its phase history (the audit trail). */
async function phasesBetween(programId: string, since: Date, current: Phase): Promise<Phase[]> {
  const moves = await db().auditEvent.findMany({
    where: { targetType: 'Program', targetId: programId, action: 'program.settings_changed', createdAt: { gt: since } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { data: true },
  });
  const phases: Phase[] = [];
  for (const move of moves) {
    const data = move.data as { from?: { phase?: Phase }; to?: { phase?: Phase } } | null;
    if (!phases.length && data?.from?.phase) phases.push(data.from.phase);
    if (data?.to?.phase && phases.at(-1) !== data.to.phase) phases.push(data.to.phase);
  }
  return phases.length ? [...new Set(phases)] : [current];
}
