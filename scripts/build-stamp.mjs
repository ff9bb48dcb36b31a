// Whether the production build (build/, public/build, build/server) matches the sources: a SHA-256 over every
// file the build reads, written beside the build when it succeeds (scripts/build.mjs) and compared by
// `npm start` (scripts/start.mjs) and the test harness. Content, not modification times: a checkout, a copy or
// an archive can give an older file a newer time and the other way round. Reading the ~2 MB of sources takes a
// few tens of milliseconds (ADR 0031).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The folders whose files the build reads, test files aside, and the files that change what it produces. */
const SOURCE_DIRS = ['app', 'server', 'scripts'];
const SOURCE_FILES = ['package.json', 'package-lock.json', 'remix.config.js', 'tsconfig.json'];
const IGNORED = /(\.test\.tsx?$)|^\./;

/** Where the stamp of the last successful build is kept. */
export const STAMP = 'build/server/sources.sha256';

function walk(dir, out) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (IGNORED.test(entry.name)) continue;
    const file = `${dir}/${entry.name}`;
    if (entry.isDirectory()) walk(file, out);
    else if (entry.isFile()) out.push(file);
  }
}

/** The SHA-256 of the build's sources under `root` (paths and contents, in a fixed order). */
export function sourcesHash(root = '.') {
  const files = [];
  for (const dir of SOURCE_DIRS) walk(path.join(root, dir), files);
  for (const file of SOURCE_FILES) if (fs.existsSync(path.join(root, file))) files.push(path.join(root, file));
  files.sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(path.relative(root, file) + '\0');
    hash.update(fs.readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** 'fresh', 'stale' (sources changed since the build) or 'missing' (no complete build). */
export function buildState(root = '.') {
  let stamp;
  try {
    stamp = fs.readFileSync(path.join(root, STAMP), 'utf8').trim();
  } catch {
    return 'missing';
  }
  return stamp === sourcesHash(root) ? 'fresh' : 'stale';
}
