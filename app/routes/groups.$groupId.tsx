import { parseWithZod } from '@conform-to/zod';
import { ProgramText } from '~/utils/content-lang.tsx';
import { data, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { ErrorList } from '~/components/forms.tsx';
import { Time } from '~/components/time.tsx';
import { DecideGroupSchema } from '~/modules/groups/groups.schema.ts';
import { decideGroup, getGroup, joinGroup, leaveGroup } from '~/modules/groups/groups.server.ts';
import { actorOf, requireMember } from '~/utils/auth.server.ts';
import { useSignature, useT } from '~/utils/i18n.tsx';
import { redirectWithFlash, routeAction, routeLoader } from '~/utils/route.server.ts';
import { refusalOf } from '~/utils/refusal.ts';

export const loader = /* @__PURE__ */ routeLoader(async ({ params, context }) => {
  return getGroup(actorOf(context), params.groupId ?? '');
});

export const action = /* @__PURE__ */ routeAction({}, async ({ request, params, context, actor, form, intent }) => {
  requireMember(request, context);
  const groupId = params.groupId ?? '';
  const here = `/groups/${groupId}`;
  if (intent === 'join') {
    await joinGroup({ actor, groupId });
    return redirectWithFlash(here, 'flash.groupJoined');
  }
  if (intent === 'leave') {
    await leaveGroup({ actor, groupId });
    return redirectWithFlash(here, 'flash.groupLeft');
  }
  // The decision's form names no intent: its buttons say validate or reject.
  const submission = parseWithZod(form, { schema: DecideGroupSchema });
  if (submission.status !== 'success') return data({ errors: submission.reply().error ?? {} }, { status: 400 });
  await decideGroup({
    actor,
    groupId,
    validate: submission.value.decision === 'validate',
    reason: submission.value.reason,
  });
  return redirectWithFlash(here, 'flash.groupDecided');
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.group.name} · Plenum` : 'Plenum' },
];

/** A local group: what it is, who is in it (for its members), its endorsements; join, leave, or decide on it. */
export default function GroupPage() {
  const t = useT();
  const signed = useSignature();
  const { group, members, endorsements, can } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refusal = refusalOf(actionData);
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle';
  return (
    <article className="narrow">
      <p className="muted">
        <Link to="/groups">{t('groups.title')}</Link>
      </p>
      <h1>{group.name}</h1>
      <p>
        <span className="badge" data-testid="group-status">
          {t(`groups.status.${group.status}`)}
        </span>{' '}
        <span className="muted">
          {group.area} — {t('groups.size', { n: group.size })}
        </span>
      </p>
      <p className="lead">{group.description}</p>
      {group.decisionReason ? (
        <p className="field-hint">
          {t('groups.decided', { reason: group.decisionReason })}{' '}
          {group.decidedAt ? <Time value={group.decidedAt} /> : null}
        </p>
      ) : null}
      {/* A div: a form may not sit inside a paragraph (the browser closes the <p>, and hydration fails). */}
      {refusal ? <ErrorList errors={[refusal.message]} /> : null}
      <div className="inline-actions">
        {can.join ? (
          <Form method="post">
            <input type="hidden" name="intent" value="join" />
            <button type="submit" className="button" disabled={busy}>
              {t('groups.join')}
            </button>
          </Form>
        ) : null}
        {can.leave ? (
          <Form method="post">
            <input type="hidden" name="intent" value="leave" />
            <button type="submit" className="button button-secondary" disabled={busy}>
              {t('groups.leave')}
            </button>
          </Form>
        ) : null}
      </div>
      {can.decide ? (
        <section className="card" aria-labelledby="decide-title">
          <h2 id="decide-title">{t('groups.decide')}</h2>
          <Form method="post">
            <div className="field">
              <label htmlFor="decide-reason">{t('moderation.reason')}</label>
              <input id="decide-reason" name="reason" required minLength={3} maxLength={500} />
              <ErrorList errors={actionData?.errors?.reason ?? undefined} />
            </div>
            <p className="inline-actions">
              <button type="submit" name="decision" value="validate" className="button" disabled={busy}>
                {t('groups.validate')}
              </button>
              <button type="submit" name="decision" value="reject" className="button button-secondary" disabled={busy}>
                {t('groups.reject')}
              </button>
            </p>
          </Form>
        </section>
      ) : null}
      {can.seeMembers ? (
        <section aria-labelledby="members-title" data-testid="group-members">
          <h2 id="members-title">{t('groups.members')}</h2>
          <p className="field-hint">{t('groups.membersPrivate')}</p>
          <ul>
            {members.map((m) => (
              <li key={m.id}>
                {signed(m.name)} {m.coordinator ? <span className="badge">{t('groups.coordinator')}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="endorsements-title">
        <h2 id="endorsements-title">{t('groups.endorsements')}</h2>
        {endorsements.length ? (
          <ul>
            {endorsements.map((e) => (
              <li key={e.id}>
                <Link to={`/p/${e.slug}/amendments/${e.id}`}>
                  <ProgramText language={e.language}>{e.title}</ProgramText>
                </Link>{' '}
                — <Time value={e.at} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('groups.noEndorsements')}</p>
        )}
      </section>
    </article>
  );
}
