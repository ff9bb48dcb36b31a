import { createContext, useContext } from 'react';

/**
 * The language the movement writes its programs in, when known and not the page's (ADR 0030): the installation
 * offers a single language. Programs have no language of their own yet; until they do, text in a movement of
 * several languages carries no `lang` of its own and is read in the page's. The root provides it; outside a page
 * (a renderer called alone, as tests do) there is none.
 */
export const ContentLangContext = createContext<string | undefined>(undefined);

/** The `lang` to put on a program's text: its language when known and not the page's, else undefined. */
export function useContentLang(): string | undefined {
  return useContext(ContentLangContext);
}
