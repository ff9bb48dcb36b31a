import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { upgradeStatus } from './support/collab.ts';
import { CLI_ENTRY, emptyPostgresDatabase, runToExit, SERVER_ENTRY, sqlOn, startServer } from './support/server.ts';

const ENGINE = process.env.PLENUM_TEST_ENGINE === 'postgresql' ? 'postgresql' : 'pglite';

describe('server life cycle', () => {
  it('finishes a request in flight on SIGTERM, exits cleanly, and restarts on the same data without seeding again', async () => {
    // A first start: the server seeds the demo itself and prints its logins.
    const server = await startServer({ seedAtStart: true });
    expect(server.output()).toContain('shown only this once');
    expect(server.logins.size).toBe(5);

    // A request whose body is still arriving when the signal comes.
    const { port, hostname } = new URL(server.url);
    const body = `email=camille%40plenum.localhost&password=${encodeURIComponent(server.logins.get('camille@plenum.localhost')!)}`;
    const response = new Promise<{ status: number; connection?: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: hostname,
          port,
          path: '/login',
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'content-length': Buffer.byteLength(body),
            origin: server.url,
          },
        },
        (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, connection: res.headers.connection });
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        server.process.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 300);
      }, 100);
    });
    // Answered, and its connection let go: a connection kept alive past the signal is one the process would drop
    // under nginx when it stops listening.
    expect(await response).toEqual({ status: 302, connection: 'close' });
    expect(await server.stop({ keep: true })).toBe(0);
    expect(server.output()).toContain('"msg":"stopped"');

    const again = await startServer({ reuse: { dataDir: server.dataDir, databaseUrl: server.databaseUrl } });
    try {
      expect(again.output()).not.toContain('shown only this once');
      const health = await (await fetch(`${again.url}/healthz`)).json();
      expect(health.status).toBe('ok');
      const programs = await (await fetch(`${again.url}/`)).text();
      expect(programs.match(/<li class="card">/g)).toHaveLength(1);
    } finally {
      await again.stop();
    }
  });

  it('keeps answering for the drain after SIGTERM, each answer closing its connection, then stops listening', async () => {
    // Behind nginx (deploy/nginx/plenum.conf) a stopping process must not close a kept-alive connection nginx may
    // be sending a form on: it answers on for SHUTDOWN_DRAIN_MS, telling nginx to let go of each connection.
    const server = await startServer({ env: { SHUTDOWN_DRAIN_MS: '3000' } });
    const signalled = Date.now();
    server.process.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('connection')).toBe('close');
    await page.arrayBuffer();
    // Load balancers and monitors are told it is going, and a new editor is sent elsewhere (nginx retries a 503).
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'shutting-down' });
    const collab = server.url.replace('http', 'ws') + '/collab/section%3Anothing';
    expect(await upgradeStatus(collab, { origin: server.url })).toBe(503);
    expect(await server.stop()).toBe(0);
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(3000);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it('stops the start with a clear message when a migration fails, leaving the database as it was', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'plenum-conflict-'));
    const postgres = ENGINE === 'postgresql' ? await emptyPostgresDatabase() : undefined;
    const target = { dataDir, databaseUrl: postgres?.url };
    try {
      // Someone points Plenum at a database that already has a table of that name.
      await sqlOn(target, 'CREATE TABLE "Member" (legacy_id INT); INSERT INTO "Member" VALUES (7);');
      const { code, output } = await runToExit([SERVER_ENTRY], {
        NODE_ENV: 'production',
        PORT: '0',
        DATA_DIR: dataDir,
        DATABASE_URL: postgres?.url ?? '',
      });
      expect(code).toBe(1);
      expect(output).toContain('Plenum did not start.');
      expect(output).toMatch(/Migration \d+_foundation failed and was rolled back; the database is unchanged/);
      expect(output).toMatch(/"Member" already exists/);
      expect(await sqlOn(target, 'SELECT * FROM "Member"')).toEqual([{ legacy_id: 7 }]);
      const tables = await sqlOn(
        target,
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
      );
      expect(tables.map((t) => t.table_name)).toEqual(['Member']);
    } finally {
      await postgres?.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('command line', () => {
  it('prints its help, creates an admin who can log in, and refuses bad input with a message', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'plenum-cli-'));
    const postgres = ENGINE === 'postgresql' ? await emptyPostgresDatabase() : undefined;
    const env = { DATA_DIR: dataDir, DATABASE_URL: postgres?.url ?? '', PLENUM_DEMO: '0' };
    try {
      const help = await runToExit([CLI_ENTRY, '--help'], env);
      expect(help.code).toBe(0);
      expect(help.output).toContain('create-admin --email <addr>');

      const bad = await runToExit([CLI_ENTRY, 'create-admin', '--email', 'not-an-email'], env);
      expect(bad.code).toBe(2);
      expect(bad.output).toContain('Invalid input: email: emailInvalid');

      const made = await runToExit([CLI_ENTRY, 'create-admin', '--email', 'Rosa@Example.org', '--name', 'Rosa'], env);
      expect(made.code).toBe(0);
      expect(made.output).toContain('Administrator rosa@example.org created.');
      const password = made.output.match(/Password \(shown only once\): (\S+)/)![1]!;

      const server = await startServer({ reuse: { dataDir, databaseUrl: postgres?.url }, env: { PLENUM_DEMO: '0' } });
      try {
        // While the server runs: the embedded database admits one process only; PostgreSQL admits several.
        const concurrent = await runToExit([CLI_ENTRY, 'migrate'], env);
        if (ENGINE === 'pglite') {
          expect(concurrent.code).toBe(1);
          expect(concurrent.output).toMatch(/is in use by another Plenum process \(pid \d+\)/);
        } else {
          expect(concurrent.code).toBe(0);
          expect(concurrent.output).toContain('Database (postgresql) is up to date.');
        }
        const res = await fetch(`${server.url}/login`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
          body: new URLSearchParams({ email: 'rosa@example.org', password }).toString(),
        });
        expect(res.status).toBe(302);
        const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
        const admin = await fetch(`${server.url}/admin/members`, { headers: { cookie } });
        expect(admin.status).toBe(200);
        expect(await admin.text()).toContain('rosa@example.org');
      } finally {
        await server.stop({ keep: true });
      }
    } finally {
      await postgres?.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});
