import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll } from 'vitest';

/**
 * Debian's Chromium; `npx playwright install` cannot download browsers here. Its headless shell (Debian's
 * `chromium-headless-shell`, what Playwright itself runs headless) when installed: the same engine without the
 * desktop browser around it, a third less CPU for the same journeys (issue 16). Else the full `chromium`.
 */
export const CHROMIUM =
  process.env.CHROMIUM_PATH ??
  ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((file) => fs.existsSync(file)) ??
  '/usr/bin/chromium';

// One Chromium per test file (each file imports this module afresh), started at the first person and closed
// after the file's last test: starting a browser per person cost a second or more each.
let running: Promise<Browser> | undefined;
afterAll(async () => {
  const browser = await running?.catch(() => undefined);
  running = undefined;
  await browser?.close();
});

/**
 * A new person: a fresh browser context (own cookies and storage, like an empty profile) in the file's headless
 * Chromium. The flags keep it off the (closed) network: without them it floods the machine with connection
 * attempts.
 */
export async function launchBrowser(
  options: { locale?: string; /** False: a person whose browser runs no script. */ javaScript?: boolean } = {},
): Promise<BrowserContext & { cleanup: () => Promise<void> }> {
  running ??= chromium.launch({
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
  const context = await (
    await running
  ).newContext({
    locale: options.locale ?? 'fr-FR',
    viewport: { width: 1280, height: 860 },
    javaScriptEnabled: options.javaScript ?? true,
  });
  return Object.assign(context, { cleanup: () => context.close() });
}
