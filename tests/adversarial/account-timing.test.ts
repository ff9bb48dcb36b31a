import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutbox } from '../factories/outbox.ts';
import { postForm, startTarget, underAttack, type Target } from './support/target.ts';

// Which addresses have an account, told by the clock (issue 15): the forgot-password form says the same words
// either way, so an attacker times it instead. The machine is shared and noisy: the test compares the two
// distributions of answer times (how much they overlap, and their medians against their spread), never a
// duration against a fixed figure.
let target: Target;

beforeAll(async () => {
  target = await startTarget();
});
afterAll(async () => {
  await target?.stop();
});

const PAIRS = 36;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2;
};
const quantile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.round(p * (values.length - 1))]!;

/** The chance that an answer for `a` is slower than one for `b`: 0.5 when nobody can tell them apart. */
function chanceSlower(a: number[], b: number[]) {
  let wins = 0;
  for (const x of a) for (const y of b) wins += x > y ? 1 : x === y ? 0.5 : 0;
  return wins / (a.length * b.length);
}

describe('timing the forgot-password form', () => {
  it('answers an address with an account as fast as one without, and mails only the first', async () => {
    // The accounts to find (each asked for once: an attacker checks a list of addresses, not one address again).
    const members = Array.from({ length: PAIRS }, (_, i) => `timed-${i}-${Date.now()}@example.org`);
    await Promise.all(
      members.map(async (email) => {
        const res = await postForm(
          target,
          '/signup',
          new URLSearchParams({ displayName: 'Timed', email, password: 'a long enough password' }),
        );
        await res.arrayBuffer();
        expect(res.status).toBe(200);
      }),
    );
    const ask = async (email: string) => {
      const start = performance.now();
      const res = await postForm(target, '/forgot-password', new URLSearchParams({ email }));
      const body = await res.text();
      const ms = performance.now() - start;
      expect(res.status).toBe(200);
      return { ms, body };
    };

    const { known, unknown, bodies } = await underAttack(target, async () => {
      for (let i = 0; i < 4; i++) await ask(`warm-up-${i}@example.org`);
      const known: number[] = [];
      const unknown: number[] = [];
      const bodies = new Set<string>();
      for (let i = 0; i < PAIRS; i++) {
        // Side by side in time, in turn first and second; a pause lets each request's work end before the next.
        const order =
          i % 2
            ? ([members[i]!, `nobody-${i}@example.org`] as const)
            : ([`nobody-${i}@example.org`, members[i]!] as const);
        for (const email of order) {
          const { ms, body } = await ask(email);
          (email.startsWith('nobody') ? unknown : known).push(ms);
          // Apart from the address typed and what is new on every page (request id, nonce), the same page.
          bodies.add(body.replaceAll(email, '').replace(/nonce="[^"]*"|\b[a-z2-7]{16}\b/g, ''));
          await pause(100);
        }
      }
      return { known, unknown, bodies };
    });

    const spread = quantile([...known, ...unknown], 0.75) - quantile([...known, ...unknown], 0.25);
    const report = `known ${known.map(Math.round).join(' ')}\nunknown ${unknown.map(Math.round).join(' ')}`;
    // The same page either way, and the two sets of times overlap as two draws of one distribution do...
    expect(bodies.size, 'the same page for both').toBe(1);
    expect(chanceSlower(known, unknown), report).toBeGreaterThan(0.25);
    expect(chanceSlower(known, unknown), report).toBeLessThan(0.75);
    // ...with medians a few milliseconds apart at most (more only if the machine is that noisy).
    expect(Math.abs(median(known) - median(unknown)), report).toBeLessThanOrEqual(Math.max(3, spread / 2));

    // The links still go out, after the answers: one to each account, none to the unknown addresses.
    let resets = await readOutbox(target.outboxDir);
    for (const start = Date.now(); Date.now() - start < 10_000; await pause(100)) {
      resets = (await readOutbox(target.outboxDir)).filter((m) => m.body.includes('/reset-password?token='));
      if (resets.length >= PAIRS) break;
    }
    expect(new Set(resets.map((m) => m.to))).toEqual(new Set(members));
  });
});
