import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import type { SerializeFrom } from '@remix-run/node';
import { Form, useActionData, useNavigation } from '@remix-run/react';
import { Field } from '~/components/forms.tsx';
import type { RoundView } from '~/modules/voting/round-view.server.ts';
import { ReminderSchema, RescheduleSchema } from '~/modules/voting/voting.schema.ts';
import type { action } from '~/routes/p.$slug.rounds.$roundId._index.tsx';
import { useT } from '~/utils/i18n.tsx';
import { lastResultOf } from '~/utils/refusal.ts';
import { LocalDateTime } from './local-date-time.tsx';

/** Moderators move the closing time, with a public reason; a time already past closes the round now. */
export function Reschedule({ closesAt }: { closesAt: string | Date }) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: 'reschedule',
    lastResult: navigation.state === 'idle' ? lastResultOf(actionData) : undefined,
    constraint: getZodConstraint(RescheduleSchema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RescheduleSchema }),
  });
  return (
    <section aria-labelledby="reschedule-title" className="card">
      <h2 id="reschedule-title">{t('rounds.reschedule')}</h2>
      <p className="field-hint">{t('rounds.rescheduleHint')}</p>
      <Form method="post" {...getFormProps(form)}>
        <LocalDateTime
          field={fields.closesAt}
          label={t('rounds.form.closesAt')}
          initial={closesAt}
          hint={t('rounds.form.timeHint')}
        />
        <Field field={fields.reason} label={t('moderation.reason')} />
        <button type="submit" className="button button-secondary" disabled={navigation.state !== 'idle'}>
          {t('rounds.rescheduleSubmit')}
        </button>
      </Form>
    </section>
  );
}

type Mailing = NonNullable<SerializeFrom<RoundView>['mailing']>;

/** Moderators see how the mail to the census goes: queued, sent, no longer needed, failed (counts only). */
export function MailProgress({ mailing }: { mailing: Mailing }) {
  const t = useT();
  const rows = [
    ['calls', t('mailing.calls'), mailing.calls],
    ['reminders', t('mailing.reminders'), mailing.reminders],
  ] as const;
  return (
    <section aria-labelledby="mailing-title">
      <h2 id="mailing-title">{t('mailing.progressTitle')}</h2>
      <table data-testid="mail-progress">
        <thead>
          <tr>
            <th scope="col">{t('mailing.kind')}</th>
            <th scope="col">{t('mailing.queued')}</th>
            <th scope="col">{t('mailing.sent')}</th>
            <th scope="col">{t('mailing.skipped')}</th>
            <th scope="col">{t('mailing.failed')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([id, label, counts]) => (
            <tr key={id} data-testid={`mail-${id}`}>
              <th scope="row">{label}</th>
              <td data-testid="queued">{counts.queued}</td>
              <td data-testid="sent">{counts.sent}</td>
              <td data-testid="skipped">{counts.skipped}</td>
              <td data-testid="failed">{counts.failed}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="field-hint">
        {mailing.scheduled.length
          ? t('mailing.scheduled', {
              list:
                mailing.scheduled
                  .map((r) => new Date(r.sendAt).toISOString().slice(0, 16).replace('T', ' '))
                  .join(', ') + ' UTC',
            })
          : t('mailing.noReminder')}
      </p>
    </section>
  );
}

/** Moderators schedule a reminder to the census members who have not voted (now, when the time is left empty). */
export function Remind() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: 'remind',
    lastResult: navigation.state === 'idle' ? lastResultOf(actionData, { intent: 'remind' }) : undefined,
    constraint: getZodConstraint(ReminderSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReminderSchema }),
  });
  return (
    <section aria-labelledby="remind-title" className="card">
      <h2 id="remind-title">{t('mailing.remindTitle')}</h2>
      <p className="field-hint">{t('mailing.remindHint')}</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="remind" />
        <LocalDateTime field={fields.sendAt} label={t('mailing.sendAt')} hint={t('rounds.form.timeHint')} />
        <button type="submit" className="button button-secondary" disabled={navigation.state !== 'idle'}>
          {t('mailing.remindSubmit')}
        </button>
      </Form>
    </section>
  );
}
