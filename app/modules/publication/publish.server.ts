import { enforce, type Actor } from '~/policies/actor.ts';
import { canManageProgram } from '~/policies/program.ts';
import { db } from '~/utils/db.server.ts';
import { newId } from '~/utils/ids.ts';
import { recordAudit } from '../audit/audit.server.ts';
import { readLiveText } from '~/modules/live-text/live-text.server.ts';
import { readStoredDoc } from '~/rich-text/stored.server.ts';
import { type DocNode } from '~/rich-text/document.ts';
import { withProgramLease } from '../programs/lease.server.ts';
import { getProgramOutline } from '../programs/programs.server.ts';
import { docToHtml, escapeHtml } from './html.ts';
import { directEditFacts } from './direct-edits.server.ts';
import { amendmentSources } from './version-sources.server.ts';
import {
  attribute,
  attributeSince,
  directEditSource,
  sourcesOf,
  type AttributedDoc,
  type ChainStep,
} from './provenance.ts';
import { liveDocumentName } from '~/modules/live-text/names.ts';
import { DomainError } from '~/utils/domain-errors.ts';
import type { Prisma } from '~/generated/prisma/client.ts';
import { plainText, type ChangelogEntry, type ChangelogItem, type VersionOutline } from './versions.server.ts';

/**
 * Publishing a version (docs/decisions/0015-from-vote-to-program.md): the command that freezes the program as it
 * stands, with its provenance and changelog. The sources it names are version-sources.server.ts; the publish
 * page's read model is publication-status.server.ts; reading versions is versions.server.ts.
 */

/** Publishes the program as it stands as its next version (moderators). Returns the version's number. */
export async function publishVersion(props: { actor: Actor; slug: string; note: string }): Promise<number> {
  const { actor } = props;
  const outline = await getProgramOutline(actor, props.slug);
  enforce(canManageProgram(actor, outline.program), actor, 'program.publish');
  // Under the program's lease: no amendment is applied while the text is read, so the snapshot, its provenance
  // and its changelog describe the same moment.
  const done = await withProgramLease(outline.program.id, () => snapshot({ actor, note: props.note }, outline));
  if (!done.ran) throw new PublicationBusyError();
  return done.value;
}

/** Another process is applying amendments to this program right now: publish again in a moment. */
export class PublicationBusyError extends DomainError {
  constructor() {
    super('busy', 'version.errors.busy', { log: 'the program is being updated' });
  }
}

async function snapshot(
  props: { actor: NonNullable<Actor>; note: string },
  outline: Awaited<ReturnType<typeof getProgramOutline>>,
): Promise<number> {
  const { actor } = props;
  const programId = outline.program.id;
  const applications = await db().amendmentApplication.findMany({
    where: { programId, status: 'APPLIED' },
    orderBy: { seq: 'asc' },
  });
  const throughSeq = applications.reduce((max, a) => Math.max(max, a.seq), 0);
  const previous = await db().programVersion.findFirst({ where: { programId }, orderBy: { number: 'desc' } });
  const number = (previous?.number ?? 0) + 1;
  const chains = new Map<string, ChainStep[]>();
  // The applications since the previous version, per section: the rest of each section's change is direct edits.
  const chainsSince = new Map<string, ChainStep[]>();
  for (const a of applications) {
    const step = {
      amendmentId: a.amendmentId,
      before: a.before ? readStoredDoc(a.before, 'applied.before') : null,
      after: a.after ? readStoredDoc(a.after, 'applied.after') : null,
    };
    chains.set(a.sectionId, [...(chains.get(a.sectionId) ?? []), step]);
    if (a.seq > (previous?.throughSeq ?? 0))
      chainsSince.set(a.sectionId, [...(chainsSince.get(a.sectionId) ?? []), step]);
  }
  const published = new Map(
    previous
      ? (
          await db().versionSection.findMany({
            where: { versionId: previous.id },
            select: { sectionId: true, doc: true },
          })
        ).map((r) => [r.sectionId, r.doc as unknown as AttributedDoc])
      : [],
  );
  const rows = await db().section.findMany({
    where: { id: { in: outline.chapters.flatMap((c) => c.sections.map((s) => s.id)) } },
    select: { id: true, content: true },
  });
  const seeds = new Map(rows.map((r) => [r.id, r.content]));
  const sections: {
    id: string;
    number: string;
    title: string;
    chapter: { id: string; number: string; title: string };
    doc: AttributedDoc;
    text: string;
    edited: boolean;
  }[] = [];
  for (const chapter of outline.chapters) {
    for (const section of chapter.sections) {
      const current: DocNode = await readLiveText(liveDocumentName.section(section.id), seeds.get(section.id));
      // The first version's text is the drafting's; later ones are read from the previous version (issue 17).
      const { doc, edited } = previous
        ? attributeSince(
            published.get(section.id) ?? null,
            chainsSince.get(section.id) ?? [],
            current,
            directEditSource(section.id, number),
          )
        : { doc: attribute(chains.get(section.id) ?? [], current), edited: false };
      sections.push({
        id: section.id,
        number: section.number,
        title: section.title,
        chapter: { id: chapter.id, number: chapter.number, title: chapter.title },
        doc,
        text: plainText(doc),
        edited,
      });
    }
  }
  // The changelog: applications recorded since the previous version (by sequence, not by clock).
  const since = applications.filter((a) => a.seq > (previous?.throughSeq ?? 0));
  const sources = await amendmentSources([
    ...new Set([...sections.flatMap((s) => sourcesOf(s.doc)), ...since.map((a) => a.amendmentId)]),
  ]);
  const titles = await db().amendment.findMany({
    where: { id: { in: since.map((a) => a.amendmentId) } },
    select: { id: true, title: true, kind: true, roundId: true },
  });
  const byId = new Map(titles.map((t) => [t.id, t]));
  const numbered = new Map(sections.map((s) => [s.id, s]));
  const sectionTitles = new Map(
    (
      await db().section.findMany({
        where: { id: { in: since.map((a) => a.sectionId) } },
        select: { id: true, title: true },
      })
    ).map((s) => [s.id, s.title]),
  );
  const amended: ChangelogEntry[] = since.flatMap((a) => {
    const amendment = byId.get(a.amendmentId);
    if (!amendment) return [];
    return [
      {
        amendmentId: a.amendmentId,
        title: amendment.title,
        kind: amendment.kind,
        section: {
          id: a.sectionId,
          number: numbered.get(a.sectionId)?.number ?? null,
          title: numbered.get(a.sectionId)?.title ?? sectionTitles.get(a.sectionId) ?? '',
        },
        roundId: amendment.roundId,
      },
    ];
  });
  // Direct edits (issue 17): each section whose text changed otherwise, with when, in which phases and by whom.
  const edited = sections.filter((s) => s.edited);
  const facts = previous
    ? await directEditFacts({
        programId,
        sectionIds: edited.map((s) => s.id),
        since: previous.publishedAt,
        now: new Date(),
        currentPhase: outline.program.phase,
        named: outline.program.drafterNamesPublic,
      })
    : new Map();
  for (const s of edited) {
    const { writerIds, ...edit } = facts.get(s.id)!;
    const id = directEditSource(s.id, number);
    sources[id] = {
      id,
      title: '',
      kind: 'EDIT',
      authorIds: writerIds,
      authors: [],
      round: null,
      result: null,
      turnout: null,
      resolution: null,
      edit,
    };
  }
  const changelog: ChangelogItem[] = [
    ...amended,
    ...edited.map((s) => ({
      kind: 'EDIT' as const,
      editId: directEditSource(s.id, number),
      section: { id: s.id, number: s.number, title: s.title },
    })),
  ];
  const versionOutline: VersionOutline = {
    chapters: outline.chapters.map((c) => ({
      id: c.id,
      number: c.number,
      title: c.title,
      sections: c.sections.map((s) => ({
        id: s.id,
        number: s.number,
        title: s.title,
        // A direct edit that only removed words leaves no mark either: listed here too.
        changedBy: [
          ...new Set([
            ...(chains.get(s.id) ?? []).map((step) => step.amendmentId),
            ...(sections.find((x) => x.id === s.id)?.edited ? [directEditSource(s.id, number)] : []),
          ]),
        ],
      })),
    })),
    sources,
  };
  const html = outline.chapters
    .map(
      (c) =>
        `<section id="chapter-${c.id}"><h2>${c.number}. ${escapeHtml(c.title)}</h2>\n` +
        sections
          .filter((s) => s.chapter.id === c.id)
          .map(
            (s) =>
              `<section id="section-${s.id}"><h3>${s.number} ${escapeHtml(s.title)}</h3>\n${docToHtml(s.doc)}</section>`,
          )
          .join('\n') +
        '</section>',
    )
    .join('\n');
  return db().$transaction(async (tx) => {
    const last = await tx.programVersion.findFirst({ where: { programId }, orderBy: { number: 'desc' } });
    // Under the lease nobody else publishes; the direct edits' sources are named after this number.
    if ((last?.number ?? 0) + 1 !== number) throw new PublicationBusyError();
    const id = newId();
    await tx.programVersion.create({
      data: {
        id,
        programId,
        number,
        title: outline.program.title,
        note: props.note,
        throughSeq,
        publishedById: actor.id,
        outline: versionOutline as unknown as Prisma.InputJsonValue,
        changelog: changelog as unknown as Prisma.InputJsonValue,
        html,
      },
    });
    await tx.versionSection.createMany({
      data: sections.map((s, position) => ({
        versionId: id,
        sectionId: s.id,
        position,
        number: s.number,
        chapterId: s.chapter.id,
        chapterNumber: Number(s.chapter.number),
        chapterTitle: s.chapter.title,
        title: s.title,
        doc: s.doc as unknown as Prisma.InputJsonValue,
        text: s.text,
      })),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'program.version_published',
      targetType: 'Program',
      targetId: programId,
      reason: props.note,
      data: { number, sections: sections.length, changes: amended.length, directEdits: edited.length, throughSeq },
    });
    return number;
  });
}
