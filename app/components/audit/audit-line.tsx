import { Link } from '@remix-run/react';
import type { AuditAction, AuditDetails, AuditTarget } from '~/modules/audit/program-audit.server.ts';
import { useFormatDate, useSignature, useT } from '~/utils/i18n.tsx';
import { ProgramText } from '~/utils/content-lang.tsx';

/** One moderator action of the public audit log: what was done, to what, and its public details. */
export function AuditLine({
  slug,
  event,
}: {
  slug: string;
  event: { action: AuditAction; target: AuditTarget; details: AuditDetails };
}) {
  const t = useT();
  const formatDate = useFormatDate();
  const signed = useSignature();
  const { target, details } = event;
  const what = (() => {
    switch (target.type) {
      case 'program':
        return null;
      case 'chapter':
      case 'section':
        return (
          <q>
            <ProgramText>{target.title}</ProgramText>
          </q>
        );
      case 'round':
        return (
          <Link to={`/p/${slug}/rounds/${target.id}`}>
            {t('rounds.numbered', { n: target.number, title: target.title })}
          </Link>
        );
      case 'amendment':
      case 'comment':
        return (
          <Link to={`/p/${slug}/amendments/${target.id}`}>
            <ProgramText>{target.title}</ProgramText>
          </Link>
        );
    }
  })();
  const facts: string[] = [];
  if (details.phase) {
    facts.push(t('audit.phaseMove', { from: t(`phase.${details.phase.from}`), to: t(`phase.${details.phase.to}`) }));
  }
  if (details.movedBack) facts.push(t('audit.movedBack', details.movedBack));
  if (details.changed?.length) {
    facts.push(
      t('audit.changed', { names: details.changed.map((k) => t(`audit.setting.${k as 'draftIsPublic'}`)).join(', ') }),
    );
  }
  if (details.closes) {
    facts.push(
      t('audit.closes', {
        from: formatDate(details.closes.from, 'datetime'),
        to: formatDate(details.closes.to, 'datetime'),
      }),
    );
  }
  if (details.drafter !== undefined) {
    facts.push(details.drafter === null ? t('audit.drafterUnnamed') : signed(details.drafter));
  }
  if (details.version !== undefined) facts.push(t('audit.version', { n: details.version }));
  if (details.sections !== undefined) facts.push(t('audit.imported', { n: details.sections }));
  return (
    <span data-kind={event.action}>
      {t(`audit.action.${event.action}`)}
      {what ? <>: {what}</> : null}
      {facts.length ? <span className="muted"> — {facts.join(' — ')}</span> : null}
    </span>
  );
}
