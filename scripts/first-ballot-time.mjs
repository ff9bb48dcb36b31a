// How long a newcomer waits from a fresh clone to a first ballot cast in the demo (issue 20): clones the project,
// runs `npm ci` and `npm start` as the README says, then drives Chromium (playwright-core, Debian's chromium) as
// a demo member who logs in through the form with a printed password, opens the open round and casts a ballot.
// Prints each step's duration and the total; human reading time is not counted.
//
//   node scripts/first-ballot-time.mjs [--from <repo>] [--into /tmp/plenum-first-ballot] [--port 3999]
import { execFileSync, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const from = option('from', path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));
const into = option('into', '/tmp/plenum-first-ballot');
const port = Number(option('port', '3999'));
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const times = {};
const started = performance.now();
const step = async (name, work) => {
  const t0 = performance.now();
  const result = await work();
  times[name] = Math.round((performance.now() - t0) / 100) / 10;
  process.stderr.write(`${name}: ${times[name]} s\n`);
  return result;
};

rmSync(into, { recursive: true, force: true });
await step('git clone', () => execFileSync('git', ['clone', '--quiet', from, into], { stdio: 'inherit' }));
await step('npm ci', () =>
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: into, stdio: ['ignore', 'ignore', 'inherit'] }),
);

/** `npm start` until the server listens; returns the process and the logins it printed. */
function start() {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['start'], {
      cwd: into,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    const read = (chunk) => {
      output += chunk;
      if (/Plenum is listening/.test(output)) {
        const logins = [...output.matchAll(/^\s+(ADMIN|MODERATOR|MEMBER)\s+(\S+@\S+)\s+(\S+)$/gm)];
        resolve({ child, logins: logins.map((m) => ({ role: m[1], email: m[2], password: m[3] })) });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output.slice(-3000)}`)));
  });
}
const { child, logins } = await step('npm start (build, migrate, seed, listen)', start);
const base = `http://127.0.0.1:${port}`;

// playwright-core from the fresh clone's own node_modules: what `npm ci` installed.
const { chromium } = createRequire(path.join(into, 'package.json'))('playwright-core');
const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
try {
  await step('log in and cast a ballot (Chromium)', async () => {
    const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    const member = logins.find((l) => l.email.startsWith('camille@')) ?? logins.find((l) => l.role === 'MEMBER');
    await page.goto(`${base}/login`);
    await page.getByLabel('Email address').fill(member.email);
    await page.getByLabel('Password').fill(member.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${base}/p/plateforme-municipale-2026/rounds`);
    await page
      .getByRole('link', { name: /Second vote/ })
      .first()
      .click();
    await page.getByRole('link', { name: 'Vote', exact: true }).click();
    await page.getByRole('heading', { name: 'Your ballot', level: 1 }).waitFor();
    await page.getByLabel('Rank of “La gratuité pour tous dès la première année”').selectOption({ label: '1' });
    await page.getByLabel('Rank of “Keep the current text”').selectOption({ label: '2' });
    await page.getByTestId('question-2').getByLabel('No', { exact: true }).check();
    await page.getByRole('button', { name: 'Cast my ballot' }).click();
    await page.getByText('Your ballot is recorded.').waitFor();
  });
} finally {
  await browser.close();
  process.kill(-child.pid, 'SIGTERM');
}
times.total = Math.round((performance.now() - started) / 100) / 10;
process.stdout.write(`${JSON.stringify(times, null, 2)}\n`);
