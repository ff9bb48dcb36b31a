import type { SerializeFrom } from '@remix-run/node';
import { Form, useRevalidator } from '@remix-run/react';
import { useEffect, useState } from 'react';
import type { supportSummary } from '~/modules/amendments/supports.server.ts';
import { useFormatDate, useT } from '~/utils/i18n.tsx';
import { usePageRefreshMs, useRefreshPage } from '~/utils/page-refresh.ts';

type SupportData = SerializeFrom<NonNullable<Awaited<ReturnType<typeof supportSummary>>>>;

/**
 * The support bar: how many of how many, the rule and what it was computed from, the time left (ticking), and
 * the member's support. While supports are collected, the page asks for fresh figures every PAGE_REFRESH_MS
 * (15 s by default).
 */
export function Supports(props: {
  supports: SupportData;
  status: string;
  canSupport: boolean;
  busy: boolean;
  /** Validated groups the member coordinates that have not endorsed it yet, while it collects supports. */
  endorseAs?: { id: string; name: string }[];
}) {
  const t = useT();
  const formatDate = useFormatDate();
  const revalidator = useRevalidator();
  const refreshPage = useRefreshPage();
  const refreshMs = usePageRefreshMs();
  const { supports } = props;
  const deadline = supports.deadline ? new Date(supports.deadline).getTime() : null;
  const collecting = props.status === 'SUBMITTED' || props.status === 'QUALIFIED';
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const tick = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(tick);
  }, []);
  useEffect(() => {
    if (!collecting) return;
    const refresh = setInterval(() => {
      if (document.visibilityState === 'visible' && revalidator.state === 'idle') refreshPage();
    }, refreshMs);
    return () => clearInterval(refresh);
  }, [collecting, revalidator, refreshPage, refreshMs]);
  const left = deadline !== null && now !== null ? deadline - now : null;
  const timeLeft = (ms: number) => {
    const minutes = Math.max(1, Math.floor(ms / 60_000));
    if (minutes >= 2 * 24 * 60) return t('supports.days', { n: Math.round(minutes / (24 * 60)) });
    if (minutes >= 120) return t('supports.hours', { n: Math.round(minutes / 60) });
    return t('supports.minutes', { n: minutes });
  };
  return (
    <section className="supports" aria-labelledby="supports-title" data-testid="supports">
      <h2 id="supports-title">{t('supports.title')}</h2>
      <p>
        <label htmlFor="supports-bar">
          {t('supports.progress', { count: supports.count, needed: supports.needed })}
        </label>
      </p>
      <progress id="supports-bar" max={supports.needed} value={Math.min(supports.count, supports.needed)}>
        {supports.count}/{supports.needed}
      </progress>
      <p className="field-hint" data-testid="supports-rule">
        {supports.rule === 'GROUP_SHARE'
          ? t('supports.ruleGroups', {
              value: supports.value ?? 0,
              denominator: supports.denominator ?? 0,
              date: supports.countedAt ? formatDate(supports.countedAt) : '',
              needed: supports.needed,
            })
          : supports.rule === 'ACTIVE_SHARE'
            ? t('supports.ruleShare', {
                value: supports.value ?? 0,
                denominator: supports.denominator ?? 0,
                days: supports.activeDays ?? 0,
                date: supports.countedAt ? formatDate(supports.countedAt) : '',
                needed: supports.needed,
              })
            : t('supports.ruleAbsolute', { needed: supports.needed })}
      </p>
      {supports.qualifiedAt ? (
        <p className="notice">{t('supports.qualified', { date: formatDate(supports.qualifiedAt) })}</p>
      ) : null}
      {supports.deadline && collecting ? (
        <p data-testid="supports-deadline">
          {t('supports.deadline', { date: formatDate(supports.deadline, 'datetime') })}
          {left !== null
            ? left > 0
              ? ` — ${t('supports.left', { time: timeLeft(left) })}`
              : ` — ${t('supports.ended')}`
            : null}
        </p>
      ) : supports.deadline ? (
        // Past collecting (admissible, in the vote, decided...): the deadline is history, nothing counts down.
        <p data-testid="supports-deadline">
          {t('supports.closedOn', { date: formatDate(supports.deadline, 'datetime') })}
        </p>
      ) : null}
      {supports.groups.length ? (
        <p data-testid="endorsed-by">
          {t('supports.endorsedBy', { names: supports.groups.map((g) => g.name).join(', ') })}
        </p>
      ) : null}
      {supports.rule === 'GROUP_SHARE' && supports.supports ? (
        <p className="field-hint">{t('supports.membersToo', { n: supports.supports })}</p>
      ) : null}
      {props.endorseAs?.length ? (
        <Form method="post" className="inline-form" data-testid="endorse">
          <input type="hidden" name="intent" value="endorse" />
          <label htmlFor="endorse-group">{t('supports.endorseAs')}</label>
          <select id="endorse-group" name="groupId">
            {props.endorseAs.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
          <button type="submit" className="button button-secondary" disabled={props.busy}>
            {t('supports.endorse')}
          </button>
        </Form>
      ) : null}
      {supports.mine ? <p>{t('supports.mine')}</p> : null}
      {props.canSupport ? (
        <Form method="post">
          <input type="hidden" name="intent" value={supports.mine ? 'unsupport' : 'support'} />
          <button type="submit" className={supports.mine ? 'button button-secondary' : 'button'} disabled={props.busy}>
            {supports.mine ? t('supports.withdraw') : t('supports.support')}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
