import { startServer, type StartOptions, type TestServer } from '../../e2e/support/server.ts';
import { sessionCookie } from '../../e2e/support/collab.ts';

/**
 * The adversarial suite (issue 15): each file starts one real server, replays attacks on it as an attacker
 * would (plain HTTP and WebSocket clients, no browser unless the attack needs one), and checks what every
 * attack must leave true: the server still answers /healthz within a second, during the attack and after it;
 * no request answered 500; the process did not die; nothing from the refused input was stored.
 */

/** The demo accounts seeded at the first start (their passwords are printed by the server). */
export const DEMO = {
  admin: 'admin@plenum.localhost',
  moderator: 'moderation@plenum.localhost',
  member: 'camille@plenum.localhost',
  member2: 'lucia@plenum.localhost',
  member3: 'yanis@plenum.localhost',
} as const;

export interface Target extends TestServer {
  /** A session cookie ("plenum_session=...") of a demo account, logged in over HTTP. */
  cookieOf(email: string): Promise<string>;
  /** Request log lines (JSON) that answered 5xx since the server started (or since `resetErrors`). */
  serverErrors(): string[];
  /** Forgets 5xx lines seen so far (after an attack that is expected to have none, between cases). */
  resetErrors(): void;
  /** Throws unless the process is still running. */
  assertAlive(): void;
}

/** Starts a production server with the demo seeded (see tests/e2e/support/server.ts). */
export async function startTarget(options: StartOptions = {}): Promise<Target> {
  const server = await startServer(options);
  const cookies = new Map<string, Promise<string>>();
  let errorsFrom = 0;
  const lines = () => server.output().slice(errorsFrom).split('\n');
  return Object.assign(server, {
    cookieOf(email: string) {
      const password = server.logins.get(email);
      if (!password) throw new Error(`no demo login for ${email}: ${[...server.logins.keys()].join(', ')}`);
      if (!cookies.has(email)) cookies.set(email, sessionCookie(server.url, email, password));
      return cookies.get(email)!;
    },
    serverErrors() {
      return lines().filter(
        (line) => /"msg":"request"/.test(line) && /"status":5\d\d/.test(line) && !/"path":"\/healthz"/.test(line),
      );
    },
    resetErrors() {
      errorsFrom = server.output().length;
    },
    assertAlive() {
      if (server.process.exitCode !== null || server.process.signalCode !== null)
        throw new Error(
          `the server died (${server.process.exitCode ?? server.process.signalCode}):\n${server.output().slice(-4000)}`,
        );
    },
  });
}

export interface HealthReport {
  probes: number;
  /** The slowest answer, in ms (a probe that got no answer within the timeout counts as the timeout). */
  slowestMs: number;
  /** Probes that got no 200 within a second. */
  failures: string[];
}

/**
 * Probes /healthz every `intervalMs` until stopped, each with its own one-second budget: what a load balancer
 * or a reader would see while the attack runs. A probe is never overlapped by the next (a frozen server shows
 * as one slow probe, then failures).
 */
export function watchHealth(baseUrl: string, intervalMs = 100) {
  let running = true;
  const report: HealthReport = { probes: 0, slowestMs: 0, failures: [] };
  const loop = (async () => {
    while (running) {
      const start = performance.now();
      try {
        const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(1_000) });
        await res.arrayBuffer();
        if (res.status !== 200) report.failures.push(`status ${res.status}`);
      } catch (error) {
        report.failures.push(error instanceof Error ? error.name + ': ' + error.message : String(error));
      }
      const ms = performance.now() - start;
      report.probes++;
      report.slowestMs = Math.max(report.slowestMs, ms);
      if (ms > 1_000 && !report.failures.length) report.failures.push(`answered in ${Math.round(ms)} ms`);
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  })();
  return {
    async stop(): Promise<HealthReport> {
      running = false;
      await loop;
      return report;
    },
  };
}

/**
 * Runs `attack` while /healthz is probed, then probes once more after it, and checks the rules every attack
 * must leave true. Returns what the attack returned.
 */
export async function underAttack<T>(target: Target, attack: () => Promise<T>): Promise<T> {
  target.resetErrors();
  const health = watchHealth(target.url);
  const outcome = await attack().then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  const during = await health.stop();
  target.assertAlive();
  if (during.failures.length)
    throw new Error(`/healthz did not answer within 1 s during the attack: ${during.failures.slice(0, 5).join('; ')}`);
  if ('error' in outcome) throw outcome.error;
  const after = watchHealth(target.url);
  await new Promise((r) => setTimeout(r, 300));
  const report = await after.stop();
  target.assertAlive();
  if (report.failures.length)
    throw new Error(`/healthz did not answer within 1 s after the attack: ${report.failures.join('; ')}`);
  const errors = target.serverErrors();
  if (errors.length) throw new Error(`requests answered 5xx:\n${errors.slice(0, 5).join('\n')}`);
  return outcome.value;
}

/** A same-origin form POST as a browser sends it (Origin header set), with an optional session cookie. */
export function postForm(
  target: { url: string },
  path: string,
  body: string | URLSearchParams | FormData,
  options: { cookie?: string; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { origin: target.url, ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  if (typeof body === 'string' || body instanceof URLSearchParams)
    headers['content-type'] = 'application/x-www-form-urlencoded';
  return fetch(`${target.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers,
    body: body instanceof URLSearchParams ? body.toString() : body,
  });
}
