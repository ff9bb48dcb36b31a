import type { SerializeFrom } from '@remix-run/node';
import { Form, useActionData, useNavigation } from '@remix-run/react';
import { ErrorList } from '~/components/forms.tsx';
import { Time } from '~/components/time.tsx';
import type { action, loader } from '~/routes/admin.members.tsx';
import { useT } from '~/utils/i18n.tsx';

const ROLES = ['MEMBER', 'MODERATOR', 'ADMIN'] as const;

/**
 * One member in the admins' list: their name (and suspension, with its form when the admin may suspend them),
 * address, dates, role (with its form when the admin may change it) and two-factor state.
 */
export function MemberRow({ m }: { m: SerializeFrom<typeof loader>['members'][number] }) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const errors = (actionData?.memberId === m.id ? actionData.errors : undefined) as
    | Record<string, string[] | null | undefined>
    | undefined;
  return (
    <tr data-member-email={m.email}>
      <th scope="row">
        {m.deletedAt ? t('debate.formerMember') : m.displayName}
        {m.suspendedAt ? (
          <span className="badge badge-warning" data-testid="suspended-badge">
            {t('admin.members.suspended', { reason: m.suspendedReason ?? '' })}
          </span>
        ) : null}
        {m.canSuspend ? (
          <Form method="post" className="role-form">
            <input type="hidden" name="memberId" value={m.id} />
            <input type="hidden" name="intent" value={m.suspendedAt ? 'reinstate' : 'suspend'} />
            <label htmlFor={`suspend-${m.id}`} className="visually-hidden">
              {t('admin.members.suspendReasonFor', { name: m.displayName })}
            </label>
            <input
              id={`suspend-${m.id}`}
              name="reason"
              placeholder={t('admin.members.reason')}
              required
              minLength={3}
              maxLength={500}
            />
            <button type="submit" className="button-small button-secondary" disabled={busy}>
              {m.suspendedAt ? t('admin.members.reinstate') : t('admin.members.suspend')}
            </button>
          </Form>
        ) : null}
      </th>
      <td>
        {m.email}
        {m.emailVerifiedAt ? null : <span className="badge">{t('admin.members.unverified')}</span>}
      </td>
      <td>
        <Time value={m.createdAt} />
      </td>
      <td>{m.lastActiveAt ? <Time value={m.lastActiveAt} /> : '—'}</td>
      <td>
        {m.canChangeRole ? (
          <Form method="post" className="role-form">
            <input type="hidden" name="memberId" value={m.id} />
            <label htmlFor={`role-${m.id}`} className="visually-hidden">
              {t('admin.members.roleFor', { name: m.displayName })}
            </label>
            <select id={`role-${m.id}`} name="role" defaultValue={m.role}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
            <label htmlFor={`reason-${m.id}`} className="visually-hidden">
              {t('admin.members.reasonFor', { name: m.displayName })}
            </label>
            <input
              id={`reason-${m.id}`}
              name="reason"
              placeholder={t('admin.members.reason')}
              required
              minLength={3}
              maxLength={500}
              aria-invalid={errors?.reason ? true : undefined}
            />
            <button type="submit" className="button-small" disabled={busy}>
              {t('admin.members.change')}
            </button>
            <ErrorList errors={[...(errors?.reason ?? []), ...(errors?.role ?? []), ...(errors?.[''] ?? [])]} />
          </Form>
        ) : (
          t(`role.${m.role}`)
        )}
      </td>
      <td data-testid="two-factor">{m.twoFactor ? t('admin.members.twoFactorOn') : t('admin.members.twoFactorOff')}</td>
    </tr>
  );
}
