import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLiveText } from '../../app/modules/live-text/live-text.server.ts';
import { CLOSE, parseWriteEndedReason } from '../../app/modules/live-text/names.ts';
import { createSession } from '../../app/modules/members/sessions.server.ts';
import { addDrafter, removeDrafter } from '../../app/modules/programs/drafters.server.ts';
import { getProgramOutline } from '../../app/modules/programs/programs.server.ts';
import { updateProgramSettings } from '../../app/modules/programs/program-commands.server.ts';
import { docToPlainText } from '../../app/rich-text/document.ts';
import { db } from '../../app/utils/db.server.ts';
import { CollaborationServer } from '../../server/collaboration/server.ts';
import { appendParagraph, connectClient, eventually } from '../e2e/support/collab.ts';
import { createMember } from '../factories/members.ts';
import { createTestProgram } from '../factories/programs.ts';
import { setupTestDatabase } from '../setup/database.ts';

// Issue 17, item 15: a connection that loses the right to write is told why, keeps what it sent before, and a
// change it sends without the right is refused out loud, never silently dropped.
setupTestDatabase();
let server: http.Server;
let collaboration: CollaborationServer;
let baseUrl: string;

beforeAll(async () => {
  server = http.createServer((_req, res) => res.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  collaboration = new CollaborationServer([baseUrl]);
  server.on('upgrade', (req, socket, head) => void collaboration.handleUpgrade(req, socket, head));
});
afterAll(async () => {
  await collaboration.close();
  await new Promise((r) => server.close(r));
});

/** A program in DRAFTING with one section, a moderator, and a member signed in (their session cookie). */
async function drafting() {
  const { slug } = await createTestProgram({ shape: [1], draftIsPublic: true });
  const section = (await getProgramOutline(null, slug)).chapters[0]!.sections[0]!;
  const moderator = await createMember({ role: 'MODERATOR' });
  const member = await createMember();
  const cookie = `plenum_session=${(await createSession(member.id)).token}`;
  const actor = { id: moderator.id, role: moderator.role };
  return { slug, section, docName: `section:${section.id}`, actor, member, cookie };
}

/** The next close of a client's connection: its code and reason. */
function nextClose(client: ReturnType<typeof connectClient>) {
  return new Promise<{ code: number; reason: string }>((resolve) =>
    client.provider.once('connection-close', (event: { code: number; reason: string } | null) =>
      resolve({ code: event?.code ?? 0, reason: event?.reason ?? '' }),
    ),
  );
}

const storedText = async (sectionId: string) => docToPlainText(await readLiveText(`section:${sectionId}`, null));

describe('a writer whose right to write ends', () => {
  it('is told the phase ended and when; what it sent before is stored, what it sends after is refused', async () => {
    const { slug, section, docName, actor, cookie } = await drafting();
    const writer = connectClient(baseUrl, docName, cookie);
    const reader = connectClient(baseUrl, docName);
    try {
      await Promise.all([writer.synced, reader.synced]);
      appendParagraph(writer.doc, 'Écrit pendant la rédaction');
      await eventually(() => reader.text().includes('Écrit pendant la rédaction'), 5_000, 'the change to be relayed');

      const closed = nextClose(writer);
      await updateProgramSettings({
        actor,
        slug,
        phase: 'AMENDING',
        phaseEndsAt: null,
        draftIsPublic: true,
        draftingAccess: 'ALL_MEMBERS',
        reason: 'Fin de la rédaction',
      });
      const { phaseStartedAt } = await db().program.findUniqueOrThrow({ where: { slug } });
      const { code, reason } = await closed;
      expect(code).toBe(CLOSE.writeEnded);
      expect(parseWriteEndedReason(reason)).toEqual({ reason: 'phase', since: phaseStartedAt });
      expect(await storedText(section.id)).toContain('Écrit pendant la rédaction');

      // The stock client reconnects (read-only now); a change it sends is refused, saying why, and stored nowhere.
      await eventually(() => writer.provider.wsconnected && writer.provider.synced, 10_000, 'the writer to reconnect');
      const refused = nextClose(writer);
      const updatesBefore = await db().collabUpdate.count({ where: { docName } });
      appendParagraph(writer.doc, 'Écrit après la fin');
      const second = await refused;
      expect(second.code).toBe(CLOSE.readOnly);
      expect(parseWriteEndedReason(second.reason).reason).toBe('phase');
      expect(await db().collabUpdate.count({ where: { docName } })).toBe(updatesBefore);
      expect(await storedText(section.id)).not.toContain('Écrit après la fin');
      expect(reader.text()).not.toContain('Écrit après la fin');
      // A reader that sends nothing is never closed.
      expect(reader.provider.wsconnected).toBe(true);
    } finally {
      writer.destroy();
      reader.destroy();
    }
  });

  it('is told when it is no longer one of the named drafters', async () => {
    const { slug, docName, actor, member, cookie } = await drafting();
    await updateProgramSettings({
      actor,
      slug,
      phase: 'DRAFTING',
      phaseEndsAt: null,
      draftIsPublic: true,
      draftingAccess: 'NAMED_DRAFTERS',
      reason: 'Rédaction par les rédacteurs désignés',
    });
    await addDrafter({ actor, slug, email: member.email });
    const writer = connectClient(baseUrl, docName, cookie);
    try {
      await writer.synced;
      const closed = nextClose(writer);
      const removedAt = Date.now();
      await removeDrafter({ actor, slug, memberId: member.id });
      const { code, reason } = await closed;
      expect(code).toBe(CLOSE.writeEnded);
      const why = parseWriteEndedReason(reason);
      expect(why.reason).toBe('drafter');
      // Since when: the moment the server learned it, within its 2-second re-check.
      expect(Math.abs(why.since!.getTime() - removedAt)).toBeLessThan(5_000);
    } finally {
      writer.destroy();
    }
  });
});
