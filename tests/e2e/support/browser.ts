import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium; `npx playwright install` cannot download browsers here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * A fresh headless Chromium with an empty profile. The flags keep it off the (closed) network: without them
 * it floods the machine with connection attempts.
 */
export async function launchBrowser(
  options: { locale?: string } = {},
): Promise<BrowserContext & { cleanup: () => Promise<void> }> {
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'plenum-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: options.locale ?? 'fr-FR',
    viewport: { width: 1280, height: 860 },
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
  return Object.assign(context, {
    cleanup: async () => {
      await context.close();
      await fs.rm(profile, { recursive: true, force: true });
    },
  });
}
