import type { Answers, Ranking } from './types.ts';

/**
 * The receipt a voter gets is one size for every choice of a round (ADR 0014): its data carries the answers as
 * canonical JSON padded to the round's longest and encoded in base64url (JSON escapes would otherwise make some
 * rankings longer than others), and its page pads each answer's words to the longest the question allows. Shared
 * by the server and the page: no Node module here.
 */

/** The answers as the receipt carries them: `canonical` padded with spaces to `bytes`, in base64url. */
export function encodeReceiptAnswers(canonical: string, bytes: number): string {
  const text = new TextEncoder().encode(canonical);
  if (text.length > bytes) throw new Error(`answers of ${text.length} bytes exceed the receipt's ${bytes}`);
  const padded = new Uint8Array(bytes).fill(0x20);
  padded.set(text);
  let binary = '';
  for (const byte of padded) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The answers a receipt carries, by question id (see encodeReceiptAnswers). */
export function decodeReceiptAnswers(encoded: string): Answers {
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  const text = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  return Object.fromEntries(JSON.parse(text.trimEnd()) as [string, Answers[string]][]) as Answers;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' };

/** The bytes a text takes in the page's HTML once React has escaped it (UTF-8). */
export function htmlTextBytes(text: string): number {
  return new TextEncoder().encode(text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)).length;
}

/** `text` followed by spaces up to `bytes` in the page's HTML: browsers show none of them. */
export function padHtmlText(text: string, bytes: number): string {
  return text + ' '.repeat(Math.max(0, bytes - htmlTextBytes(text)));
}

/** A ranking in words: "A > B = C" (best first, ties with "="). */
export function rankingText(ranking: Ranking, name: (id: string) => string): string {
  return ranking.map((group) => group.map(name).join(' = ')).join(' > ');
}

/**
 * The most bytes any answer to a preferential question can take in words: every alternative ranked, one per rank
 * (">" takes more bytes in HTML than "=", escaped as "&gt;"), or the words for a blank answer.
 */
export function longestRankingBytes(alternatives: string[], name: (id: string) => string, blank: string): number {
  return Math.max(
    htmlTextBytes(blank),
    htmlTextBytes(
      rankingText(
        alternatives.map((id) => [id]),
        name,
      ),
    ),
  );
}
