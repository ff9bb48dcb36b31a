import { useRevalidator } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { useT } from '~/utils/i18n.tsx';
import { usePageRefreshMs, useRefreshPage } from '~/utils/page-refresh.ts';

/**
 * Time left until a moment (the opening or the close), ticking every second; the page asks for fresh figures
 * (turnout) every PAGE_REFRESH_MS (15 s by default) while visible, and once more when the moment passes.
 */
export function Countdown({
  until,
  labelKey,
}: {
  until: string | Date;
  labelKey: 'rounds.closesIn' | 'rounds.opensIn';
}) {
  const t = useT();
  const revalidator = useRevalidator();
  const refreshPage = useRefreshPage();
  const refreshMs = usePageRefreshMs();
  const target = new Date(until).getTime();
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const tick = setInterval(() => setNow(Date.now()), 1000);
    const refresh = setInterval(() => {
      if (document.visibilityState === 'visible' && revalidator.state === 'idle') refreshPage();
    }, refreshMs);
    return () => {
      clearInterval(tick);
      clearInterval(refresh);
    };
  }, [revalidator, refreshPage, refreshMs]);
  const left = now === null ? null : target - now;
  useEffect(() => {
    if (left !== null && left <= 0 && left > -1500 && revalidator.state === 'idle') refreshPage();
  }, [left, revalidator, refreshPage]);
  if (left === null) return null;
  const s = Math.max(0, Math.floor(left / 1000));
  const parts = {
    d: Math.floor(s / 86_400),
    h: Math.floor((s % 86_400) / 3600),
    m: Math.floor((s % 3600) / 60),
    s: s % 60,
  };
  return (
    // Announced politely once, not every second: the live region holds the minutes only.
    <p className="countdown" data-testid="countdown">
      {t(labelKey)}{' '}
      <span aria-hidden="true">
        {parts.d > 0 ? `${parts.d} ${t('rounds.unit.d')} ` : null}
        {String(parts.h).padStart(2, '0')}:{String(parts.m).padStart(2, '0')}:{String(parts.s).padStart(2, '0')}
      </span>
      <span className="visually-hidden">{t('rounds.leftSpoken', { d: parts.d, h: parts.h, m: parts.m })}</span>
    </p>
  );
}
