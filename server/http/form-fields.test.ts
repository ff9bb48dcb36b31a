import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormFieldCounter } from './form-fields.ts';

/** Feeds `body` to a counter in the given chunk sizes (as a socket would deliver it); returns the count. */
function count(contentType: string, body: Buffer, sizes: number[] = [body.length]) {
  const counter = FormFieldCounter.for(contentType);
  let at = 0;
  for (let i = 0; at < body.length; i++) {
    const size = Math.max(1, sizes[i % sizes.length]!);
    counter.push(body.subarray(at, at + size));
    at += size;
  }
  return counter.fields;
}

/** A multipart body exactly as the Fetch API encodes a FormData, with its Content-Type. */
async function multipart(form: FormData) {
  const response = new Response(form);
  return { type: response.headers.get('content-type')!, body: Buffer.from(await response.arrayBuffer()) };
}

describe('counting the fields of a form body without parsing it', () => {
  it('counts urlencoded fields by their separators, whatever the chunks', () => {
    const body = Buffer.from('a=1&b=2&c=3');
    expect(count('application/x-www-form-urlencoded', body)).toBe(3);
    expect(count('application/x-www-form-urlencoded;charset=UTF-8', body, [1, 2])).toBe(3);
    expect(count('application/x-www-form-urlencoded', Buffer.from('f=1&'.repeat(120_000)), [65_536])).toBe(120_001);
  });

  it('never counts fewer fields than the Fetch API parses, for any body cut anywhere', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.array(fc.nat(40), { minLength: 1 }),
        (text, sizes) => {
          const parsed = [...new URLSearchParams(text)].length;
          expect(count('application/x-www-form-urlencoded', Buffer.from(text), sizes)).toBeGreaterThanOrEqual(parsed);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts multipart parts by the boundary, even when a chunk cuts a delimiter', async () => {
    const form = new FormData();
    for (let i = 0; i < 50; i++) form.append(`field${i}`, `value & more & more ${i}`);
    form.append('file', new File(['# Title\r\n\r\n--\r\n& & &'], 'a.md', { type: 'text/markdown' }));
    const { type, body } = await multipart(form);
    expect(count(type, body)).toBe(51);
    for (const size of [1, 7, 33, 1000]) expect(count(type, body, [size])).toBe(51);
  });

  it('counts a multipart body whose boundary it cannot read by its line-starting delimiters', async () => {
    const form = new FormData();
    for (let i = 0; i < 10; i++) form.append('f', String(i));
    const { body } = await multipart(form);
    expect(count('multipart/form-data', body, [5])).toBeGreaterThanOrEqual(10);
    expect(count('multipart/form-data; boundary=', body)).toBeGreaterThanOrEqual(10);
  });
});
