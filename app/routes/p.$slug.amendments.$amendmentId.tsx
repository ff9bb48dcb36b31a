import { parseWithZod } from '@conform-to/zod';
import { data, redirect, type MetaFunction } from '@remix-run/node';
import type { DebateFormError } from '~/components/amendment/comment-forms.tsx';
import { endorseAmendment } from '~/modules/groups/groups.server.ts';
import { resolveConflict } from '~/modules/amendments/application.server.ts';
import { markdownToSectionDoc } from '~/rich-text/markdown.server.ts';
import { withdrawAmendment } from '~/modules/amendments/amendment-commands.server.ts';
import { recommend } from '~/modules/committee/committee.server.ts';
import { acceptCompromise, submitDraft } from '~/modules/committee/compromise.server.ts';
import { answerInvitation, inviteCoauthor, leaveAmendment } from '~/modules/amendments/coauthors.server.ts';
import {
  AMENDMENT_PAGE_INTENTS,
  AmendmentCommandSchema,
  InviteCoauthorSchema,
  type AmendmentCommand,
} from '~/modules/amendments/amendments.schema.ts';
import { saveAmendmentUpdate } from '~/modules/amendments/rebase.server.ts';
import { decideAdmissibility, mergeDuplicate } from '~/modules/amendments/moderation.server.ts';
import {
  DebateError,
  editComment,
  moderateComment,
  postComment,
  reportComment,
} from '~/modules/debate/comments.server.ts';
import { debatePageRequest } from '~/modules/debate/debate.server.ts';
import { commentHref } from '~/modules/debate/comment-href.ts';
import { CommentReasonSchema, EditCommentSchema, PostCommentSchema } from '~/modules/debate/comments.schema.ts';
import { supportAmendment, withdrawSupport } from '~/modules/amendments/supports.server.ts';
import { amendmentPage } from '~/modules/amendments/amendment-page.server.ts';
import { requireMember } from '~/utils/auth.server.ts';
import type { Actor } from '~/policies/actor.ts';
import { flashCookie } from '~/utils/cookies.server.ts';
import { STATUS_OF } from '~/utils/errors.server.ts';
import { routeAction, routeLoader } from '~/utils/route.server.ts';
import { AmendmentPage } from '~/components/amendment/page.tsx';

export const loader = /* @__PURE__ */ routeLoader(async ({ request, params, context, actor }) => {
  // The module asks the policies for every part of the page: a refusal is a 403 (or 404), never an error page.
  // The debate's page: ?debate=<n>, or ?comment=<id> for the page holding that comment.
  const debatePage = debatePageRequest(new URL(request.url));
  const page = await amendmentPage(actor, params.slug ?? '', params.amendmentId ?? '', debatePage);
  const user = context.member ? { id: context.member.id, name: context.member.displayName } : null;
  return { ...page, slug: params.slug ?? '', user, signedIn: user !== null };
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.amendment.title} · Plenum` : 'Plenum' },
];

// A refusal (AmendmentError, ModerationError, GroupError, an illegal move: 409 or 400) is answered by the
// wrapper and shown atop the page, or beside the form it came from (invite, conflict).
export const action = /* @__PURE__ */ routeAction(
  { intents: AMENDMENT_PAGE_INTENTS },
  async ({ request, params, context, actor, form: formData, intent }) => {
    requireMember(request, context);
    const slug = params.slug ?? '';
    const id = params.amendmentId ?? '';
    const here = `/p/${slug}/amendments/${id}`;
    const debate = await debateAction(intent, formData, actor, { slug, id });
    if (debate) return debate;
    if (intent === 'invite') {
      const submission = parseWithZod(formData, { schema: InviteCoauthorSchema });
      if (submission.status !== 'success') return data({ invite: submission.reply(), error: null }, { status: 400 });
      await inviteCoauthor({ actor, id, email: submission.value.email });
      return redirect(here, { headers: { 'Set-Cookie': flashCookie('flash.coauthorInvited') } });
    }
    if (intent === 'resolveConflict') {
      // Too deep a text is a refusal (MarkdownTooDeepError), shown beside the text.
      const text = markdownToSectionDoc(String(formData.get('text') ?? '').slice(0, 100_000));
      const reason = String(formData.get('reason') ?? '').trim();
      if (!text || reason.length < 3 || reason.length > 500) {
        return data(
          {
            invite: null,
            error: null,
            conflict: {
              text: text ? undefined : ['conflict.errors.text'],
              reason: reason.length < 3 || reason.length > 500 ? ['errors.reasonRequired'] : undefined,
            },
          },
          { status: 400 },
        );
      }
      await resolveConflict({ actor, amendmentId: id, text, reason });
      return redirect(here, { headers: { 'Set-Cookie': flashCookie('flash.conflictResolved') } });
    }
    const parsed = AmendmentCommandSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      return data({ invite: null, error: parsed.error.issues[0]?.message ?? 'errors.required' }, { status: 400 });
    }
    return runCommand(parsed.data, { actor, id, slug, here });
  },
);

/** One command of the page, given to the module that does it; then back to the page (or the list) with a flash. */
async function runCommand(command: AmendmentCommand, at: { actor: Actor; id: string; slug: string; here: string }) {
  const { actor, id, here } = at;
  const mine = `/p/${at.slug}/amendments?mine=1`;
  switch (command.intent) {
    case 'acceptInvite':
      await answerInvitation({ actor, id, accept: true });
      return redirect(here, { headers: { 'Set-Cookie': flashCookie('flash.invitationAccepted') } });
    case 'declineInvite':
      await answerInvitation({ actor, id, accept: false });
      return redirect(mine, { headers: { 'Set-Cookie': flashCookie('flash.invitationDeclined') } });
    case 'leave':
      await leaveAmendment({ actor, id });
      return redirect(mine, { headers: { 'Set-Cookie': flashCookie('flash.leftAmendment') } });
    case 'submit':
      // The committee's compromise is submitted its own way (admissible at once): the module decides.
      await submitDraft({ actor, id });
      return redirect(here, { headers: { 'Set-Cookie': flashCookie('flash.amendmentSubmitted') } });
    case 'support':
      await supportAmendment({ actor, id });
      return redirect(here, { headers: { 'Set-Cookie': flashCookie('flash.supported') } });
    case 'unsupport':
      await withdrawSupport({ actor, id });
      return redirect(here, { headers: { 'Set-Cookie': flashCookie('flash.supportWithdrawn') } });
    case 'admissible':
    case 'inadmissible':
      await decideAdmissibility({ actor, id, admissible: command.intent === 'admissible', reason: command.reason });
      return redirect(here, { headers: { 'Set-Cookie': flashCookie('flash.decisionRecorded') } });
    case 'saveUpdate': {
      const { error } = await saveAmendmentUpdate({ actor, id });
      if (error) return data({ invite: null, error: error as string }, { status: 409 });
      return redirect(here, { headers: { 'Set-Cookie': flashCookie('rebase.saved') } });
    }
    case 'merge':
      await mergeDuplicate({ actor, id, intoId: command.intoId, reason: command.reason });
      return redirect(here, { headers: { 'Set-Cookie': flashCookie('flash.merged') } });
    case 'endorse':
      await endorseAmendment({ actor, groupId: command.groupId, amendmentId: id });
      return redirect(here, { headers: { 'Set-Cookie': flashCookie('flash.endorsed') } });
    case 'recommend': {
      const { compromiseId } = await recommend({ actor, amendmentId: id, kind: command.kind, reason: command.reason });
      // "Adopt modified": on to the compromise's live draft, which the committee writes now.
      const to = compromiseId ? `/p/${at.slug}/amendments/${compromiseId}` : here;
      return redirect(to, { headers: { 'Set-Cookie': flashCookie('flash.recommended') } });
    }
    case 'acceptCompromise': {
      const compromiseId = await acceptCompromise({ actor, id });
      return redirect(`/p/${at.slug}/amendments/${compromiseId}`, {
        headers: { 'Set-Cookie': flashCookie('flash.compromiseAccepted') },
      });
    }
    case 'withdraw':
      await withdrawAmendment({ actor, id });
      return redirect(here, { headers: { 'Set-Cookie': flashCookie('flash.amendmentWithdrawn') } });
  }
}

type Reply = { invite: null; error: null; debate: DebateFormError };

/**
 * The debate's forms (post, reply, edit, report, hide or keep): each refusal goes back to the form it came from,
 * with what was typed. Returns null for other intents.
 */
async function debateAction(intent: string, formData: FormData, actor: Actor, at: { slug: string; id: string }) {
  const amendmentId = at.id;
  const refuse = (debate: DebateFormError, status = 400) =>
    data<Reply>({ invite: null, error: null, debate }, { status });
  // Back to the debate's page that holds the comment, scrolled to it.
  const done = (flash: string, commentId: string) =>
    redirect(commentHref(at.slug, amendmentId, commentId), { headers: { 'Set-Cookie': flashCookie(flash) } });
  const commentId = String(formData.get('commentId') ?? '');
  const body = String(formData.get('body') ?? '');
  if (intent === 'comment') {
    const parentId = String(formData.get('parentId') ?? '');
    const form = parentId ? `reply-${parentId}` : 'comment-new';
    const submission = parseWithZod(formData, { schema: PostCommentSchema });
    if (submission.status !== 'success') {
      const key = Object.values(submission.error ?? {}).flat()[0] ?? 'errors.required';
      return refuse({ form, key, body });
    }
    // A refused comment goes back to its own form with what was typed: answered here, not by the wrapper.
    // eslint-disable-next-line no-restricted-syntax -- the debate's refusal carries its form and text
    const cid = await postComment({ actor, amendmentId, ...submission.value }).catch((error: unknown) => {
      if (error instanceof DebateError) return error;
      throw error;
    });
    if (cid instanceof DebateError) {
      return refuse(
        { form, key: cid.key, values: cid.values as Record<string, number> | undefined, body },
        STATUS_OF[cid.kind],
      );
    }
    return done('flash.commentPosted', cid);
  }
  if (intent === 'editComment') {
    const form = `edit-${commentId}`;
    const submission = parseWithZod(formData, { schema: EditCommentSchema });
    if (submission.status !== 'success') {
      return refuse({ form, key: Object.values(submission.error ?? {}).flat()[0] ?? 'errors.required', body });
    }
    // eslint-disable-next-line no-restricted-syntax -- the debate's refusal carries its form and text
    const refused = await editComment({ actor, ...submission.value }).then(
      () => null,
      (error: unknown) => {
        if (error instanceof DebateError) return error;
        throw error;
      },
    );
    if (refused) return refuse({ form, key: refused.key, body }, 409);
    return done('flash.commentEdited', commentId);
  }
  if (intent === 'report' || intent === 'hideComment' || intent === 'keepComment') {
    const form = `${intent === 'report' ? 'report' : 'moderate'}-${commentId}`;
    const submission = parseWithZod(formData, { schema: CommentReasonSchema });
    if (submission.status !== 'success') {
      return refuse({ form, key: Object.values(submission.error ?? {}).flat()[0] ?? 'errors.required' });
    }
    if (intent === 'report') {
      await reportComment({ actor, ...submission.value });
      return done('flash.commentReported', commentId);
    }
    await moderateComment({ actor, ...submission.value, hide: intent === 'hideComment' });
    return done('flash.commentModerated', commentId);
  }
  return null;
}

export default AmendmentPage;
