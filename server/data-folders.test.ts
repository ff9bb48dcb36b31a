import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keysFolderOf, prepareDataFolders, tightenTree } from './data-folders.ts';

let root: string;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'plenum-folders-'));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const mode = async (at: string) => ((await fs.lstat(at)).mode & 0o777).toString(8);

/** Writes `files` (relative paths) under `dir`, every folder 0777 and every file 0666, as an older version left. */
async function openTree(dir: string, files: string[]) {
  for (const file of files) {
    await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await fs.writeFile(path.join(dir, file), 'x');
    await fs.chmod(path.join(dir, file), 0o666);
  }
  for (const entry of await fs.readdir(dir, { recursive: true })) {
    const at = path.join(dir, entry);
    if ((await fs.lstat(at)).isDirectory()) await fs.chmod(at, 0o777);
  }
  await fs.chmod(dir, 0o777);
}

describe('the data and keys folders', () => {
  it('are tightened to 0700 folders and 0600 files, without following links out of them', async () => {
    const outside = path.join(root, 'outside.txt');
    await fs.writeFile(outside, 'not ours');
    await fs.chmod(outside, 0o644);
    const tree = path.join(root, 'tree');
    await openTree(tree, ['a.txt', 'sub/b.txt', 'sub/deeper/c.txt']);
    await fs.symlink(outside, path.join(tree, 'sub', 'link'));
    expect(await tightenTree(tree)).toBe(6);
    for (const dir of ['', 'sub', 'sub/deeper']) expect(await mode(path.join(tree, dir))).toBe('700');
    for (const file of ['a.txt', 'sub/b.txt', 'sub/deeper/c.txt'])
      expect(await mode(path.join(tree, file))).toBe('600');
    expect(await mode(outside)).toBe('644');
    // A second pass has nothing left to do; a missing folder is nothing to do.
    expect(await tightenTree(tree)).toBe(0);
    expect(await tightenTree(path.join(root, 'missing'))).toBe(0);
  });

  it('are created private at the first start', async () => {
    const env = { DATA_DIR: path.join(root, 'new', 'data') };
    expect(keysFolderOf(env)).toBe(path.join(root, 'new', 'data-keys'));
    expect(await prepareDataFolders(env)).toBe(0);
    expect(await mode(env.DATA_DIR)).toBe('700');
    expect(await mode(keysFolderOf(env))).toBe('700');
  });

  it('tighten what Plenum keeps there at start, and only that', async () => {
    const env = { DATA_DIR: path.join(root, 'data'), KEYS_DIR: path.join(root, 'keys') };
    await openTree(env.DATA_DIR, ['pglite/base/1/1259', 'pglite.lock', 'outbox/reset.eml', 'operator-notes.txt']);
    await openTree(env.KEYS_DIR, ['round-abc.key', 'README']);
    expect(await prepareDataFolders(env)).toBe(8);
    for (const dir of [env.DATA_DIR, env.KEYS_DIR, `${env.DATA_DIR}/pglite/base/1`, `${env.DATA_DIR}/outbox`]) {
      expect(await mode(dir), dir).toBe('700');
    }
    for (const file of ['pglite/base/1/1259', 'pglite.lock', 'outbox/reset.eml']) {
      expect(await mode(path.join(env.DATA_DIR, file)), file).toBe('600');
    }
    expect(await mode(path.join(env.KEYS_DIR, 'round-abc.key'))).toBe('600');
    // Files Plenum did not write are left as they are (the folders around them already shut others out).
    expect(await mode(path.join(env.DATA_DIR, 'operator-notes.txt'))).toBe('666');
    expect(await mode(path.join(env.KEYS_DIR, 'README'))).toBe('666');
  });
});
