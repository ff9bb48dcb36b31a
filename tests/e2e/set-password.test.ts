import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ENTRY, runToExit, sqlOn, startServer, type TestServer } from './support/server.ts';

/**
 * Issue 20, item 2: whoever runs the installation gets a member (or themselves) back in from the shell, without
 * mail: `npm run plenum -- set-password`. The member's open sessions end, the old password stops working, and
 * the audit trail says it happened from the command line.
 */

const EMAIL = 'camille@plenum.localhost';
let server: TestServer | undefined;

/** Signs in through the login form's POST; the session cookie, or null with the status when refused. */
async function logIn(url: string, email: string, password: string) {
  const res = await fetch(`${url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url },
    body: new URLSearchParams({ email, password }).toString(),
  });
  return { status: res.status, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? null };
}

/** The status of the account page with `cookie`: 200 when signed in, a redirect to the login page when not. */
async function accountStatus(url: string, cookie: string) {
  return (await fetch(`${url}/account`, { headers: { cookie }, redirect: 'manual' })).status;
}

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('set-password on the command line', () => {
  let dataDir: string;
  let databaseUrl: string | undefined;
  let env: Record<string, string>;
  let oldPassword: string;
  let oldCookie: string;
  let password: string;

  it('refuses an unknown address and a short password, saying why', async () => {
    const first = server!;
    ({ dataDir, databaseUrl } = first);
    oldPassword = first.logins.get(EMAIL)!;
    const before = await logIn(first.url, EMAIL, oldPassword);
    expect(before.status).toBe(302);
    oldCookie = before.cookie!;
    expect(await accountStatus(first.url, oldCookie)).toBe(200);
    // The embedded database admits one process: the server stops while the command runs.
    await first.stop({ keep: true });
    env = { DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '' };

    const unknown = await runToExit([CLI_ENTRY, 'set-password', '--email', 'nobody@example.org'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain('No member has the address nobody@example.org.');
    const short = await runToExit([CLI_ENTRY, 'set-password', '--email', EMAIL, '--password', 'short'], env);
    expect(short.code).toBe(2);
    expect(short.output).toContain('Invalid input: password: passwordTooShort');
  });

  it('sets a new password, prints it once, ends the sessions and records it in the audit trail', async () => {
    const done = await runToExit([CLI_ENTRY, 'set-password', '--email', 'Camille@Plenum.localhost'], env);
    expect(done.code).toBe(0);
    expect(done.output).toContain(`New password set for ${EMAIL}; 1 session ended.`);
    password = done.output.match(/Password \(shown only once\): (\S+)/)![1]!;
    const audit = await sqlOn(
      { dataDir, databaseUrl },
      `SELECT "actorId", reason FROM "AuditEvent" WHERE action = 'member.password_reset'`,
    );
    expect(audit).toEqual([{ actorId: null, reason: 'set-password (command line)' }]);
  });

  it('lets the member in with the new password only, and signed out', async () => {
    server = await startServer({ reuse: { dataDir, databaseUrl } });
    expect(await accountStatus(server.url, oldCookie)).toBe(302);
    expect((await logIn(server.url, EMAIL, oldPassword)).status).toBe(400);
    const after = await logIn(server.url, EMAIL, password);
    expect(after.status).toBe(302);
    expect(await accountStatus(server.url, after.cookie!)).toBe(200);
  });
});
