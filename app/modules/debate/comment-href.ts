/**
 * The address of a comment: its amendment's page, showing the page of the debate that holds it (the page's loader
 * finds which: debate.server.ts), scrolled to the comment. Every link to a comment is made here, on the server and
 * in the browser alike.
 */
export function commentHref(slug: string, amendmentId: string, commentId: string): string {
  return `/p/${slug}/amendments/${amendmentId}?comment=${encodeURIComponent(commentId)}#comment-${commentId}`;
}

/**
 * The address, relative to the amendment's page, that opens one of a comment's forms (`reply-<id>`, `report-<id>`...)
 * where the page renders it: the disclosures of the debate render their forms once opened, and this link, shown in
 * a disclosure opened before the page's script runs (or without it), asks the server for the form.
 */
export function commentFormHref(commentId: string, form: string): string {
  const query = `comment=${encodeURIComponent(commentId)}&form=${encodeURIComponent(form)}`;
  return `?${query}#comment-${encodeURIComponent(commentId)}`;
}
