import { Form, useLocation, useNavigation } from '@remix-run/react';
import { useT } from '~/utils/i18n.tsx';

/** Follow or stop following a program, chapter, section or amendment (ADR 0035); nothing for the public. */
export function FollowButton({ state }: { state: { target: string; following: boolean } | null }) {
  const t = useT();
  const location = useLocation();
  const busy = useNavigation().state !== 'idle';
  if (!state) return null;
  return (
    <Form method="post" action="/follow" className="inline-form follow-form" data-testid="follow">
      <input type="hidden" name="intent" value={state.following ? 'unfollow' : 'follow'} />
      <input type="hidden" name="target" value={state.target} />
      <input type="hidden" name="back" value={location.pathname} />
      {state.following ? <span className="muted">{t('follow.isOn')} </span> : null}
      <button
        type="submit"
        className="button button-small button-secondary"
        disabled={busy}
        title={state.following ? undefined : t('follow.explain')}
      >
        {state.following ? t('follow.unfollow') : t('follow.follow')}
      </button>
    </Form>
  );
}
