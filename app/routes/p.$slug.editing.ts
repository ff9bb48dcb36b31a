import { sectionsBeingEdited } from '~/modules/live-text/live-text.server.ts';
import { getProgramOutline } from '~/modules/programs/programs.server.ts';
import { actorOf } from '~/utils/auth.server.ts';
import { routeLoader } from '~/utils/route.server.ts';

/**
 * Who is editing each section right now, as JSON: the table of contents asks every few seconds, so that it
 * shows editors arriving and leaving without a reload. Same rights as reading the program.
 */
export const loader = /* @__PURE__ */ routeLoader(async ({ params, context }) => {
  const outline = await getProgramOutline(actorOf(context), params.slug ?? '');
  const editing = await sectionsBeingEdited(outline.chapters.flatMap((c) => c.sections.map((s) => s.id)));
  return Response.json({ editing }, { headers: { 'Cache-Control': 'no-store' } });
});
