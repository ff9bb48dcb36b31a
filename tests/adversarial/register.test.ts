import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlOn } from '../e2e/support/server.ts';
import { DEMO, postForm, startTarget, type Target } from './support/target.ts';

/**
 * Issue 18, item 6 (register part): a register of 100,000 lines with 1% bad lines, a file in the wrong
 * encoding, and an import killed (kill -9) half-way: the preview counts right, the page answers in words, and
 * the register is never half-imported.
 */

let target: Target;
let admin: string;
let scratch: string;

beforeAll(async () => {
  target = await startTarget();
  admin = await target.cookieOf(DEMO.admin);
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'plenum-register-'));
}, 120_000);
afterAll(async () => {
  await target?.stop();
  if (scratch) await fs.rm(scratch, { recursive: true, force: true });
});

/** A register of `lines` members, one line in a hundred with a broken address. */
function bigRegister(lines: number) {
  const out = ['email;nom;numéro adhérent;groupe local;adhérent jusqu’au'];
  for (let i = 0; i < lines; i++) {
    out.push(`${i % 100 === 99 ? `broken-${i}` : `member.${i}@example.org`};Membre ${i};A-${i};Groupe;31/12/2030`);
  }
  return new TextEncoder().encode(out.join('\n') + '\n');
}

async function upload(name: string, bytes: Uint8Array, language = 'en-GB,en;q=0.8') {
  const form = new FormData();
  form.set('file', new File([new Uint8Array(bytes)], name));
  const res = await postForm(target, '/admin/register', form, {
    cookie: admin,
    headers: { 'accept-language': language },
  });
  const text = (await res.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  return { status: res.status, text };
}

describe('hostile register files', () => {
  it('previews 100,000 lines with 1% bad ones: every kind counted, nothing imported', async () => {
    const { status, text } = await upload('big.csv', bigRegister(100_000));
    expect(status).toBe(200);
    expect(text).toContain('100000 lines, 99000 valid');
    expect(text).toContain('1000 lines refused');
    expect(text).toMatch(/not a valid email address\s*:\s*1000/);
    expect(text).toContain('broken-99');
    expect(target.serverErrors()).toEqual([]);
  }, 300_000);

  it('refuses a file in the wrong encoding (UTF-16) with a clear message, in the reader’s language', async () => {
    const utf16 = Buffer.from('\ufeffemail,name\nana@example.org,Ana\n', 'utf16le');
    const en = await upload('utf16.csv', utf16);
    expect(en.status).toBe(400);
    expect(en.text).toContain('No column of the first line is an email column');
    const fr = await upload('utf16.csv', utf16, 'fr-FR,fr;q=0.9');
    expect(fr.text).toContain('Aucune colonne de la première ligne n’est une colonne de courriel');
    expect(target.serverErrors()).toEqual([]);
  });

  it('leaves nothing half-imported when the CLI is killed (kill -9) during the import', async () => {
    await target.stop({ keep: true });
    const file = path.join(scratch, 'big.csv');
    await fs.writeFile(file, bigRegister(100_000));
    const env = { ...process.env, DATA_DIR: target.dataDir, DATABASE_URL: target.databaseUrl ?? '', LOG_LEVEL: 'warn' };
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'server/cli.ts', 'import-register', file, '--no-invite'],
      {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    // The preview's last line is printed just before the import's transaction begins: kill it then.
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        output += d.toString();
        if (output.includes('more.')) resolve();
      });
      child.on('exit', () => reject(new Error(`the CLI ended before it was killed:\n${output}`)));
    });
    // Two seconds into the import's transaction (which takes several on this machine).
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(child.exitCode).toBeNull();
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(output).not.toContain('Imported:');
    const [row] = await sqlOn(target, 'SELECT count(*)::int AS n FROM "RegisterEntry"');
    expect(row).toEqual({ n: 0 });
  }, 300_000);
});
