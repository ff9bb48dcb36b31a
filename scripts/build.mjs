// `npm run build`: the Remix app (build/index.js, public/build) and the server (build/server/), then the stamp
// that says which sources they were built from (scripts/build-stamp.mjs). Production runs this JavaScript with
// plain `node`: no TypeScript loader at run time (ADR 0031).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { STAMP, sourcesHash } from './build-stamp.mjs';

const OUT = 'build/server';

/**
 * The server's entries: the process (index), the command line (cli), and every module a worker thread runs
 * (app/**\/*.worker.ts, found by name), each at its source path under build/server (app/utils/worker.server.ts
 * looks for it there).
 */
function entries() {
  const points = { index: 'server/index.ts', cli: 'server/cli.ts' };
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.worker.ts')) points[file.replace(/\.ts$/, '')] = file;
    }
  };
  walk('app');
  return points;
}

// The sources as they are now: if one changes while building, the next start sees a stale build.
const hash = sourcesHash();
fs.rmSync(STAMP, { force: true });

const started = performance.now();
const remix = spawnSync(process.execPath, [path.resolve('node_modules/@remix-run/dev/dist/cli.js'), 'build'], {
  stdio: 'inherit',
});
if (remix.status !== 0) process.exit(remix.status ?? 1);
const remixMs = performance.now() - started;

const serverStarted = performance.now();
fs.rmSync(OUT, { recursive: true, force: true });
await esbuild.build({
  entryPoints: entries(),
  outdir: OUT,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // node_modules stay where they are, loaded by Node as any dependency; only the project's own TypeScript
  // (server/ and what it imports from app/, through the `~` alias of tsconfig.json) is bundled.
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
fs.writeFileSync(STAMP, hash + '\n');
process.stdout.write(
  `[info] server built in ${OUT} (${Math.round(performance.now() - serverStarted)} ms; Remix ${Math.round(remixMs)} ms)\n`,
);
