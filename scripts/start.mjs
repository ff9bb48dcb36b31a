// `npm start` (the server) and `npm run plenum -- <command>` (the command line): builds first when the build is
// missing or older than the sources (scripts/build-stamp.mjs: a hash of the sources, ~0.1 s), then runs the
// compiled JavaScript in this same process, with plain Node (ADR 0031).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildState } from './build-stamp.mjs';

// Paths (data/, build/, public/, prisma/migrations) are the project's, as under npm.
process.chdir(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));

const [what, ...args] = process.argv.slice(2);
const entry = what === 'cli' ? 'build/server/cli.js' : 'build/server/index.js';

const state = buildState();
if (state !== 'fresh') {
  // Written to stderr, as is the build's own output: what the command line prints on stdout stays its own.
  process.stderr.write(
    `Plenum: the build is ${state === 'missing' ? 'missing' : 'older than the sources'}; building it first.\n`,
  );
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: ['ignore', 2, 2] });
  if (build.status !== 0) {
    process.stderr.write('Plenum: the build failed (above); nothing was started.\n');
    process.exit(build.status ?? 1);
  }
}

process.argv = [process.argv[0], path.resolve(entry), ...args];
await import(pathToFileURL(path.resolve(entry)).href);
