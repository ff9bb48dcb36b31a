/**
 * Links members write (in sections, amendments, comments) may point anywhere; Plenum's pages point only to Plenum
 * (issue 7: nothing leaves the instance unless the reader decides to). A link to another site becomes a link to
 * /leave, which shows where it goes and lets the reader follow it, without a referrer. Same-site paths, anchors
 * and mailto: stay as they are.
 */
export function safeHref(href: string): string {
  if (/^https?:\/\//i.test(href)) return `/leave?to=${encodeURIComponent(href)}`;
  return href;
}
