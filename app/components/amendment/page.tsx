import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { useMemo, useState } from 'react';
import { Competitors } from './competitors.tsx';
import { CommitteePanel } from '~/components/committee/committee-panel.tsx';
import { ConfirmStep } from './confirm.tsx';
import { DecisionForm, IntentButton, MergeForm } from './moderator-forms.tsx';
import { Discussion } from './discussion.tsx';
import { NeedsUpdate } from './needs-update.tsx';
import { ApplicationConflict } from './conflict.tsx';
import { Supports } from './supports.tsx';
import { Timeline } from './timeline.tsx';
import { FollowButton } from '~/components/follow-button.tsx';
import { DiffView } from '~/components/diff-view.tsx';
import { ErrorList, Field } from '~/components/forms.tsx';
import { RichText } from '~/rich-text/render.tsx';
import { LiveSection } from '~/editor/live-section.tsx';
import { InviteCoauthorSchema } from '~/modules/amendments/amendments.schema.ts';
import { diffWords } from '~/modules/amendments/diff.ts';
import { docToDiffText, type DocNode } from '~/rich-text/document.ts';
import { refusalOf, lastResultOf } from '~/utils/refusal.ts';
import { useFormatDate, useT, useSignature } from '~/utils/i18n.tsx';
import type { action, loader } from '~/routes/p.$slug.amendments.$amendmentId.tsx';
import { ProgramText } from '~/utils/content-lang.tsx';

/** An amendment: what it changes and why, by whom, where it stands; its live draft for its authors. */
export function AmendmentPage() {
  const t = useT();
  const {
    amendment,
    section,
    authors,
    base,
    proposed,
    diff,
    abilities,
    supports,
    slug,
    user,
    decision,
    competitors,
    update,
    invitedMe,
    debate,
    mergeTargets,
    mergedInto,
    timeline,
    signedIn,
    round,
    conflict,
    endorseAs,
    committee,
    follow,
  } = useLoaderData<typeof loader>();
  const formatDate = useFormatDate();
  const signed = useSignature();
  const actionData = useActionData<typeof action>();
  const refusal = refusalOf(actionData);
  const navigation = useNavigation();
  // Submitting and withdrawing ask first (?confirm=submit|withdraw): see ConfirmStep.
  const confirming = useSearchParams()[0].get('confirm');
  // Any author may withdraw it for all: the others see who did, and when.
  const withdrawn =
    amendment.status === 'WITHDRAWN' ? ([...timeline].reverse().find((s) => s.step === 'withdrawn') ?? null) : null;
  const busy = navigation.state !== 'idle';
  // While drafting, the difference follows the live text as the authors type.
  const [live, setLive] = useState<DocNode | null>(null);
  // A refused submission is about the text (no change, empty): once the text changes it no longer holds, and its
  // message goes (issue 17); the next submission says whether the text is right now.
  const [outdated, setOutdated] = useState<unknown>(null);
  const onLiveText = (text: DocNode) => {
    setLive(text);
    if (refusal?.intent === 'submit') setOutdated(actionData);
  };
  const shownRefusal = refusal && !(refusal.intent === 'submit' && outdated === actionData) ? refusal : null;
  const parts = useMemo(() => (live ? diffWords(docToDiffText(base), docToDiffText(live)) : diff), [live, base, diff]);
  const [inviteForm, inviteFields] = useForm({
    id: 'invite',
    lastResult: !busy ? lastResultOf(actionData, { key: 'invite', intent: 'invite' }) : undefined,
    constraint: getZodConstraint(InviteCoauthorSchema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteCoauthorSchema }),
  });
  return (
    <article className="amendment">
      <p className="breadcrumb">
        <Link to={section.href}>{t('amendments.page.on', { n: section.number, title: section.title })}</Link>
      </p>
      <h1>
        <ProgramText>{amendment.title}</ProgramText>
      </h1>
      <FollowButton state={follow} />
      <p>
        <span className="badge" data-testid="amendment-status">
          {t(`amendments.status.${amendment.status}`)}
        </span>{' '}
        {t(`amendments.kind.${amendment.kind}`)}
        {amendment.newTitle ? ` — « ${amendment.newTitle} »` : null}
      </p>
      {round ? (
        <p data-testid="amendment-round">
          {t('amendments.page.inRound')}{' '}
          <Link to={`/p/${slug}/rounds/${round.id}`}>
            {t('rounds.numbered', { n: round.number, title: round.title })}
          </Link>{' '}
          <span className="badge">{t(`rounds.status.${round.status}`)}</span>
        </p>
      ) : null}
      <p data-testid="amendment-authors">
        {t('amendments.page.authors', { names: authors.map((a) => signed(a.name)).join(', ') })}
      </p>
      {invitedMe ? (
        <Form method="post" className="notice" data-testid="invitation">
          <p>{t('amendments.page.invitedYou')}</p>
          <div className="inline-actions">
            <button type="submit" name="intent" value="acceptInvite" className="button" disabled={busy}>
              {t('amendments.page.accept')}
            </button>
            <button
              type="submit"
              name="intent"
              value="declineInvite"
              className="button button-secondary"
              disabled={busy}
            >
              {t('amendments.page.decline')}
            </button>
          </div>
        </Form>
      ) : null}
      {decision ? (
        <p className="notice" data-testid="amendment-decision">
          {t(decision.decision === 'ADMISSIBLE' ? 'moderation.admissibleBy' : 'moderation.inadmissibleBy', {
            name: decision.by ?? '—',
            date: formatDate(decision.at),
          })}{' '}
          {decision.reason}
        </p>
      ) : null}
      {withdrawn ? (
        <p className="notice" data-testid="withdrawn-by">
          {t('amendments.page.withdrawnBy', {
            name: withdrawn.by ? signed(withdrawn.by) : '—',
            date: formatDate(withdrawn.at, 'datetime'),
          })}
        </p>
      ) : null}
      {mergedInto ? (
        <p className="notice" data-testid="merged-into">
          <Link to={`/p/${slug}/amendments/${mergedInto.id}`}>
            {t('moderation.mergedNotice', { title: mergedInto.title })}
          </Link>
        </p>
      ) : null}
      <Competitors slug={slug} competitors={competitors} />
      <CommitteePanel committee={committee} slug={slug} busy={busy} />
      <h2>{t('amendments.field.justification')}</h2>
      <p className="justification">{amendment.justification}</p>
      {actionData?.error ? <ErrorList errors={[actionData.error]} /> : null}
      {shownRefusal && shownRefusal.intent !== 'invite' && shownRefusal.intent !== 'resolveConflict' ? (
        <ErrorList errors={[shownRefusal.message]} />
      ) : null}

      {amendment.kind === 'DELETE' ? (
        <p className="notice notice-warning">{t('amendments.page.deleteNotice')}</p>
      ) : amendment.status === 'DRAFT' ? (
        <>
          <p className="notice">{t('amendments.page.draftNotice')}</p>
          <h2>{t('amendments.page.proposed')}</h2>
          <LiveSection
            documentName={amendment.documentName}
            canWrite={abilities.edit}
            user={user}
            text={proposed}
            onText={onLiveText}
          />
        </>
      ) : (
        <>
          <h2>{t('amendments.page.proposed')}</h2>
          <RichText doc={proposed} />
        </>
      )}
      <DiffView parts={parts} />
      {conflict ? (
        <ApplicationConflict
          base={conflict.base}
          current={conflict.current}
          proposed={conflict.proposed}
          proposedMarkdown={conflict.proposedMarkdown}
          canResolve={conflict.canResolve}
          busy={busy}
          errors={
            actionData && 'conflict' in actionData
              ? actionData.conflict
              : refusal?.intent === 'resolveConflict'
                ? { text: [refusal.message] }
                : undefined
          }
        />
      ) : null}
      {update ? (
        <NeedsUpdate
          base={base}
          current={update.current}
          proposed={proposed}
          currentDiff={update.currentDiff}
          documentName={update.documentName}
          canUpdate={abilities.update}
          user={user}
          busy={busy}
        />
      ) : null}
      {supports ? (
        <Supports
          supports={supports}
          status={amendment.status}
          canSupport={abilities.support}
          busy={busy}
          endorseAs={endorseAs}
        />
      ) : null}

      {abilities.edit ? (
        <ConfirmStep
          step="submit"
          asking={confirming === 'submit'}
          busy={busy}
          hint={t('amendments.page.submitHint')}
        />
      ) : null}
      {abilities.invite ? (
        <Form method="post" {...getFormProps(inviteForm)}>
          <input type="hidden" name="intent" value="invite" />
          <Field field={inviteFields.email} type="email" label={t('amendments.page.invite')} autoComplete="off" />
          <ErrorList id={inviteForm.errorId} errors={inviteForm.errors} />
          <button type="submit" className="button button-secondary" disabled={busy}>
            {t('amendments.page.inviteSubmit')}
          </button>
        </Form>
      ) : null}
      {abilities.decide ? <DecisionForm busy={busy} /> : null}
      {abilities.leave ? (
        <IntentButton intent="leave" label={t('amendments.page.leave')} busy={busy} className="button-secondary" />
      ) : null}
      {abilities.withdraw ? <ConfirmStep step="withdraw" asking={confirming === 'withdraw'} busy={busy} /> : null}
      {mergeTargets.length ? <MergeForm targets={mergeTargets} busy={busy} /> : null}
      <Timeline slug={slug} steps={timeline} />
      {amendment.submittedAt ? (
        <Discussion
          threads={debate.threads}
          counts={debate.counts}
          page={debate.page}
          canPost={debate.canPost}
          signedIn={signedIn}
          error={actionData && 'debate' in actionData ? (actionData.debate ?? null) : null}
          busy={busy}
        />
      ) : null}
    </article>
  );
}
