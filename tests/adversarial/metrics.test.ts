import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, sectionIds } from '../e2e/support/collab.ts';
import { startServer, type TestServer } from '../e2e/support/server.ts';
import { prepareVotedRound } from '../e2e/support/scenarios.ts';
import { startTarget, type Target } from './support/target.ts';

/**
 * Issue 19, item 4: /metrics in the Prometheus text format, for the addresses the operator allows (loopback by
 * default) and nobody else; labels that no visitor can multiply; figures that move when the app is used.
 */

let target: Target;
beforeAll(async () => {
  target = await startTarget();
});
afterAll(async () => {
  await target?.stop();
});

const scrape = async (url: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${url}/metrics`, { headers });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
};
/** A metric's value in a scrape (the first line with this name and these labels). */
const valueOf = (text: string, line: RegExp) =>
  Number(
    text
      .split('\n')
      .find((l) => line.test(l))
      ?.split(' ')
      .pop(),
  );

describe('/metrics', () => {
  it('answers the machine itself in Prometheus’s format, with figures that follow what people do', async () => {
    const before = await scrape(target.url);
    expect(before.status).toBe(200);
    expect(before.type).toMatch(/^text\/plain; version=0\.0\.4/);
    for (const name of [
      'plenum_http_request_duration_seconds',
      'plenum_live_documents',
      'plenum_live_connections',
      'plenum_live_updates_stored_total',
      'plenum_ballots_cast_total',
      'plenum_mail_queue_pending',
      'plenum_mail_queue_oldest_pending_seconds',
      'nodejs_eventloop_lag_seconds',
      'process_resident_memory_bytes',
    ]) {
      expect(before.text, name).toContain(`# TYPE ${name} `);
    }
    const ballotsBefore = valueOf(before.text, /^plenum_ballots_cast_total/);

    // Three ballots cast, then two people on a section's live text. In that order: the round's preparation moves
    // the program to the amendments phase, which closes a drafter's connection at the next check of rights (its
    // editor reconnects read-only), and a scrape in between would count one.
    await prepareVotedRound(target);
    const [section] = await sectionIds(target.url);
    const a = connectClient(target.url, `section:${section}`, await target.cookieOf('camille@plenum.localhost'));
    const b = connectClient(target.url, `section:${section}`);
    await Promise.all([a.synced, b.synced]);
    const during = await scrape(target.url);
    expect(valueOf(during.text, /^plenum_live_connections\{/)).toBe(2);
    expect(valueOf(during.text, /^plenum_live_documents\{/)).toBeGreaterThanOrEqual(1);
    expect(valueOf(during.text, /^plenum_ballots_cast_total/) - ballotsBefore).toBe(3);
    expect(during.text).toMatch(
      /plenum_http_request_duration_seconds_count\{[^}]*route="\/p\/:slug\/rounds\/:id\/ballot"/,
    );
    a.destroy();
    b.destroy();
  });

  it('keeps made-up paths to one label, however many', async () => {
    for (let batch = 0; batch < 10; batch++) {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          fetch(`${target.url}/made-up-${batch}-${i}/${'x'.repeat(i)}`).then((r) => r.text()),
        ),
      );
    }
    target.assertAlive();
    expect(target.serverErrors()).toEqual([]);
    const { text } = await scrape(target.url);
    expect(text).not.toMatch(/made-up/);
    expect(text).toMatch(/plenum_http_request_duration_seconds_count\{[^}]*route=":not-found"/);
  });

  it('is not found by a request that came through a proxy the app does not trust', async () => {
    for (const headers of <Record<string, string>[]>[
      { 'x-forwarded-for': '203.0.113.9' },
      { forwarded: 'for=203.0.113.9' },
      { 'x-real-ip': '203.0.113.9' },
      { 'x-forwarded-for': '127.0.0.1' },
    ]) {
      const res = await scrape(target.url, headers);
      expect(res.status, JSON.stringify(headers)).toBe(404);
      expect(res.text).not.toContain('plenum_');
    }
  });

  it('is not found from an address the operator did not allow', async () => {
    let other: TestServer | undefined;
    try {
      other = await startServer({ env: { METRICS_ALLOW: '10.9.9.9' } });
      const res = await scrape(other.url);
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('plenum_');
    } finally {
      await other?.stop();
    }
  });
});
