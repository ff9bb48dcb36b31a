import { safeHref } from '~/utils/links.ts';
import { useId, type ReactNode } from 'react';
import type { AttributedBlock, AttributedDoc, AttributedInline } from '~/modules/publication/provenance.ts';
import type { Source } from '~/modules/publication/versions.server.ts';
import { DirectEditNote } from './direct-edit.tsx';
import { useFormatDate, useLocale, useSignature, useT } from '~/utils/i18n.tsx';
import { ProgramText, useContentLang } from '~/utils/content-lang.tsx';

/** The name of a passage's link to its provenance, and the language it is in when not the text's. */
type Label = { (n: number): string; lang?: string };

type Numbering = Map<string, number>;

function renderText(node: AttributedInline, key: number): ReactNode {
  if (node.type === 'hardBreak') return <br key={key} />;
  let out: ReactNode = node.text;
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold') out = <strong>{out}</strong>;
    else if (mark.type === 'italic') out = <em>{out}</em>;
    else
      out = (
        <a href={safeHref(mark.attrs.href)} rel="noopener noreferrer nofollow">
          {out}
        </a>
      );
  }
  return <span key={key}>{out}</span>;
}

/**
 * Inline content with each passage an amendment wrote inside a <mark>, followed by a numbered link to "why is
 * this here?" below the text: a link, so it works with the keyboard, a screen reader and without JavaScript.
 * Its number is CSS-generated from `data-note` (with empty alternative text), never a text node: copied text,
 * the page's plain text and what a screen reader reads are the words alone ("30 hours", not "301 hours"); the
 * link is named by its label, apart from the words.
 */
function renderInline(nodes: AttributedInline[] | undefined, numbering: Numbering, label: Label) {
  const out: ReactNode[] = [];
  let i = 0;
  const list = nodes ?? [];
  while (i < list.length) {
    const node = list[i]!;
    const src = node.type === 'text' ? node.src : undefined;
    if (!src) {
      out.push(renderText(node, i));
      i++;
      continue;
    }
    const run: AttributedInline[] = [];
    while (i < list.length && list[i]!.type === 'text' && (list[i] as { src?: string }).src === src)
      run.push(list[i++]!);
    // Spaces before the passage stay outside the mark.
    const first = run[0] as { text: string };
    const lead = /^\s+/.exec(first.text)?.[0] ?? '';
    if (lead) out.push(<span key={`lead-${i}`}>{lead}</span>);
    const marked = lead
      ? [{ ...(run[0] as object), text: first.text.slice(lead.length) } as AttributedInline, ...run.slice(1)]
      : run;
    const n = numbering.get(src)!;
    out.push(
      <mark key={`m-${i}`} className="provenance" data-amendment={src}>
        {marked.map((m, k) => renderText(m, k))}
        <a href={`#why-${src}`} className="why-link" data-note={n} aria-label={label(n)} lang={label.lang} />
      </mark>,
    );
  }
  return out;
}

function renderBlock(node: AttributedBlock, key: number, numbering: Numbering, label: Label): ReactNode {
  const children = (blocks: AttributedBlock[]) => blocks.map((b, i) => renderBlock(b, i, numbering, label));
  switch (node.type) {
    case 'paragraph':
      return <p key={key}>{renderInline(node.content, numbering, label)}</p>;
    case 'heading': {
      const Tag = `h${node.attrs.level + 1}` as 'h3' | 'h4' | 'h5';
      return <Tag key={key}>{renderInline(node.content, numbering, label)}</Tag>;
    }
    case 'bulletList':
      return (
        <ul key={key}>
          {node.content.map((item, i) => (
            <li key={i}>{children(item.content)}</li>
          ))}
        </ul>
      );
    case 'orderedList':
      return (
        <ol key={key} start={node.attrs?.start}>
          {node.content.map((item, i) => (
            <li key={i}>{children(item.content)}</li>
          ))}
        </ol>
      );
    case 'blockquote':
      return <blockquote key={key}>{children(node.content)}</blockquote>;
  }
}

/** The amendments a document's marks point to, numbered in order of appearance. */
export function numberSources(doc: AttributedDoc): Numbering {
  const numbering: Numbering = new Map();
  const visit = (nodes: unknown[] | undefined) => {
    for (const node of nodes ?? []) {
      const n = node as { src?: string; content?: unknown[] };
      if (n.src && !numbering.has(n.src)) numbering.set(n.src, numbering.size + 1);
      visit(n.content);
    }
  };
  visit(doc.content);
  return numbering;
}

/**
 * A published section's text, with its changed passages marked and linked to their provenance. The text is in the
 * program's language (ADR 0038); the links' names are the page's words, and say so when the two differ.
 */
export function ProvenanceText({ doc, numbering }: { doc: AttributedDoc; numbering: Numbering }) {
  const t = useT();
  const lang = useContentLang();
  const locale = useLocale();
  const label: Label = Object.assign((n: number) => t('version.whyLink', { n }), {
    lang: lang ? locale : undefined,
  });
  return (
    <div className="rich-text" lang={lang}>
      {doc.content.map((b, i) => renderBlock(b, i, numbering, label))}
    </div>
  );
}

/** "Why is this text here?": each amendment that wrote a marked passage, its authors, its vote and result. */
export function Provenance({
  slug,
  numbering,
  sources,
  changedBy = [],
}: {
  slug: string;
  numbering: Numbering;
  sources: Record<string, Source>;
  /** Every amendment applied to the section, including those that only removed words (they leave no mark). */
  changedBy?: string[];
}) {
  const t = useT();
  const formatDate = useFormatDate();
  const signed = useSignature();
  const titleId = useId();
  const removedOnly = changedBy.filter((id) => !numbering.has(id));
  const entries: [string, number | null][] = [
    ...numbering.entries(),
    ...removedOnly.map((id) => [id, null] as [string, null]),
  ];
  return (
    <section className="provenance-list" aria-labelledby={titleId} data-testid="provenance">
      <h2 id={titleId}>{t('version.whyTitle')}</h2>
      {entries.length === 0 ? <p>{t('version.untouched')}</p> : <p className="field-hint">{t('version.unmarked')}</p>}
      <ol>
        {entries.map(([id, n]) => {
          const s = sources[id];
          if (!s) return null;
          return (
            <li key={id} id={`why-${id}`} value={n ?? undefined} tabIndex={-1}>
              {n === null ? (
                <p className="field-hint">{t(s.edit ? 'version.directEditRemoved' : 'version.removedWords')}</p>
              ) : null}
              {s.edit ? (
                <p>
                  <DirectEditNote source={s} />
                </p>
              ) : null}
              {s.edit ? null : (
                <p>
                  <a href={`/p/${slug}/amendments/${id}`}>
                    <ProgramText>{s.title}</ProgramText>
                  </a>{' '}
                  <span className="muted">— {t('version.by', { names: s.authors.map(signed).join(', ') })}</span>
                </p>
              )}
              {s.round ? (
                <p>
                  {t('version.adoptedIn')}{' '}
                  <a href={`/p/${slug}/rounds/${s.round.id}`}>
                    {t('rounds.numbered', { n: s.round.number, title: s.round.title })}
                  </a>
                  {s.round.closedAt ? ` (${formatDate(s.round.closedAt)})` : null}
                  {s.result?.kind === 'YES_NO'
                    ? ` — ${t('version.resultYesNo', { yes: s.result.yes, no: s.result.no, abstain: s.result.abstain })}`
                    : s.result?.kind === 'PREFERENTIAL'
                      ? ` — ${t('version.resultPreferential', { method: t(`rounds.method.${s.result.method as 'SCHULZE'}`), n: s.result.alternatives })}`
                      : null}
                  {s.turnout
                    ? ` — ${t('version.turnout', { ballots: s.turnout.ballots, census: s.turnout.census })}`
                    : null}
                </p>
              ) : null}
              {s.resolution ? <p className="field-hint">{t('version.resolved', { reason: s.resolution })}</p> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
