import { afterAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { sectionIds } from './support/collab.ts';
import { startServer, type TestServer } from './support/server.ts';
import { logInAs } from './support/session.ts';

let server: TestServer | undefined;
afterAll(async () => {
  await server?.stop();
});

describe('writing while the connection is lost', () => {
  it('keeps the edits, says they wait, and merges them when the server is back', async () => {
    // A fixed port, so that the page's provider finds the server again where it was.
    const port = String(40_000 + Math.floor(Math.random() * 20_000));
    server = await startServer({ env: { PORT: port } });
    const logins = server.logins;
    const [, , third] = await sectionIds(server.url);
    const sectionUrl = `${server.url}/p/programme-2027/sections/${third}`;
    const camille = await launchBrowser({ locale: 'en-GB' });
    const lucia = await launchBrowser({ locale: 'en-GB' });
    try {
      const a = await camille.newPage();
      await logInAs(
        a,
        server.url,
        'camille@plenum.localhost',
        logins.get('camille@plenum.localhost')!,
        'Camille Martin',
      );
      await a.goto(sectionUrl);
      await a.getByTestId('connection-status').getByText('Connected').waitFor();

      await server.stop({ keep: true });
      await a.getByTestId('connection-status').getByText('Offline').waitFor();
      // ... and it stays so while the reconnection attempts fail (not "Connecting…", which reads as a first load).
      await a.waitForTimeout(2_000);
      expect(await a.getByTestId('connection-status').innerText()).toMatch(/^Offline/);
      const editor = a.getByRole('textbox', { name: 'Section text' });
      await editor.click();
      await a.keyboard.press('Control+End');
      await a.keyboard.press('Enter');
      await a.keyboard.type('Écrit pendant la coupure.', { delay: 20 });
      await a.getByText('Offline: your changes will be sent when the connection returns').waitFor();

      server = await startServer({
        env: { PORT: port },
        reuse: { dataDir: server.dataDir, databaseUrl: server.databaseUrl },
      });
      await a.getByTestId('connection-status').getByText('Connected').waitFor({ timeout: 20_000 });

      const b = await lucia.newPage();
      await logInAs(b, server.url, 'lucia@plenum.localhost', logins.get('lucia@plenum.localhost')!, 'Lucía García');
      await b.goto(sectionUrl);
      await b.getByTestId('connection-status').getByText('Connected').waitFor();
      await b.getByText('Écrit pendant la coupure.').waitFor();
      expect(await b.getByText('Écrit pendant la coupure.').count()).toBe(1);
    } finally {
      await camille.cleanup();
      await lucia.cleanup();
    }
  });
});
