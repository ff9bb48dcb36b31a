import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildState, sourcesHash } from '../../scripts/build-stamp.mjs';

/**
 * `npm start` and `npm run plenum` (scripts/start.mjs, ADR 0031) build only when the build is missing or older
 * than the sources. The real build takes half a minute: here a copy of the start script runs in a small project
 * whose build (scripts/build.mjs) writes the stamp and a server that prints what it was given.
 */
let root: string;

const FAKE_BUILD = `
import fs from 'node:fs';
import { STAMP, sourcesHash } from './build-stamp.mjs';
const hash = sourcesHash();
fs.mkdirSync('build/server', { recursive: true });
fs.appendFileSync('builds.log', 'built\\n');
fs.writeFileSync('build/server/index.js', "console.log('server started in ' + process.env.NODE_ENV);");
fs.writeFileSync('build/server/cli.js', "console.log('cli: ' + process.argv.slice(2).join(' '));");
fs.writeFileSync(STAMP, hash + '\\n');
`;

async function write(file: string, text: string) {
  await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await fs.writeFile(path.join(root, file), text);
}

async function start(...args: string[]) {
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    [path.join(root, 'scripts/start.mjs'), ...args],
    {
      cwd: os.tmpdir(),
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  const builds = (await fs.readFile(path.join(root, 'builds.log'), 'utf8').catch(() => '')).split('\n').length - 1;
  return { stdout, stderr, builds };
}

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'plenum-start-'));
  await write('scripts/build.mjs', FAKE_BUILD);
  for (const file of ['start.mjs', 'build-stamp.mjs']) await fs.copyFile(`scripts/${file}`, `${root}/scripts/${file}`);
  await write('app/root.tsx', 'export default 1;');
  await write('server/index.ts', 'export {};');
  await write('package.json', '{}');
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('npm start', () => {
  it('builds when the build is missing, not again while the sources are unchanged, again when one changes', async () => {
    expect(buildState(root)).toBe('missing');
    const first = await start();
    expect(first.stderr).toContain('the build is missing; building it first');
    expect(first.stdout).toContain('server started in production');
    expect(first.builds).toBe(1);
    expect(buildState(root)).toBe('fresh');

    const second = await start();
    expect(second.stderr).toBe('');
    expect(second.stdout).toContain('server started in production');
    expect(second.builds).toBe(1);

    // A test file is not built: changing it leaves the build as it is.
    await write('app/root.test.tsx', 'it("x", () => {});');
    expect((await start()).builds).toBe(1);

    await write('app/root.tsx', 'export default 2;');
    expect(buildState(root)).toBe('stale');
    const third = await start();
    expect(third.stderr).toContain('the build is older than the sources; building it first');
    expect(third.builds).toBe(2);
    expect(buildState(root)).toBe('fresh');
  });

  it('runs the compiled command line with its arguments, its output on stdout alone', async () => {
    const { stdout, builds } = await start('cli', 'verify-tally', 'board.json');
    expect(stdout).toBe('cli: verify-tally board.json\n');
    expect(builds).toBe(1);
  });

  it('sees a removed source and a new one as changes', async () => {
    const before = sourcesHash(root);
    await write('server/extra.ts', 'export {};');
    const added = sourcesHash(root);
    expect(added).not.toBe(before);
    await fs.rm(path.join(root, 'server/extra.ts'));
    expect(sourcesHash(root)).toBe(before);
    await fs.rm(path.join(root, 'server/index.ts'));
    expect(sourcesHash(root)).not.toBe(before);
  });
});
