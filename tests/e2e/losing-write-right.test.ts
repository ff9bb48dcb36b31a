import type { WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { sectionIds } from './support/collab.ts';
import { DEMO, moderatorSession } from './support/scenarios.ts';
import { startServer, type TestServer } from './support/server.ts';
import { logInAsDemo } from './support/session.ts';

// Issue 17, item 15: the right to write ends while a member types. They are told why and since when, what the
// server stored stays, and what it did not store is offered to copy: never silently dropped.
let server: TestServer;
let sectionUrl: string;
beforeAll(async () => {
  server = await startServer();
  const [, second] = await sectionIds(server.url);
  sectionUrl = `${server.url}/p/${DEMO}/sections/${second}`;
});
afterAll(async () => {
  await server?.stop();
});

describe('a moderator ends drafting while a member types', () => {
  it('says why, keeps what was stored, and offers what was not to copy', async () => {
    const camille = await launchBrowser({ locale: 'en-GB' });
    const reader = await launchBrowser({ locale: 'en-GB' });
    try {
      await camille.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      const a = await camille.newPage();
      // Camille's connections, through a relay that can hold back what one sends (a train entering a tunnel).
      let latest = { holding: false };
      await a.routeWebSocket(/\/collab\//, (ws: WebSocketRoute) => {
        const upstream = ws.connectToServer();
        const connection = { holding: false };
        latest = connection;
        ws.onMessage((message) => {
          if (!connection.holding) upstream.send(message);
        });
        upstream.onMessage((message) => ws.send(message));
        upstream.onClose((code, reason) => ws.close({ code, reason }));
        ws.onClose((code, reason) => upstream.close({ code, reason }));
      });
      await logInAsDemo(a, server, 'camille');
      await a.goto(sectionUrl);
      await a.getByTestId('connection-status').getByText('Connected: changes are saved as you type').waitFor();
      const editor = a.getByRole('textbox', { name: 'Section text' });
      await editor.click();
      await a.keyboard.press('Control+End');
      await a.keyboard.press('Enter');
      await a.keyboard.type('Camille écrit avant la fin.', { delay: 20 });

      // A reader sees it arrive: it is stored.
      const r = await reader.newPage();
      await r.goto(sectionUrl);
      await r.getByText('Camille écrit avant la fin.').waitFor();

      // Her next words are held back on the way; meanwhile a moderator ends drafting.
      latest.holding = true;
      await a.keyboard.type(' Puis tape dans le tunnel.', { delay: 20 });
      const moderation = await moderatorSession(server);
      await moderation.post(`/p/${DEMO}/settings`, 'moderation', {
        phase: 'AMENDING',
        draftIsPublic: 'on',
        reason: 'Fin de la rédaction',
      });

      // She is told why and since when, in her language, and her editor no longer takes keystrokes.
      const notice = a.getByTestId('write-ended');
      await notice.getByText(/^Drafting ended on .+: a moderator moved the program to its next phase/).waitFor();
      await notice.getByText('What you typed after that was not saved. It is kept here for you to copy:').waitFor();
      expect(await notice.getByTestId('unsaved-text').inputValue()).toBe('Puis tape dans le tunnel.');
      await a.getByText('Read only').waitFor();
      expect(await editor.getAttribute('contenteditable')).toBe('false');
      // The editor shows what is stored: her words before the end, not those the server never got.
      await editor.getByText('Camille écrit avant la fin.').waitFor();
      expect(await editor.innerText()).not.toContain('tunnel');

      await notice.getByRole('button', { name: 'Copy' }).click();
      await notice.getByText('Copied.').waitFor();
      expect(await a.evaluate(() => navigator.clipboard.readText())).toBe('Puis tape dans le tunnel.');

      // What was stored stays for everyone: the reader, and Camille after a reload.
      await r.reload();
      await r.getByTestId('connection-status').getByText('Connected').waitFor();
      await r.getByText('Camille écrit avant la fin.').waitFor();
      expect(await r.getByText('tunnel').count()).toBe(0);
      await a.reload();
      await a.getByTestId('connection-status').getByText('Connected: changes appear as they are made').waitFor();
      expect(await a.getByText('Camille écrit avant la fin.').count()).toBe(1);
      expect(await a.getByText('tunnel').count()).toBe(0);
    } finally {
      await camille.cleanup();
      await reader.cleanup();
    }
  });
});
