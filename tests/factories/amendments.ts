import { startAmendment, submitAmendment } from '../../app/modules/amendments/amendment-commands.server.ts';
import { supportAmendment } from '../../app/modules/amendments/supports.server.ts';
import { liveDocumentName } from '../../app/modules/live-text/names.ts';
import { encodeDocAsUpdate } from '../../app/modules/live-text/ydoc.ts';
import type { Actor } from '../../app/policies/actor.ts';
import { db } from '../../app/utils/db.server.ts';
import { doc } from './programs.ts';

/** Writes `text` as the live draft of an amendment or section (what a browser's editor would have stored). */
export async function writeLive(name: string, text: string) {
  await db().collabDocument.deleteMany({ where: { name } });
  await db().collabDocument.create({ data: { name, snapshot: Buffer.from(encodeDocAsUpdate(doc(text))) } });
}

/** What an amendment says: its title, why, and its proposed text (a paragraph). */
export interface AmendmentWords {
  title: string;
  text: string;
  justification?: string;
}

/**
 * An amendment to `sectionId` started, drafted, submitted by `author` and supported by `supporter`, through the
 * module functions: QUALIFIED when the program's threshold is one support. Returns its id.
 */
export async function qualifiedAmendment(
  at: { slug: string; sectionId: string; author: Actor; supporter: Actor },
  words: AmendmentWords,
) {
  const id = await startAmendment({
    actor: at.author,
    slug: at.slug,
    sectionId: at.sectionId,
    kind: 'CHANGE',
    title: words.title,
    justification: words.justification ?? 'Because the members asked for it.',
  });
  await writeLive(liveDocumentName.amendment(id), words.text);
  await submitAmendment({ actor: at.author, id });
  await supportAmendment({ actor: at.supporter, id });
  return id;
}
