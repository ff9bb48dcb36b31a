import { createContext, Fragment, useContext, type ReactNode } from 'react';
import { useLocale } from '~/utils/i18n.tsx';

/**
 * The `lang` of a program's text on this page (ADR 0038): the program's language when the page is in another
 * one, else undefined (the page's own `lang` says it). Pages of a program provide it from the program; outside
 * one (a renderer called alone, as tests do) there is none.
 */
export const ContentLangContext = createContext<string | undefined>(undefined);

/** Gives the text below the program's language, when it is not the page's (screen readers, hyphenation). */
export function ProgramLanguage({ language, children }: { language: string | null | undefined; children: ReactNode }) {
  const locale = useLocale();
  const lang = language && language !== locale ? language : undefined;
  return <ContentLangContext.Provider value={lang}>{children}</ContentLangContext.Provider>;
}

/** The `lang` to put on a program's text: its language when known and not the page's, else undefined. */
export function useContentLang(): string | undefined {
  return useContext(ContentLangContext);
}

/**
 * A piece of the program's words (a title) inside the page's own: marked with the program's language if it differs.
 * Pages that are not a program's own (home, my activity, notifications, groups) list several programs' words: they
 * give each piece its program's `language`; program pages leave it out and the surrounding `ProgramLanguage` rules.
 */
export function ProgramText({ language, children }: { language?: string | null; children: ReactNode }) {
  const locale = useLocale();
  const inherited = useContentLang();
  const lang = language === undefined ? inherited : language && language !== locale ? language : undefined;
  return lang ? <span lang={lang}>{children}</span> : <>{children}</>;
}

/**
 * What a sentence of the page is translated with where a program's title goes (`t(key, { title: TITLE_SLOT })`),
 * so that `TitledSentence` can mark the title alone: the sentence is the page's language, the title its program's.
 */
export const TITLE_SLOT = '\u2063title\u2063';

/** A sentence of the page's own, translated with `TITLE_SLOT`, with the program's title put back in its language. */
export function TitledSentence({
  sentence,
  title,
  language,
}: {
  sentence: string;
  title: string;
  language?: string | null;
}) {
  const parts = sentence.split(TITLE_SLOT);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? <ProgramText language={language}>{title}</ProgramText> : null}
          {part}
        </Fragment>
      ))}
    </>
  );
}
