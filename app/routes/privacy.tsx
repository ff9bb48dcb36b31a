import type { MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import type { Personal, PrivacyModel, PrivacyPageText } from '~/modules/privacy/inventory.ts';
import { routeLoader } from '~/utils/route.server.ts';

export const loader = /* @__PURE__ */ routeLoader(async ({ context }) => {
  // Imported where only the server runs it: the browser gets this page's words in the reader's language, never
  // the descriptions in every language (a static import would put them all in the route's script).
  const { privacyInventory, privacyPageText } = await import('~/modules/privacy/inventory.ts');
  return { text: privacyPageText(context.locale), groups: privacyInventory(context.locale) };
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.text.title} · Plenum` : 'Plenum' },
];

/**
 * What Plenum stores, why and for how long (issue 7): every table and every field of the data model, generated
 * from it (app/modules/privacy/inventory.ts, its words in app/modules/privacy/text/), so that the page cannot drift
 * from the database.
 */
export default function PrivacyPage() {
  const { text, groups } = useLoaderData<typeof loader>();
  return (
    <article className="privacy">
      <h1>{text.heading}</h1>
      {text.intro.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      <p>
        {text.account.before}
        <Link to="/account">{text.account.link}</Link>
        {text.account.after}
      </p>
      <p>{text.generated}</p>

      <nav aria-labelledby="privacy-contents">
        <h2 id="privacy-contents">{text.contents}</h2>
        <ul>
          {groups.map((group) => (
            <li key={group.id}>
              <a href={`#group-${group.id}`}>{group.title}</a>
              <ul>
                {group.models.map((model) => (
                  <li key={model.name}>
                    <a href={`#table-${model.name}`}>{model.title}</a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </nav>

      <h2 id="privacy-legend">{text.legendTitle}</h2>
      <dl aria-labelledby="privacy-legend">
        {(['yes', 'pseudonymous', 'no'] as const).map((p) => (
          <div key={p}>
            <dt>{text.personal[p].label}</dt>
            <dd>{text.personal[p].meaning}</dd>
          </div>
        ))}
      </dl>

      {groups.map((group) => (
        <section key={group.id} aria-labelledby={`group-${group.id}`}>
          <h2 id={`group-${group.id}`}>{group.title}</h2>
          <p>{group.intro}</p>
          {group.models.map((model) => (
            <ModelTable key={model.name} model={model} text={text} />
          ))}
        </section>
      ))}
    </article>
  );
}

function ModelTable({ model, text }: { model: PrivacyModel; text: PrivacyPageText }) {
  const personal = (p: Personal) => text.personal[p].label;
  return (
    <section aria-labelledby={`table-${model.name}`} data-testid={`privacy-model-${model.name}`}>
      <h3 id={`table-${model.name}`}>{model.title}</h3>
      <p>{model.summary}</p>
      <dl>
        <div>
          <dt>{text.table}</dt>
          <dd>
            <code>{model.name}</code>
          </dd>
        </div>
        <div>
          <dt>{text.retention}</dt>
          <dd>{model.retention}</dd>
        </div>
        <div>
          <dt>{text.visibleTo}</dt>
          <dd>{model.visibleTo}</dd>
        </div>
      </dl>
      <div className="table-scroll">
        <table className="members stack-on-phone">
          <caption>{text.caption.replace('{title}', model.title)}</caption>
          <thead>
            <tr>
              <th scope="col">{text.columns.field}</th>
              <th scope="col">{text.columns.what}</th>
              <th scope="col">{text.columns.why}</th>
              <th scope="col">{text.columns.retention}</th>
              <th scope="col">{text.columns.visibleTo}</th>
              <th scope="col">{text.columns.personal}</th>
            </tr>
          </thead>
          <tbody>
            {model.fields.map((field) => (
              <tr key={field.name} data-testid={`privacy-field-${model.name}-${field.name}`}>
                <th scope="row">
                  <code>{field.name}</code>
                </th>
                <td data-label={text.columns.what}>{field.what}</td>
                <td data-label={text.columns.why}>{field.why}</td>
                <td data-label={text.columns.retention}>{field.retention ?? text.sameAsTable}</td>
                <td data-label={text.columns.visibleTo}>{field.visibleTo ?? text.sameAsTable}</td>
                <td data-label={text.columns.personal}>{personal(field.personal)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
