/**
 * bench:public — requests per second of what the public reads of a published version: a section page of
 * version 1 (served by the 2-second page micro-cache, as in production), the same page rendered for every
 * request (the cache bypassed), and the version's Markdown export; each against the same HTML served as a static
 * file by a plain node:http server in the same run (goal: cached page / static >= 0.6). The Express static
 * server bench:ssr compares with is measured too. Ends with one line of JSON holding every figure.
 */
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import express from 'express';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** Each server-side measure is preceded by a shorter warm-up on the same address (not counted). */
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
/** The server's default (PAGE_CACHE_TTL_MS), set explicitly so the run measures production's setting. */
const PAGE_CACHE_TTL_MS = 2000;
const GOAL = 0.6;
const PROGRAM = 'programme-2027';

interface Figure {
  rps: number;
  p99Ms: number;
}

async function load(url: string, seconds = DURATION): Promise<Figure> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: Math.round(result.requests.average), p99Ms: result.latency.p99 };
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
const loadAverage = () => os.loadavg().map((n) => Math.round(n * 100) / 100);

/** Starts a reference server on a free port of 127.0.0.1; resolves to the port once it listens. */
async function listen(server: http.Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return (server.address() as { port: number }).port;
}

/** Stops a reference server, ending its kept-alive connections. */
async function close(server: http.Server): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise((r) => server.close(r));
  server.closeAllConnections();
  await closed;
}

const loadStart = loadAverage();
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'plenum-bench-public-'));
const staticDir = await fs.mkdtemp(path.join(os.tmpdir(), 'plenum-bench-public-static-'));
const started = Date.now();
// PORT 0: the system picks a free port; the demo's login box, printed once listening, names it.
const server = spawn(process.execPath, ['build/server/index.js'], {
  env: {
    ...process.env,
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    KEYS_DIR: `${dataDir}-keys`,
    DATABASE_URL: '',
    PLENUM_DEMO: 'base',
    PAGE_CACHE_TTL_MS: String(PAGE_CACHE_TTL_MS),
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let output = '';
server.stdout.on('data', (d: Buffer) => (output += d.toString()));
const exited = new Promise((r) => server.once('exit', r));

// The reference servers: the same HTML as a file on disk, read for every request.
const nodeStatic = http.createServer((req, res) => {
  const file = path.join(staticDir, 'section.html');
  void fs.stat(file).then(
    (stat) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': stat.size });
      createReadStream(file).pipe(res);
    },
    () => res.writeHead(404).end(),
  );
});
const app = express();
app.use(express.static(staticDir));
const expressStatic = http.createServer(app);

try {
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 120_000);
    const check = () => {
      const match = output.match(/Open http:\/\/localhost:(\d+) /);
      if (!match) return;
      clearTimeout(timer);
      resolve(`http://127.0.0.1:${match[1]}`);
    };
    server.stdout.on('data', check);
    void exited.then(() => reject(new Error(`the server exited:\n${output}`)));
  });
  const coldStartMs = Date.now() - started;

  // Version 1, published by the demo moderator over HTTP as a browser would.
  const [, email, password] = output.match(/MODERATOR\s+(\S+@\S+)\s+(\S+)/)!;
  const login = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
    body: new URLSearchParams({ email: email!, password: password! }).toString(),
  });
  const cookie = login.headers.get('set-cookie')?.split(';')[0];
  if (login.status !== 302 || !cookie) throw new Error(`login of ${email} failed: ${login.status}`);
  const publish = await fetch(`${base}/p/${PROGRAM}/publish`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, cookie },
    body: new URLSearchParams({ note: 'Version 1, for the benchmark.' }).toString(),
  });
  const location = publish.headers.get('location') ?? '';
  if (publish.status !== 302 || !location.endsWith(`/p/${PROGRAM}/v/1`))
    throw new Error(`publishing failed: ${publish.status} ${location}`);

  // Anonymous from here on: no cookie is sent.
  const toc = await (await fetch(`${base}/p/${PROGRAM}/v/1`)).text();
  const sectionPath = toc.match(new RegExp(`href="(/p/${PROGRAM}/v/1/sections/[a-z2-7]{16})"`))?.[1];
  if (!sectionPath) throw new Error('no section link in the table of contents of version 1');
  // Any query string keeps a page out of the micro-cache (server/http/page-cache.ts): rendered every time.
  const renderedPath = `${sectionPath}?bench=render`;
  const exportPath = `/p/${PROGRAM}/v/1/export.md`;

  // Check what each address answers before measuring it: a cache hit, a page rendered anew, a Markdown file.
  await fetch(`${base}${sectionPath}`);
  const cached = await fetch(`${base}${sectionPath}`);
  const html = await cached.text();
  if (cached.status !== 200 || cached.headers.get('x-page-cache') !== 'hit')
    throw new Error(`${sectionPath}: ${cached.status}, X-Page-Cache ${cached.headers.get('x-page-cache')}`);
  const rendered = await fetch(`${base}${renderedPath}`);
  const renderedHtml = await rendered.text();
  if (rendered.status !== 200 || rendered.headers.has('x-page-cache'))
    throw new Error(`${renderedPath}: ${rendered.status}, X-Page-Cache ${rendered.headers.get('x-page-cache')}`);
  const markdown = await fetch(`${base}${exportPath}`);
  const markdownBytes = Buffer.byteLength(await markdown.text());
  if (markdown.status !== 200 || !markdown.headers.get('content-type')?.startsWith('text/markdown'))
    throw new Error(`${exportPath}: ${markdown.status} ${markdown.headers.get('content-type')}`);

  await fs.writeFile(path.join(staticDir, 'section.html'), html);
  const nodePort = await listen(nodeStatic);
  const expressPort = await listen(expressStatic);

  await load(`${base}${sectionPath}`, WARMUP);
  const cachedPage = await load(`${base}${sectionPath}`);
  await load(`${base}${renderedPath}`, WARMUP);
  const renderedPage = await load(`${base}${renderedPath}`);
  await load(`${base}${exportPath}`, WARMUP);
  const exportMd = await load(`${base}${exportPath}`);
  await load(`http://127.0.0.1:${nodePort}/section.html`, WARMUP);
  const reference = await load(`http://127.0.0.1:${nodePort}/section.html`);
  await load(`http://127.0.0.1:${expressPort}/section.html`, WARMUP);
  const expressReference = await load(`http://127.0.0.1:${expressPort}/section.html`);

  const cachedRatio = round3(cachedPage.rps / reference.rps);
  const renderedRatio = round3(renderedPage.rps / reference.rps);
  const exportRatio = round3(exportMd.rps / reference.rps);
  const cachedRatioExpress = round3(cachedPage.rps / expressReference.rps);
  const met = cachedRatio >= GOAL;
  const metExpress = cachedRatioExpress >= GOAL;
  const loadEnd = loadAverage();
  const cpus = os.cpus();

  const line = (what: string, f: Figure) => console.log(`${what}: ${f.rps} req/s, p99 ${f.p99Ms} ms`);
  console.log(
    `node ${process.version}, ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? '?'}), ` +
      `load average ${loadStart.join(' ')} at start, ${loadEnd.join(' ')} at end`,
  );
  console.log(`${CONNECTIONS} connections, ${DURATION} s each (after a ${WARMUP} s warm-up)`);
  console.log(`cold start (empty data folder, demo seeded) to listening: ${coldStartMs} ms`);
  console.log(`section page: ${sectionPath} (${Buffer.byteLength(html)} bytes of HTML)`);
  line(
    `(a) published section page, anonymous, page micro-cache on (${PAGE_CACHE_TTL_MS} ms, as in production)`,
    cachedPage,
  );
  line('(b) the same page, cache bypassed by a query string: rendered every request', renderedPage);
  line(`(c) the version's Markdown export (${markdownBytes} bytes, not cached)`, exportMd);
  line('(d) reference: the same HTML as (a), static file from a plain node:http server', reference);
  line('    (also: the same file from express.static, the reference of bench:ssr)', expressReference);
  console.log(`ratio (a)/(d): ${cachedRatio} (goal >= ${GOAL}: ${met ? 'met' : 'NOT met'})`);
  console.log(`ratio (b)/(d): ${renderedRatio} (no goal: the cost of rendering)`);
  console.log(`ratio (c)/(d): ${exportRatio} (no goal)`);
  console.log(
    `ratio (a)/express.static: ${cachedRatioExpress} (goal >= ${GOAL}: ${metExpress ? 'met' : 'NOT met'}; express.static is bench:ssr's reference)`,
  );
  console.log(
    JSON.stringify({
      bench: 'public',
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus.length,
      cpuModel: cpus[0]?.model.trim() ?? null,
      loadAvgStart: loadStart,
      loadAvgEnd: loadEnd,
      connections: CONNECTIONS,
      durationS: DURATION,
      warmupS: WARMUP,
      pageCacheTtlMs: PAGE_CACHE_TTL_MS,
      coldStartMs,
      sectionPath,
      htmlBytes: Buffer.byteLength(html),
      renderedHtmlBytes: Buffer.byteLength(renderedHtml),
      markdownBytes,
      cachedRps: cachedPage.rps,
      cachedP99Ms: cachedPage.p99Ms,
      renderedRps: renderedPage.rps,
      renderedP99Ms: renderedPage.p99Ms,
      exportRps: exportMd.rps,
      exportP99Ms: exportMd.p99Ms,
      staticRps: reference.rps,
      staticP99Ms: reference.p99Ms,
      expressStaticRps: expressReference.rps,
      expressStaticP99Ms: expressReference.p99Ms,
      cachedRatio,
      renderedRatio,
      exportRatio,
      cachedRatioExpress,
      goal: GOAL,
      goalMet: met,
      goalMetExpress: metExpress,
    }),
  );
} finally {
  await close(nodeStatic);
  await close(expressStatic);
  if (server.exitCode === null && server.signalCode === null) {
    server.kill('SIGTERM');
    const forced = setTimeout(() => server.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(forced);
  }
  await fs.rm(dataDir, { recursive: true, force: true });
  await fs.rm(`${dataDir}-keys`, { recursive: true, force: true });
  await fs.rm(staticDir, { recursive: true, force: true });
}
