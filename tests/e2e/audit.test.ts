import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { violations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { appendParagraph, connectClient, eventually } from './support/collab.ts';
import { startServer, type TestServer } from './support/server.ts';
import { logInAsDemo } from './support/session.ts';
import { DEMO, prepareAdmissibleAmendment } from './support/scenarios.ts';

let server: TestServer;
let prepared: Awaited<ReturnType<typeof prepareAdmissibleAmendment>>;
// The program takes amendments, one of them admissible and pending (scenarios.ts).
beforeAll(async () => {
  server = await startServer();
  prepared = await prepareAdmissibleAmendment(server);
});
afterAll(async () => {
  await server?.stop();
});

const EDITED = 'Les conventions citoyennes sont tirées au sort chaque année.';

describe('what moderators do is shown, and every change of the text is attributed (issue 17)', () => {
  it('confirms a phase moved back, attributes a direct edit in the next version, and lists it all publicly', async () => {
    const moderator = await launchBrowser({ locale: 'en-GB' });
    const visitor = await launchBrowser({ locale: 'en-GB' });
    try {
      const m = await moderator.newPage();
      await logInAsDemo(m, server, 'moderation');

      // The structure page empties "New chapter" once the chapter is added: a second click adds nothing twice.
      await m.goto(`${server.url}/p/${DEMO}/structure`);
      await m.getByLabel('New chapter', { exact: true }).fill('Culture pour tous');
      await m.getByRole('button', { name: 'Add the chapter' }).click();
      await m.getByText('Done. The change is recorded in the audit trail.').waitFor();
      await m.getByRole('heading', { name: /— Culture pour tous$/ }).waitFor();
      expect(await m.getByLabel('New chapter', { exact: true }).inputValue()).toBe('');

      // Back to drafting while an amendment is pending: refused until confirmed, saying what is pending.
      await m.goto(`${server.url}/p/${DEMO}/settings`);
      await m.getByLabel('Phase', { exact: true }).selectOption('DRAFTING');
      await m.getByLabel('Reason').fill('Le texte doit être repris');
      await m.getByRole('button', { name: 'Save the settings' }).click();
      await m.getByText('standing amendments 1, voting rounds not closed 0').waitFor();
      expect(await m.getByLabel('Phase', { exact: true }).inputValue()).toBe('DRAFTING');
      await m.getByLabel(/I confirm moving the phase backwards/).check();
      await m.getByRole('button', { name: 'Save the settings' }).click();
      await m.getByText('The program settings were changed and recorded in the audit trail.').waitFor();
      await m.getByTestId('phase').getByText('Drafting').waitFor();

      // Version 1, then Camille rewrites a section directly while drafting, then version 2.
      await prepared.post(`/p/${DEMO}/publish`, 'moderation', { note: 'Première version.' });
      const sectionId = prepared.sections[1]!;
      const writer = connectClient(server.url, `section:${sectionId}`, prepared.cookies.get('camille'));
      const reader = connectClient(server.url, `section:${sectionId}`, prepared.cookies.get('moderation'));
      try {
        await writer.synced;
        appendParagraph(writer.doc, EDITED);
        await reader.synced;
        await eventually(() => reader.text().includes(EDITED), 10_000, 'the edit to be stored and relayed');
      } finally {
        writer.destroy();
        reader.destroy();
      }
      await prepared.post(`/p/${DEMO}/publish`, 'moderation', { note: 'Deuxième version.' });

      // The public reads in version 2's changelog that the section was edited directly, during drafting, by
      // nobody named (the program does not publish drafters' names), and the new sentence says so too.
      const v = await visitor.newPage();
      await v.goto(`${server.url}/p/${DEMO}/v/2`);
      const edit = v.getByTestId('changelog').getByTestId('direct-edit');
      await edit.waitFor();
      expect(await edit.innerText()).toMatch(
        /^Edited directly, outside any amendment during the Drafting phase, from .+ to .+ — this program does not publish the names of those who write its text$/,
      );
      await v.goto(`${server.url}/p/${DEMO}/v/2/sections/${sectionId}`);
      const passage = v.locator('mark.provenance', { hasText: EDITED });
      await passage.getByRole('link', { name: /why is this passage here/ }).click();
      await v.getByTestId('provenance').locator('li:target').getByTestId('direct-edit').waitFor();
      expect(await violations(v)).toEqual([]);

      // In the Published phase, /rounds/new says the phase is the reason, not the account.
      await prepared.post(`/p/${DEMO}/settings`, 'moderation', {
        phase: 'PUBLISHED',
        draftIsPublic: 'on',
        reason: 'Le programme est adopté',
      });
      await m.goto(`${server.url}/p/${DEMO}/rounds/new`);
      await m.getByTestId('rounds-wrong-phase').getByText('The program is in the “Published” phase.').waitFor();
      expect(await m.getByText('Your account does not give access to this page.').count()).toBe(0);

      // The public audit log: every action with its reason; filtered by kind.
      await v.goto(`${server.url}/p/${DEMO}`);
      await v.getByRole('link', { name: 'Audit log' }).click();
      const log = v.getByTestId('audit-log');
      const back = log.getByRole('row', { name: /Settings changed/ }).filter({ hasText: 'Le texte doit être repris' });
      expect((await back.innerText()).replace(/\s+/g, ' ')).toMatch(
        /Moussa Modérateur Settings changed — phase Amendments → Drafting — moved back while pending: amendments 1, votes 0 Le texte doit être repris$/,
      );
      await log.getByRole('row', { name: /Version published — version 2 Deuxième version\./ }).waitFor();
      await log.getByRole('row', { name: /Amendment declared admissible: Un RIC plus accessible/ }).waitFor();
      expect(await log.getByText('@plenum.localhost').count()).toBe(0);
      await v.getByLabel('Show').selectOption('structure');
      await v.getByRole('button', { name: 'Filter' }).click();
      await v.waitForURL(/kind=structure/);
      expect(
        (await v.getByTestId('audit-log').locator('tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ')),
      ).toEqual([expect.stringContaining('Moussa Modérateur Chapter created: Culture pour tous')]);
      expect(await violations(v)).toEqual([]);
    } finally {
      await moderator.cleanup();
      await visitor.cleanup();
    }
  });
});
