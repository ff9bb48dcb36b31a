import { createReadableStreamFromReadable, writeReadableStreamToWritable } from '@remix-run/node';
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express';
import { bufferedBody } from './form-fields.ts';

// What @remix-run/express does, kept here because the page cache needs to see a response before sending it
// (that package exports only a handler that sends at once).

/** The Fetch API request Remix expects, from an Express request (aborted if the client goes away). */
export function toFetchRequest(req: ExpressRequest, res: ExpressResponse): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  // req.hostname respects "trust proxy"; the port comes from X-Forwarded-Host or Host.
  const port = (req.get('x-forwarded-host') ?? req.get('host') ?? '').split(':')[1];
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ''}${req.originalUrl}`);
  const controller = new AbortController();
  let finished = false;
  res.on('finish', () => (finished = true));
  res.on('close', () => {
    if (!finished) controller.abort();
  });
  const init: RequestInit & { duplex?: 'half' } = { method: req.method, headers, signal: controller.signal };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    // The field-count guard has read the body already (and kept it): otherwise it streams from the socket.
    const body = bufferedBody(req);
    if (body) init.body = body;
    else {
      init.body = createReadableStreamFromReadable(req);
      init.duplex = 'half';
    }
  }
  return new Request(url.href, init);
}

/** Sends a Fetch API response through Express, streaming its body. */
export async function sendFetchResponse(res: ExpressResponse, response: Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
