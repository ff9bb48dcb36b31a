/**
 * The address of a comment: its amendment's page, showing the page of the debate that holds it (the page's loader
 * finds which: debate.server.ts), scrolled to the comment. Every link to a comment is made here, on the server and
 * in the browser alike.
 */
export function commentHref(slug: string, amendmentId: string, commentId: string): string {
  return `/p/${slug}/amendments/${amendmentId}?comment=${encodeURIComponent(commentId)}#comment-${commentId}`;
}
