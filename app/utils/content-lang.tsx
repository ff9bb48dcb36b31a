import { createContext, useContext, type ReactNode } from 'react';
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

/** A piece of the program's words (a title) inside the page's own: marked with the program's language if it differs. */
export function ProgramText({ children }: { children: ReactNode }) {
  const lang = useContentLang();
  return lang ? <span lang={lang}>{children}</span> : <>{children}</>;
}
