import { createHash } from 'node:crypto';

/**
 * A file to download that never changes once published: an ETag (its SHA-256), a 304 when the reader has it
 * already, and a long public cache life.
 */
export function fileResponse(request: Request, body: string, options: { type: string; filename: string }) {
  const etag = `"${createHash('sha256').update(body, 'utf8').digest('hex')}"`;
  const headers = {
    'Content-Type': options.type,
    'Content-Disposition': `attachment; filename="${options.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
    'Cache-Control': 'public, max-age=3600',
    ETag: etag,
  };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return new Response(body, { headers });
}
