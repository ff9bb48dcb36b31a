import { nextPhaseOf } from '~/modules/programs/phase-order.ts';
import type { MetaFunction } from '@remix-run/node';
import { Link, Outlet, useLoaderData, useLocation } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx';
import { sectionsBeingEdited } from '~/modules/live-text/live-text.server.ts';
import { programFrame } from '~/modules/programs/programs.server.ts';
import { actorOf } from '~/utils/auth.server.ts';
import { useFormatDate, useLocale, useT } from '~/utils/i18n.tsx';
import { routeLoader } from '~/utils/route.server.ts';
import { contentsHref } from '~/utils/contents.ts';
import { ProgramLanguage, ProgramText } from '~/utils/content-lang.tsx';
import { usePlainLinks } from '~/utils/plain-links.ts';

export const loader = /* @__PURE__ */ routeLoader(async ({ params, context }) => {
  const outline = await programFrame(actorOf(context), params.slug ?? '');
  // Who is writing what is the live draft's: nothing to say to those who may not read it.
  const editing = outline.abilities.readDraft
    ? await sectionsBeingEdited(outline.chapters.flatMap((c) => c.sections.map((s) => s.id)))
    : {};
  return { ...outline, editing };
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.program.title} · Plenum` : 'Plenum' },
];

/** A program's frame: its title and phase, and the table of contents beside every page of it. */
export default function ProgramLayout() {
  const t = useT();
  const formatDate = useFormatDate();
  const { program, chapters, contents, abilities, editing: editingAtLoad } = useLoaderData<typeof loader>();
  const editing = useEditingNow(program.slug, editingAtLoad, abilities.readDraft);
  const href = contentsHref(program.slug, contents);
  // The table of contents has a link per section (hundreds in a national program), on every page of the program:
  // plain links, followed by one handler, marked current as NavLink would (ADR 0044).
  const follow = usePlainLinks();
  const here = useLocation().pathname.toLowerCase();
  const current = (to: string) => {
    const path = to.toLowerCase();
    return here === path || here.startsWith(`${path}/`) ? { className: 'active', 'aria-current': 'page' as const } : {};
  };
  const locale = useLocale();
  const lang = program.language && program.language !== locale ? program.language : undefined;
  const title = (words: string) => (lang ? <span lang={lang}>{words}</span> : words);
  return (
    <ProgramLanguage language={program.language}>
      <div className="program">
        <header className="program-header">
          <p className="program-title">
            <Link to={`/p/${program.slug}`}>
              <ProgramText>{program.title}</ProgramText>
            </Link>
          </p>
          <p className="phase-line">
            <span className="badge" data-testid="phase">
              {t('program.phaseLabel')} {t(`phase.${program.phase}`)}
            </span>{' '}
            <span className="muted" data-testid="phase-dates">
              {t('program.phaseSince', { date: formatDate(program.phaseStartedAt) })}
              {program.phaseEndsAt
                ? ` · ${t('program.phaseUntil', { date: formatDate(program.phaseEndsAt, 'day') })}`
                : null}
              {program.phaseEndsAt && program.phaseAutoAdvance && program.phase !== 'PUBLISHED' ? (
                <span data-testid="phase-scheduled">
                  {' · '}
                  {t('program.phaseMovesBy', {
                    phase: t(`phase.${nextPhaseOf(program.phase)!}`),
                    date: formatDate(program.phaseEndsAt, 'datetime'),
                  })}
                </span>
              ) : null}
            </span>
          </p>
        </header>
        <div className="program-body">
          <nav className="toc" aria-label={t('program.toc')} onClick={follow}>
            <ol>
              {chapters.map((c) => (
                <li key={c.id}>
                  <a href={href('chapters', c.id)} {...current(href('chapters', c.id))}>
                    {c.number}. {title(c.title)}
                  </a>
                  <ol>
                    {c.sections.map((s) => (
                      <li key={s.id}>
                        <a href={href('sections', s.id)} {...current(href('sections', s.id))}>
                          {s.number} {title(s.title)}
                          {s.lockedAt ? <span className="toc-locked"> {t('structure.locked')}</span> : null}
                          {editing[s.id] ? (
                            <span className="editing-now" data-testid={`editing-${s.id}`}>
                              {t('program.editingNow', { names: editing[s.id]!.join(', ') })}
                            </span>
                          ) : null}
                        </a>
                      </li>
                    ))}
                  </ol>
                </li>
              ))}
            </ol>
          </nav>
          <div className="program-content">
            <Outlet />
          </div>
        </div>
      </div>
    </ProgramLanguage>
  );
}

const EDITING_POLL_MS = 5_000;

/** Who is editing each section: as the page was rendered, then asked again every few seconds while visible. */
function useEditingNow(slug: string, atLoad: Record<string, string[]>, readsDraft: boolean) {
  const [editing, setEditing] = useState(atLoad);
  useEffect(() => setEditing(atLoad), [atLoad]);
  useEffect(() => {
    if (!readsDraft) return;
    let stopped = false;
    const refresh = async () => {
      if (document.visibilityState !== 'visible') return;
      // eslint-disable-next-line no-restricted-syntax -- in the browser: a failed poll is no refusal to answer
      try {
        const response = await fetch(`/p/${slug}/editing`, { headers: { Accept: 'application/json' } });
        if (!response.ok || stopped) return;
        const body = (await response.json()) as { editing: Record<string, string[]> };
        setEditing(body.editing);
      } catch {
        // Offline for a moment: keep what is shown; the next round will tell.
      }
    };
    const timer = setInterval(() => void refresh(), EDITING_POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [slug, readsDraft]);
  return editing;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
