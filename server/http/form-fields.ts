import { MIMEType } from 'node:util';
import type { NextFunction, Request, Response } from 'express';
import { plainMessage } from './guards.ts';

/**
 * The field-count guard (issue 15): parsing a 1 MiB form of 120,000 fields costs the server's only thread a
 * second, so a body is refused (413) once it holds more fields than the form it is sent to could have. The
 * fields are counted as the bytes arrive, by their separators, never by parsing them: `&` in a urlencoded body,
 * the boundary delimiter in a multipart one. Whatever the count, nothing is parsed before Remix reads the body.
 */

/** An upper bound of the fields in a form body, fed chunk by chunk (a separator may straddle two chunks). */
export class FormFieldCounter {
  private separators = 0;
  private tail: Buffer = Buffer.alloc(0);

  private constructor(
    private readonly separator: Buffer,
    /** Fields = separators + offset: `a&b` has two fields, `--x…--x…--x--` two parts. */
    private readonly offset: number,
  ) {}

  /**
   * The counter for a request's Content-Type, read as the Fetch API that Remix uses reads it: multipart with a
   * boundary counts its delimiters, anything else counts `&` (a body of another type is refused by Remix anyway).
   */
  static for(contentType: string | undefined): FormFieldCounter {
    let type: MIMEType | null = null;
    try {
      type = new MIMEType(contentType ?? '');
    } catch {
      // Not a valid media type: the Fetch API cannot read it as a form either.
    }
    const boundary = type?.essence === 'multipart/form-data' ? type.params.get('boundary') : null;
    if (boundary) return new FormFieldCounter(Buffer.from(`--${boundary}`), -1);
    // Multipart whose boundary cannot be read: every delimiter still starts a line with "--".
    if (/multipart/i.test(contentType ?? '')) return new FormFieldCounter(Buffer.from('\r\n--'), 1);
    return new FormFieldCounter(Buffer.from('&'), 1);
  }

  /** Counts the separators of the next chunk; returns the fields seen so far (at most, never fewer). */
  push(chunk: Buffer): number {
    if (this.separator.length === 1) {
      // One byte (`&`): a plain loop, far cheaper than a call per occurrence.
      const byte = this.separator[0];
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === byte) this.separators++;
      return this.fields;
    }
    const data = this.tail.length ? Buffer.concat([this.tail, chunk]) : chunk;
    for (let at = data.indexOf(this.separator); at !== -1; at = data.indexOf(this.separator, at + 1)) {
      this.separators++;
    }
    // Keep what could be the start of a separator cut by the chunk's end (too short to hold a whole one).
    this.tail = Buffer.from(data.subarray(Math.max(0, data.length - this.separator.length + 1)));
    return this.fields;
  }

  get fields(): number {
    return Math.max(0, this.separators + this.offset);
  }
}

const buffered = new WeakMap<Request, Uint8Array<ArrayBuffer>>();

/** The body the guard read for a request (Remix reads it from there, the stream being consumed). */
export function bufferedBody(req: Request): Uint8Array<ArrayBuffer> | undefined {
  return buffered.get(req);
}

/**
 * Refuses a state-changing request whose body has more than `maxFields` fields (or the limit of a path in
 * `limits`), with 413 and a message in the visitor's language. Runs after the body-size guard, so what it keeps
 * in memory is bounded; once over the limit it keeps nothing and only drains the rest, so that the client reads
 * the answer instead of a reset connection.
 */
export function limitFormFields(maxFields: number, limits: { path: RegExp; maxFields: number }[] = []) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'GET' || req.method === 'HEAD' || !Number(req.get('content-length') ?? 0)) return next();
    const max = limits.find((l) => l.path.test(req.path))?.maxFields ?? maxFields;
    const counter = FormFieldCounter.for(req.get('content-type'));
    let chunks: Buffer[] | null = [];
    req.on('data', (chunk: Buffer) => {
      if (!chunks) return;
      if (counter.push(chunk) > max) chunks = null;
      else chunks.push(chunk);
    });
    req.on('error', () => {
      // The client went away: there is nobody to answer.
    });
    req.on('end', () => {
      if (!chunks) {
        res.status(413).setHeader('Connection', 'close');
        res.type('text/plain; charset=utf-8').send(plainMessage(req, 'tooManyFields'));
        return;
      }
      buffered.set(req, Buffer.concat(chunks));
      next();
    });
  };
}
