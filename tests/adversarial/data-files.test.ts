import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutbox } from '../factories/outbox.ts';
import { prepareVotedRound } from '../e2e/support/scenarios.ts';
import { DEMO, postForm, startTarget, underAttack, type Target } from './support/target.ts';

/**
 * Issue 15, item 9: another account on the server (a co-hosted service, a compromised daemon, a curious user)
 * must not read the database files, the mails with reset links, or a round's key; and a destroyed key must not be
 * readable any more through a link to its file. Every folder under the data and keys folders is 0700 and every
 * file 0600, from the first start, and an older data folder is tightened at start.
 */

let target: Target;
const keysDir = () => `${target.dataDir}-keys`;

beforeAll(async () => {
  target = await startTarget();
});
afterAll(async () => {
  await target?.stop();
});

/** Every folder and file under `root` (itself included) whose mode is not 0700 (folders) or 0600 (files). */
async function looseModes(root: string): Promise<string[]> {
  const loose: string[] = [];
  const visit = async (at: string) => {
    const stat = await fs.lstat(at);
    const mode = stat.mode & 0o777;
    if (stat.isDirectory()) {
      if (mode !== 0o700) loose.push(`${path.relative(path.dirname(root), at)}/ ${mode.toString(8)}`);
      for (const name of await fs.readdir(at)) await visit(path.join(at, name));
    } else if (mode !== 0o600) loose.push(`${path.relative(path.dirname(root), at)} ${mode.toString(8)}`);
  };
  await visit(root);
  return loose;
}

/** How many files `root` holds, folders included. */
async function count(root: string): Promise<number> {
  let n = 0;
  for (const entry of await fs.readdir(root, { recursive: true })) if (entry) n++;
  return n;
}

describe('the data and keys folders', () => {
  it('are the server account’s alone, with a mail sent and a round opened and closed; a closed round’s key is overwritten', async () => {
    let keyText = '';
    const link = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'plenum-key-link-')), 'key');
    await underAttack(target, async () => {
      // A reset link, written to the outbox (no SMTP_URL).
      const res = await postForm(target, '/forgot-password', new URLSearchParams({ email: DEMO.member }));
      expect(res.status).toBeLessThan(400);
      for (let i = 0; i < 50 && !(await readOutbox(target.outboxDir, DEMO.member)).length; i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await readOutbox(target.outboxDir, DEMO.member)).toHaveLength(1);

      // A round opened: its key is written; someone who could make a link to it keeps that link.
      const voted = await prepareVotedRound(target);
      const keyFile = path.join(keysDir(), `round-${voted.roundId}.key`);
      expect(await looseModes(keysDir())).toEqual([]);
      expect(await looseModes(target.dataDir)).toEqual([]);
      keyText = await fs.readFile(keyFile, 'utf8');
      await fs.link(keyFile, link);

      // The round closes: its key is destroyed.
      await voted.close();
      await expect(fs.stat(keyFile)).rejects.toMatchObject({ code: 'ENOENT' });
    });
    expect(await count(path.join(target.dataDir, 'pglite'))).toBeGreaterThan(100);
    expect(await looseModes(target.dataDir)).toEqual([]);
    expect(await looseModes(keysDir())).toEqual([]);
    // Overwritten before it was removed: the link to the same file no longer holds the key.
    const after = await fs.readFile(link);
    expect(after.length).toBe(Buffer.byteLength(keyText));
    expect(after.equals(Buffer.from(keyText))).toBe(false);
    expect(after.toString('latin1')).not.toContain(keyText.trim().slice(0, 8));
    await fs.rm(path.dirname(link), { recursive: true, force: true });
  });

  it('are tightened at start when an earlier version left them open to everyone', async () => {
    await target.stop({ keep: true });
    const loosen = async (at: string) => {
      const stat = await fs.lstat(at);
      await fs.chmod(at, stat.isDirectory() ? 0o777 : 0o666);
      if (stat.isDirectory()) for (const name of await fs.readdir(at)) await loosen(path.join(at, name));
    };
    await loosen(target.dataDir);
    await loosen(keysDir());
    expect((await looseModes(target.dataDir)).length).toBeGreaterThan(100);

    target = await startTarget({ reuse: { dataDir: target.dataDir } });
    // The first page after a start renders cold (on a loaded CI machine, past the one-second probe): served once
    // before the probes start, so that they measure the tightened server, not the JIT warming up.
    await (await fetch(`${target.url}/p/programme-2027`)).arrayBuffer();
    await underAttack(target, async () => {
      expect((await fetch(`${target.url}/p/programme-2027`)).status).toBe(200);
    });
    expect(await looseModes(target.dataDir)).toEqual([]);
    expect(await looseModes(keysDir())).toEqual([]);
  });
});
