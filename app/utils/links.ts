/**
 * Links members write (in sections, amendments, comments) may point anywhere; Plenum's pages point only to Plenum
 * (issue 7: nothing leaves the instance unless the reader decides to). A link to another site becomes a link to
 * /leave, which shows where it goes and lets the reader follow it, without a referrer. Same-site paths, anchors
 * and mailto: stay as they are.
 */
export function safeHref(href: string): string {
  // Read as a browser reads it: tabs and newlines inside are dropped, and so are leading spaces.
  const inner = href.replace(/[\t\n\r]/g, '');
  let start = 0;
  while (start < inner.length && inner.charCodeAt(start) <= 0x20) start++;
  const read = inner.slice(start);
  // A scheme that runs or opens something (javascript:, data:, vbscript:, file:...) is never a link (issue 15:
  // the live editor shows what is stored, and a forged change once stored such a link).
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(read)?.[1]?.toLowerCase();
  if (scheme && scheme !== 'http' && scheme !== 'https' && scheme !== 'mailto') return '#';
  if (/^https?:\/\//i.test(read)) return leave(read);
  // Other spellings a browser still takes to another site: "//host", "/\host", "https:/host", "https:\host".
  if (/^[/\\]{2}/.test(read) || /^https?:/i.test(read)) {
    try {
      return leave(new URL(/^[/\\]/.test(read) ? `https:${read}` : read).href);
    } catch {
      return '#';
    }
  }
  return href;
}

const leave = (address: string) => `/leave?to=${encodeURIComponent(address)}`;

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * The data of a page for reading, with every link mark of the rich text in it pointing through /leave: the page's
 * hydration data then holds no member-written address either, only what the reader sees (ADR 0016). A copy;
 * strings, dates and everything else are left as they are. Forms that edit a text (the live editor, the conflict
 * form) keep the real address: its writer must see what they wrote.
 */
export function readerLinks<T>(value: T): T {
  if (Array.isArray(value)) return value.map(readerLinks) as T;
  if (!isPlainObject(value)) return value;
  const attrs = value.attrs;
  if (value.type === 'link' && isPlainObject(attrs) && typeof attrs.href === 'string') {
    return { ...value, attrs: { ...attrs, href: safeHref(attrs.href) } } as T;
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, readerLinks(item)])) as T;
}
