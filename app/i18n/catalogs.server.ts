import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import type { Locale, Messages } from './index.ts';

/**
 * Every language's messages, for the server (mails, pages, error pages). A `.server` module: the browser's build
 * replaces it with an empty one, so a page's JavaScript holds none of them; it fetches the reader's language
 * alone (`loadCatalog` in index.ts).
 */
export const serverCatalogs: Record<Locale, Messages> = { en, fr, es };
