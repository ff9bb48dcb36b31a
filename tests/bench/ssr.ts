/**
 * bench:ssr — requests per second of a server-rendered section page, against the same HTML served as a
 * static file, same tool (autocannon), same run, same machine: printed as a ratio (goal >= 0.6 for the public
 * page, >= 0.15 for a signed-in member's, issue 19). Also the time from a cold start on an empty data folder to
 * the first 200, and the JavaScript a member's section page loads, uncompressed and gzipped: what its HTML
 * names (and its language's messages, fetched before it hydrates), and with the editor's chunk, which it asks
 * for once interactive. Ends with one line of JSON holding every figure.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import express from 'express';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

async function waitFor200(url: string, deadlineMs: number): Promise<void> {
  while (Date.now() < deadlineMs) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no 200 from ${url}`);
}

/** Loads `url` for the bench's time; with `cookies`, each request is one member's, taking them in turn. */
async function load(url: string, cookies: string[] = []) {
  let next = 0;
  const requests = cookies.length
    ? [
        {
          setupRequest: (req: autocannon.Request) => ({
            ...req,
            headers: { ...req.headers, cookie: cookies[next++ % cookies.length]! },
          }),
        },
      ]
    : undefined;
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, requests });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99Ms: result.latency.p99 };
}

const MEMBER_GOAL = 0.15;
const JS_GOAL_GZ_KIB = 250;

/** The /build/*.js files `code` imports: statically (`from"..."`, the HTML's modulepreload and script) or lazily. */
function scriptsOf(code: string) {
  const found = (re: RegExp) => [...code.matchAll(re)].map((m) => m[1]!);
  return {
    eager: found(/(?:href="|src="|from\s*"|import\s*")(\/build\/[^"]+\.js)"/g),
    lazy: found(/import\("(\/build\/[^"]+\.js)"\)/g),
  };
}

/** A language's messages: a chunk of their own (app/i18n/index.ts), fetched lazily. */
const CATALOG = /\/(fr|en|es)-[A-Z0-9]+\.js$/;

/**
 * Bytes of the JavaScript a page loads, uncompressed and gzipped: at once (its language's messages included,
 * which the page fetches before it hydrates), and with its lazy chunks too (the editor's; not the other
 * languages', fetched only when the reader switches).
 */
async function javaScriptOf(base: string, html: string) {
  const lang = html.match(/<html lang="([a-z]+)"/)?.[1];
  const sizes = new Map<string, { raw: number; gz: number; lazy: string[] }>();
  const visit = async (url: string): Promise<void> => {
    if (sizes.has(url)) return;
    const body = Buffer.from(await (await fetch(`${base}${url}`)).arrayBuffer());
    const { eager, lazy } = scriptsOf(body.toString('utf8'));
    sizes.set(url, { raw: body.length, gz: gzipSync(body).length, lazy });
    for (const next of eager) await visit(next);
  };
  for (const url of scriptsOf(html).eager) await visit(url);
  const lazyChunks = () => [...sizes.values()].flatMap((x) => x.lazy);
  for (const url of lazyChunks().filter((u) => CATALOG.exec(u)?.[1] === lang)) await visit(url);
  const total = () =>
    [...sizes.values()].reduce((s, x) => ({ raw: s.raw + x.raw, gz: s.gz + x.gz }), { raw: 0, gz: 0 });
  const atLoad = { files: sizes.size, ...total() };
  for (const url of lazyChunks().filter((u) => !CATALOG.test(u))) await visit(url);
  const withLazy = { files: sizes.size, ...total() };
  const kib = (n: number) => Math.round((n / 1024) * 10) / 10;
  return {
    atLoad: { files: atLoad.files, rawKiB: kib(atLoad.raw), gzKiB: kib(atLoad.gz) },
    withLazy: { files: withLazy.files, rawKiB: kib(withLazy.raw), gzKiB: kib(withLazy.gz) },
  };
}

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'plenum-bench-'));
const port = 3900 + Math.floor(Math.random() * 50);
const base = `http://127.0.0.1:${port}`;
const started = Date.now();
const server = spawn(process.execPath, ['build/server/index.js'], {
  env: {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    PLENUM_DEMO: 'base',
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let output = '';
server.stdout.on('data', (d: Buffer) => (output += d.toString()));

try {
  await waitFor200(`${base}/p/programme-2027`, Date.now() + 120_000);
  const coldStartMs = Date.now() - started;

  const toc = await (await fetch(`${base}/p/programme-2027`)).text();
  const sectionPath = toc.match(/href="(\/p\/programme-2027\/sections\/[a-z2-7]+)"/)![1]!;
  const html = await (await fetch(`${base}${sectionPath}`)).text();

  // The reference: the very same HTML, as a static file served by Express in this process.
  const staticDir = await fs.mkdtemp(path.join(os.tmpdir(), 'plenum-bench-static-'));
  await fs.writeFile(path.join(staticDir, 'section.html'), html);
  const app = express();
  app.use(express.static(staticDir));
  const staticServer = app.listen(0, '127.0.0.1');
  await new Promise((r) => staticServer.once('listening', r));
  const staticPort = (staticServer.address() as { port: number }).port;

  // Signed-in members' pages: the demo's three members, each request another's (ADR 0047: members who see a page
  // alike share its render, each answer filled with its reader's name; a member seeing it otherwise gets their own).
  const logIn = async (email: string, password: string) => {
    const login = await fetch(`${base}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
      body: new URLSearchParams({ email, password }).toString(),
    });
    return login.headers.get('set-cookie')!.split(';')[0]!;
  };
  const cookies: string[] = [];
  for (const [, email, password] of output.matchAll(/MEMBER\s+(\S+@\S+)\s+(\S+)/g)) {
    cookies.push(await logIn(email!, password!));
  }
  const js = await javaScriptOf(
    base,
    await (await fetch(`${base}${sectionPath}`, { headers: { cookie: cookies[0]! } })).text(),
  );

  await load(`${base}${sectionPath}`); // warm-up
  const ssr = await load(`${base}${sectionPath}`);
  const member = await load(`${base}${sectionPath}`, cookies);
  const reference = await load(`http://127.0.0.1:${staticPort}/section.html`);
  staticServer.close();
  const memberRatio = Math.round((member.rps / reference.rps) * 1000) / 1000;

  const ratio = Math.round((ssr.rps / reference.rps) * 1000) / 1000;
  console.log(`cold start (empty data folder) to first 200: ${coldStartMs} ms`);
  console.log(`section page, public (page cache): ${Math.round(ssr.rps)} req/s, p99 ${ssr.p99Ms} ms`);
  console.log(
    `section page, signed-in members (${cookies.length} in turn): ${Math.round(member.rps)} req/s, p99 ${member.p99Ms} ms`,
  );
  console.log(`same HTML, static file: ${Math.round(reference.rps)} req/s, p99 ${reference.p99Ms} ms`);
  console.log(`ratio public page / static: ${ratio} (goal >= 0.6: ${ratio >= 0.6 ? 'met' : 'NOT met'})`);
  console.log(
    `ratio member page / static: ${memberRatio} (goal >= ${MEMBER_GOAL}: ${memberRatio >= MEMBER_GOAL ? 'met' : 'NOT met'})`,
  );
  console.log(
    `JavaScript of a member's section page: ${js.atLoad.rawKiB} KiB, ${js.atLoad.gzKiB} KiB gzipped ` +
      `(${js.atLoad.files} files: named by the HTML, and its language's messages; goal <= ${JS_GOAL_GZ_KIB} KiB gzipped: ` +
      `${js.atLoad.gzKiB <= JS_GOAL_GZ_KIB ? 'met' : 'NOT met'})`,
  );
  console.log(
    `  with the editor's chunk, asked for once the page is interactive: ${js.withLazy.rawKiB} KiB, ` +
      `${js.withLazy.gzKiB} KiB gzipped (${js.withLazy.files} files)`,
  );
  console.log(
    JSON.stringify({
      bench: 'ssr',
      date: new Date().toISOString(),
      connections: CONNECTIONS,
      durationS: DURATION,
      coldStartMs,
      ssrRps: Math.round(ssr.rps),
      ssrP99Ms: ssr.p99Ms,
      members: cookies.length,
      memberRps: Math.round(member.rps),
      memberP99Ms: member.p99Ms,
      memberRatio,
      memberGoal: MEMBER_GOAL,
      js,
      staticRps: Math.round(reference.rps),
      staticP99Ms: reference.p99Ms,
      ratio,
      goal: 0.6,
    }),
  );
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  await fs.rm(dataDir, { recursive: true, force: true });
}
