import { Link } from '@remix-run/react';
import { useT } from '~/utils/i18n.tsx';
import { ProgramText } from '~/utils/content-lang.tsx';

/** The amendments this one competes with: they change the same words and will be settled by one ranked vote. */
export function Competitors(props: { slug: string; competitors: { id: string; title: string; status: string }[] }) {
  const t = useT();
  if (!props.competitors.length) return null;
  return (
    <section className="collisions notice notice-warning" aria-labelledby="collisions-title" data-testid="competitors">
      <h2 id="collisions-title">{t('collisions.title')}</h2>
      <p>{t('collisions.explain')}</p>
      <ul>
        {props.competitors.map((c) => (
          <li key={c.id}>
            <Link to={`/p/${props.slug}/amendments/${c.id}`}>
              <ProgramText>{c.title}</ProgramText>
            </Link>{' '}
            <span className="badge">{t(`amendments.status.${c.status}` as 'amendments.status.SUBMITTED')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
