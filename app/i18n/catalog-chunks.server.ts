import fs from 'node:fs';
import path from 'node:path';
import { isLocale, type Locale } from './index.ts';

let chunks: Partial<Record<Locale, string>> | undefined;

/**
 * The address of a language's messages in the browser's build (`/build/_shared/<locale>-<hash>.js`, the chunk
 * `loadCatalog` imports), for the page to name it (modulepreload): the browser then fetches it beside the
 * page's other scripts instead of after them. Read once from the build's folder; null when there is no build
 * (the page still works: the script asks for the chunk itself).
 */
export function catalogChunk(locale: Locale): string | null {
  chunks ??= readChunks();
  return chunks[locale] ?? null;
}

function readChunks(): Partial<Record<Locale, string>> {
  const dir = path.resolve('public/build/_shared');
  const found: Partial<Record<Locale, { url: string; at: number }>> = {};
  const names = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  for (const name of names) {
    const locale = /^([a-z]{2})-[A-Z0-9]+\.js$/.exec(name)?.[1];
    if (!isLocale(locale)) continue;
    // A folder holding an older build's chunk too: the newest is this build's.
    const at = fs.statSync(path.join(dir, name)).mtimeMs;
    if ((found[locale]?.at ?? -1) < at) found[locale] = { url: `/build/_shared/${name}`, at };
  }
  return Object.fromEntries(Object.entries(found).map(([locale, chunk]) => [locale, chunk.url]));
}
