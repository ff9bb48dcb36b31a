import type { LoaderFunctionArgs } from '@remix-run/node';
import { sectionsBeingEdited } from '~/modules/live-text/live-text.server.ts';
import { getProgramOutline } from '~/modules/programs/programs.server.ts';
import { actorOf } from '~/utils/auth.server.ts';
import { asHttpError } from '~/utils/errors.server.ts';

/**
 * Who is editing each section right now, as JSON: the table of contents asks every few seconds, so that it
 * shows editors arriving and leaving without a reload. Same rights as reading the program.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const outline = await getProgramOutline(actorOf(context), params.slug ?? '').catch(asHttpError(request));
  const editing = await sectionsBeingEdited(outline.chapters.flatMap((c) => c.sections.map((s) => s.id)));
  return Response.json({ editing }, { headers: { 'Cache-Control': 'no-store' } });
}
