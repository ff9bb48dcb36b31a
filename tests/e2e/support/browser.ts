import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/**
 * Debian's Chromium; `npx playwright install` cannot download browsers here. Its headless shell (Debian's
 * `chromium-headless-shell`, what Playwright itself runs headless) when installed: the same engine without the
 * desktop browser around it, a third less CPU for the same journeys (issue 16). Else the full `chromium`.
 */
export const CHROMIUM =
  process.env.CHROMIUM_PATH ??
  ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((file) => fs.existsSync(file)) ??
  '/usr/bin/chromium';

/**
 * One Chromium per test process, kept on `globalThis` so that every test file run in it shares it (the journeys
 * run in one process, one file after the other: vitest.config.ts): starting a browser cost each file a second
 * or more. It ends with the process (Playwright's pipe closes). The contexts a file opened and left open are
 * closed after its last test (tests/e2e/support/each-file.ts).
 */
const shared = globalThis as typeof globalThis & {
  plenumChromium?: Promise<Browser>;
  plenumContexts?: Set<BrowserContext>;
};
const openContexts = (shared.plenumContexts ??= new Set());

/** Closes the contexts still open (called after each file's last test). */
export async function closeOpenContexts() {
  const contexts = [...openContexts];
  openContexts.clear();
  await Promise.all(contexts.map((context) => context.close().catch(() => {})));
}

async function chromiumOfThisProcess(): Promise<Browser> {
  const running = await shared.plenumChromium?.catch(() => undefined);
  if (running?.isConnected()) return running;
  shared.plenumChromium = chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return shared.plenumChromium;
}

/**
 * A new person: a fresh browser context (own cookies and storage, like an empty profile) in the process's headless
 * Chromium. The flags keep it off the (closed) network: without them it floods the machine with connection
 * attempts.
 */
export async function launchBrowser(
  options: { locale?: string; /** False: a person whose browser runs no script. */ javaScript?: boolean } = {},
): Promise<BrowserContext & { cleanup: () => Promise<void> }> {
  const context = await (
    await chromiumOfThisProcess()
  ).newContext({
    locale: options.locale ?? 'fr-FR',
    viewport: { width: 1280, height: 860 },
    javaScriptEnabled: options.javaScript ?? true,
  });
  openContexts.add(context);
  context.on('close', () => openContexts.delete(context));
  return Object.assign(context, { cleanup: () => context.close() });
}
