import { enforce, type Actor } from '~/policies/actor.ts';
import { canManageProgram } from '~/policies/program.ts';
import { db } from '~/utils/db.server.ts';
import { DomainError, NotFoundError } from '~/utils/domain-errors.ts';
import { newId } from '~/utils/ids.ts';
import { recordAudit } from '../audit/audit.server.ts';

/**
 * Reason templates: the reasons moderators give again and again ("outside the program's scope", "already in the
 * text"), kept per program so that a bulk decision can take one instead of retyping it (issue 21, ADR 0036). A
 * decision copies the words into its audit line: editing or deleting a template never rewrites a past decision.
 */

/** At most this many templates per program: the queue lists them all in one menu. */
export const MAX_TEMPLATES = 50;

async function managedProgram(actor: Actor, slug: string) {
  const program = await db().program.findUnique({ where: { slug }, select: { id: true, phase: true } });
  if (!program) throw new NotFoundError(`program ${slug}`);
  enforce(canManageProgram(actor, program), actor, 'program.manage');
  return { program, actor };
}

/** A program's templates, by name (moderators). */
export async function reasonTemplates(actor: Actor, slug: string) {
  const { program } = await managedProgram(actor, slug);
  return listTemplates(program.id);
}

/** The templates of a program whose moderator was already checked, by name. */
export function listTemplates(programId: string) {
  return db().reasonTemplate.findMany({
    where: { programId },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, text: true },
  });
}

/** What a template says: a short name for the menu, the reason itself. */
export interface TemplateWords {
  name: string;
  text: string;
}

const taken = () => new DomainError('conflict', 'templates.errors.nameTaken', { field: 'name' });

/** Adds a template to a program (moderators); names are unique within a program. */
export async function createReasonTemplate(props: { actor: Actor; slug: string } & TemplateWords) {
  const { program, actor } = await managedProgram(props.actor, props.slug);
  await db().$transaction(async (tx) => {
    if ((await tx.reasonTemplate.count({ where: { programId: program.id } })) >= MAX_TEMPLATES) {
      throw new DomainError('conflict', 'templates.errors.tooMany', { values: { max: MAX_TEMPLATES } });
    }
    if (await tx.reasonTemplate.findFirst({ where: { programId: program.id, name: props.name } })) throw taken();
    const id = newId();
    await tx.reasonTemplate.create({ data: { id, programId: program.id, name: props.name, text: props.text } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'template.created',
      targetType: 'ReasonTemplate',
      targetId: id,
    });
  });
}

/** Rewrites a template's name and reason (moderators); past decisions keep the words they were given. */
export async function updateReasonTemplate(props: { actor: Actor; slug: string; id: string } & TemplateWords) {
  const { program, actor } = await managedProgram(props.actor, props.slug);
  await db().$transaction(async (tx) => {
    const template = await tx.reasonTemplate.findFirst({ where: { id: props.id, programId: program.id } });
    if (!template) throw new NotFoundError(`reason template ${props.id}`);
    const clash = await tx.reasonTemplate.findFirst({
      where: { programId: program.id, name: props.name, id: { not: props.id } },
    });
    if (clash) throw taken();
    await tx.reasonTemplate.update({ where: { id: props.id }, data: { name: props.name, text: props.text } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'template.updated',
      targetType: 'ReasonTemplate',
      targetId: props.id,
    });
  });
}

/** Deletes a template (moderators). */
export async function deleteReasonTemplate(props: { actor: Actor; slug: string; id: string }) {
  const { program, actor } = await managedProgram(props.actor, props.slug);
  await db().$transaction(async (tx) => {
    const gone = await tx.reasonTemplate.deleteMany({ where: { id: props.id, programId: program.id } });
    if (!gone.count) throw new NotFoundError(`reason template ${props.id}`);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'template.deleted',
      targetType: 'ReasonTemplate',
      targetId: props.id,
    });
  });
}
