import { parseWithZod } from '@conform-to/zod';
import { data } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Drafters } from '~/components/program/drafters.tsx';
import { ProgramSettingsForm } from '~/components/program/settings-form.tsx';
import { addDrafter, listDrafters, removeDrafter } from '~/modules/programs/drafters.server.ts';
import { carryOverProgram } from '~/modules/amendments/rebase.server.ts';
import { updateProgramSettings } from '~/modules/programs/program-commands.server.ts';
import { AddDrafterSchema, ProgramSettingsSchema } from '~/modules/programs/programs.schema.ts';
import { actorOf, requireMember } from '~/utils/auth.server.ts';
import { useT } from '~/utils/i18n.tsx';
import { redirectWithFlash, routeAction, routeLoader } from '~/utils/route.server.ts';

export const loader = /* @__PURE__ */ routeLoader(async ({ request, params, context }) => {
  requireMember(request, context);
  // listDrafters answers only those who manage the program: its refusal is this page's.
  return { drafters: await listDrafters(actorOf(context), params.slug ?? '') };
});

export const action = /* @__PURE__ */ routeAction({}, async ({ request, params, context, actor, form, intent }) => {
  requireMember(request, context);
  const slug = params.slug ?? '';
  if (intent === 'removeDrafter') {
    await removeDrafter({ actor, slug, memberId: String(form.get('memberId') ?? '') });
    return redirectWithFlash(`/p/${slug}/settings`, 'flash.draftersChanged');
  }
  if (intent === 'addDrafter') {
    const submission = parseWithZod(form, { schema: AddDrafterSchema });
    if (submission.status !== 'success') return data({ drafter: submission.reply() }, { status: 400 });
    await addDrafter({ actor, slug, email: submission.value.email });
    return redirectWithFlash(`/p/${slug}/settings`, 'flash.draftersChanged');
  }
  // The settings' form names no intent.
  const submission = parseWithZod(form, { schema: ProgramSettingsSchema });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  const { phaseEndsAt, ...rest } = submission.value;
  await updateProgramSettings({ actor, slug, ...rest, phaseEndsAt: phaseEndsAt ?? null });
  // Leaving drafting may have moved the text under standing amendments: they are measured again now.
  if (rest.phase !== 'DRAFTING') await carryOverProgram(slug);
  return redirectWithFlash(`/p/${slug}`, 'flash.programSettingsChanged');
});

/** Moderators set the program's phase and its dates, who writes during drafting, and who reads the draft. */
export default function ProgramSettingsPage() {
  const t = useT();
  const { drafters } = useLoaderData<typeof loader>();
  return (
    <section className="narrow">
      <h1>{t('settings.title')}</h1>
      <ProgramSettingsForm />
      <Drafters drafters={drafters} />
    </section>
  );
}
