import { parseWithZod } from '@conform-to/zod';
import { data } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { ErrorList } from '~/components/forms.tsx';
import { Time } from '~/components/time.tsx';
import { MemberRow } from '~/components/admin/member-row.tsx';
import { changeRole, membersPage, setSuspension } from '~/modules/members/members.server.ts';
import { setTwoFactorRequired } from '~/modules/members/two-factor.server.ts';
import { ChangeRoleSchema } from '~/modules/members/members.schema.ts';
import { actorOf, requireMember } from '~/utils/auth.server.ts';
import { useT } from '~/utils/i18n.tsx';
import { redirectWithFlash, routeAction, routeLoader } from '~/utils/route.server.ts';
import { refusalOf } from '~/utils/refusal.ts';

export const loader = /* @__PURE__ */ routeLoader(async ({ request, context }) => {
  requireMember(request, context);
  const actor = actorOf(context);
  const url = new URL(request.url);
  const query = url.searchParams.get('q')?.slice(0, 100) ?? '';
  const page = Math.min(10_000, Math.max(1, Math.trunc(Number(url.searchParams.get('page'))) || 1));
  // The module asks the policies what the admin may do to each member: the page never re-derives it.
  return { ...(await membersPage(actor, { query, page })), query };
});

export const action = /* @__PURE__ */ routeAction(
  // The role form names no intent: whatever is not a suspension is a role change.
  {},
  async ({ request, context, actor, form, intent }) => {
    requireMember(request, context);
    if (intent === 'two-factor') {
      await setTwoFactorRequired(actor, form.get('required') === 'on');
      return redirectWithFlash('/admin/members', 'flash.twoFactorRuleChanged');
    }
    if (intent === 'suspend' || intent === 'reinstate') {
      const memberId = String(form.get('memberId') ?? '');
      const reason = String(form.get('reason') ?? '').trim();
      if (reason.length < 3 || reason.length > 500) {
        return data(
          { memberId, errors: { reason: ['errors.reasonRequired'] } as Record<string, string[]> },
          { status: 400 },
        );
      }
      await setSuspension({ actor, memberId, suspend: intent === 'suspend', reason });
      return redirectWithFlash(
        '/admin/members',
        intent === 'suspend' ? 'flash.memberSuspended' : 'flash.memberReinstated',
      );
    }
    const submission = parseWithZod(form, { schema: ChangeRoleSchema });
    if (submission.status !== 'success') {
      return data(
        { memberId: submission.payload.memberId as string | undefined, errors: submission.error },
        { status: 400 },
      );
    }
    await changeRole({ actor, ...submission.value });
    return redirectWithFlash(`/admin/members${new URL(request.url).search}`, 'flash.roleChanged');
  },
);

export default function AdminMembersPage() {
  const t = useT();
  const { members, total, query, page, pageCount, roleChanges, twoFactorRequired, canRequireTwoFactor } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refusal = refusalOf(actionData);
  const navigation = useNavigation();
  return (
    <section>
      <h1>{t('admin.members.title')}</h1>
      {refusal ? <ErrorList errors={[refusal.message]} /> : null}
      {canRequireTwoFactor ? (
        <Form method="post" className="inline-form" data-testid="two-factor-rule">
          <input type="hidden" name="intent" value="two-factor" />
          <span className="field-checkbox">
            <input type="checkbox" id="two-factor-required" name="required" defaultChecked={twoFactorRequired} />
            <label htmlFor="two-factor-required">{t('admin.members.twoFactorRequired')}</label>
          </span>
          <button type="submit" className="button-small" disabled={navigation.state !== 'idle'}>
            {t('admin.members.twoFactorSave')}
          </button>
        </Form>
      ) : null}
      <Form method="get" className="inline-form" role="search">
        <label htmlFor="member-search">{t('admin.members.search')}</label>
        <input id="member-search" type="search" name="q" defaultValue={query} />
        <button type="submit" className="button-small">
          {t('admin.members.searchSubmit')}
        </button>
      </Form>
      <p>{t('admin.members.count', { n: total })}</p>
      <div className="table-scroll">
        <table className="members">
          <caption className="visually-hidden">{t('admin.members.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fields.displayName')}</th>
              <th scope="col">{t('fields.email')}</th>
              <th scope="col">{t('admin.members.joined')}</th>
              <th scope="col">{t('admin.members.lastActive')}</th>
              <th scope="col">{t('admin.members.role')}</th>
              <th scope="col">{t('admin.members.twoFactor')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <MemberRow key={m.id} m={m} />
            ))}
          </tbody>
        </table>
      </div>
      {pageCount > 1 ? (
        <nav aria-label={t('admin.members.pages')} className="pager">
          {page > 1 ? <a href={`?q=${encodeURIComponent(query)}&page=${page - 1}`}>{t('pager.previous')}</a> : null}
          <span>{t('pager.position', { page, pageCount })}</span>
          {page < pageCount ? <a href={`?q=${encodeURIComponent(query)}&page=${page + 1}`}>{t('pager.next')}</a> : null}
        </nav>
      ) : null}
      <h2>{t('admin.roleChanges.title')}</h2>
      {roleChanges.length === 0 ? <p>{t('admin.roleChanges.none')}</p> : null}
      <ul className="audit" data-testid="role-changes">
        {roleChanges.map((c) => (
          <li key={c.id}>
            <Time value={c.at} style="datetime" />{' '}
            {t('admin.roleChanges.entry', {
              actor: c.actorName ?? t('admin.roleChanges.system'),
              target: c.targetName ?? '?',
              from: c.from ? t(`role.${c.from}`) : '—',
              to: c.to ? t(`role.${c.to}`) : '—',
            })}
            {c.reason ? <q>{c.reason}</q> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
