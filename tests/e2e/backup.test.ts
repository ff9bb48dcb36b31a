import { gzipSync } from 'node:zlib';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sha256Of } from '../../server/backup/backup-file.ts';
import { appendParagraph, connectClient, eventually, sessionCookie } from './support/collab.ts';
import { DEMO, demoSessions, prepareVotedRound, utcMinute } from './support/scenarios.ts';
import { CLI_ENTRY, runToExit, startServer, type TestServer } from './support/server.ts';

/**
 * Issue 19, item 5: `plenum backup` while Plenum runs, someone typing live and a vote open; `plenum restore` into
 * an empty folder; a server started on it finds everything the first one had stored before the backup.
 */

const BEFORE = 'Le tramway relie les quartiers nord au centre.';
const DURING =
  'Pendant la sauvegarde, la rédaction continue : chaque lettre tapée ici arrive au serveur une par une, ' +
  'et la copie doit contenir tout ce qui était enregistré quand elle a commencé, sans rien de cassé après. ' +
  'Les lignes de bus de nuit desservent les communes voisines toutes les demi-heures, du jeudi au dimanche.';

let server: TestServer;
let work: string;
beforeAll(async () => {
  server = await startServer();
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'plenum-backup-'));
});
afterAll(async () => {
  await server?.stop();
  if (work) await fs.rm(work, { recursive: true, force: true });
});

const cli = (args: string[], dataDir: string) => runToExit([CLI_ENTRY, ...args], { DATA_DIR: dataDir });

/** The text of every paragraph of a live document, in order. */
const paragraphs = (xml: string) => [...xml.matchAll(/<paragraph>(.*?)<\/paragraph>/g)].map((m) => m[1]!);

/** What a document holds of the paragraph typed after BEFORE ('' until it arrives). */
function typedSoFar(xml: string): string {
  const all = paragraphs(xml);
  const at = all.lastIndexOf(BEFORE);
  return at >= 0 && at < all.length - 1 ? all[at + 1]! : '';
}

/** The moderator opens a second program, still being drafted, with one section; returns that section's id. */
async function draftingSection(session: Awaited<ReturnType<typeof demoSessions>>): Promise<string> {
  const cookie = session.cookies.get('moderation')!;
  await session.post('/programs/new', 'moderation', { title: 'Programme local', summary: 'Brouillon.', slug: 'local' });
  await session.post('/p/local/structure', 'moderation', { intent: 'createChapter', title: 'Se déplacer' });
  const structure = await (await fetch(`${server.url}/p/local/structure`, { headers: { cookie } })).text();
  const chapterId = /name="chapterId" value="([a-z2-7]{16})"/.exec(structure)?.[1];
  expect(chapterId, 'the new chapter').toBeTruthy();
  await session.post('/p/local/structure', 'moderation', {
    intent: 'createSection',
    chapterId: chapterId!,
    title: 'Transports',
  });
  const page = await (await fetch(`${server.url}/p/local`, { headers: { cookie } })).text();
  const sectionId = /\/sections\/([a-z2-7]{16})"/.exec(page)?.[1];
  expect(sectionId, 'the new section').toBeTruthy();
  return sectionId!;
}

describe('backing up a running server and restoring it', () => {
  // Two restores and a second server start on top of a voting scenario: about 90 s on the shared machine.
  it(
    'keeps the program, the amendments, the ballots of an open round and the text typed live before the backup',
    { timeout: 240_000 },
    async () => {
      // A vote under way: three ballots cast in an open round of the demo program.
      const voted = await prepareVotedRound(server);
      const moderation = voted.cookies.get('moderation')!;
      // Meanwhile a second program is being drafted, and someone types in it live.
      const sectionId = await draftingSection(await demoSessions(server, ['moderation']));
      const writer = connectClient(server.url, `section:${sectionId}`, moderation);
      const reader = connectClient(server.url, `section:${sectionId}`, moderation);
      const file = path.join(work, 'plenum.backup');
      let typed = 0;
      let seenBefore = '';
      try {
        await writer.synced;
        await reader.synced;
        appendParagraph(writer.doc, BEFORE);
        const line = new Y.XmlText();
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [line]);
        writer.doc.getXmlFragment('default').push([paragraph]);
        // One letter every 25 ms, as someone typing, before, during and after the backup.
        const typing = setInterval(() => {
          if (typed < DURING.length) line.insert(typed, DURING[typed++]!);
        }, 25);
        try {
          await eventually(() => typedSoFar(reader.text()).length >= 10, 10_000, 'typing to reach the server');
          // What the server relayed has been stored: all of it must be in the backup.
          seenBefore = typedSoFar(reader.text());
          const typedBefore = typed;
          const backup = await cli(['backup', file], server.dataDir);
          expect(backup.code, backup.output).toBe(0);
          expect(typed, 'typing went on during the backup').toBeGreaterThan(typedBefore);
          expect(backup.output).toContain(`Backup written to ${file}`);
          expect(backup.output).toContain('from the running server');
          expect(backup.output).toMatch(/2 programs, \d+ sections, 1 amendment, \d+ stored live-text updates/);
          expect(backup.output).toContain('1 open, 0 closed; 3 ballots.');
          // The keys folder is not in it, and the open round's key is named as what it lacks.
          expect(backup.output).toContain('Not included: the keys folder');
          expect(backup.output).toContain('WARNING: 1 voting round is open');
          expect(backup.output).toContain(`round-${voted.roundId}.key`);
        } finally {
          clearInterval(typing);
        }
        // The server went on storing and relaying while it took the copy.
        await eventually(() => typedSoFar(reader.text()) === DURING.slice(0, typed), 10_000, 'the rest of the typing');
      } finally {
        writer.destroy();
        reader.destroy();
      }

      // What the file says it is, readable without Plenum.
      const head = (await fs.readFile(file)).subarray(0, 4096).toString('utf8').split('\n');
      expect(head[0]).toBe('PLENUM-BACKUP 1');
      const manifest = JSON.parse(head[1]!) as { keys: { included: boolean; openRounds: { id: string }[] } };
      expect(manifest.keys.included).toBe(false);
      expect(manifest.keys.openRounds.map((r) => r.id)).toEqual([voted.roundId]);
      expect((await fs.stat(file)).mode & 0o777).toBe(0o600);

      // Restored without the keys folder: it says which key the open round still needs.
      const keyless = path.join(work, 'keyless');
      const withoutKeys = await cli(['restore', file], keyless);
      expect(withoutKeys.code, withoutKeys.output).toBe(0);
      expect(withoutKeys.output).toContain(`lacks keys this database needs: round-${voted.roundId}.key`);
      // A stopped server's folder is backed up by the command itself; the key it lacks is said to be missing.
      const fromFolder = await cli(['backup', path.join(work, 'from-folder.backup')], keyless);
      expect(fromFolder.code, fromFolder.output).toBe(0);
      expect(fromFolder.output).toContain('from the data folder (no server was running)');
      expect(fromFolder.output).toContain(`round-${voted.roundId}.key (MISSING from the keys folder already)`);

      // Restored with the keys folder kept apart (copied here), into a fresh folder, and started.
      const restoredDir = path.join(work, 'restored');
      await fs.cp(`${server.dataDir}-keys`, `${restoredDir}-keys`, { recursive: true });
      const restore = await cli(['restore', file], restoredDir);
      expect(restore.code, restore.output).toBe(0);
      expect(restore.output).toContain(`Restored ${file} into ${restoredDir}.`);
      expect(restore.output).not.toContain('WARNING');
      // The server account's alone, as a data folder the server made.
      expect((await fs.stat(restoredDir)).mode & 0o777).toBe(0o700);
      expect((await fs.stat(path.join(restoredDir, 'pglite', 'PG_VERSION'))).mode & 0o777).toBe(0o600);
      // The first server stops cleanly, its backup socket closed with it.
      expect(await server.stop({ keep: true })).toBe(0);
      await expect(fs.stat(path.join(server.dataDir, 'control.sock'))).rejects.toMatchObject({ code: 'ENOENT' });
      const restored = await startServer({ reuse: { dataDir: restoredDir } });
      try {
        const again = { ...restored, logins: server.logins };
        expect(restored.output()).not.toContain('shown only this once');
        // The program and its amendment.
        const program = await fetch(`${restored.url}/p/${DEMO}`);
        expect(program.status).toBe(200);
        expect(await program.text()).toContain('Programme 2027');
        const session = await demoSessions(again, ['moderation']);
        const amendment = await fetch(`${restored.url}/p/${DEMO}/amendments/${voted.amendmentId}`, {
          headers: { cookie: session.cookies.get('moderation')! },
        });
        expect(await amendment.text()).toContain('Un RIC plus accessible');
        // The live text: everything relayed before the backup began, and nothing broken after it.
        const cookie = await sessionCookie(
          restored.url,
          'moderation@plenum.localhost',
          server.logins.get('moderation@plenum.localhost')!,
        );
        const live = connectClient(restored.url, `section:${sectionId}`, cookie);
        try {
          await live.synced;
          const [before, during] = paragraphs(live.text()).slice(-2);
          expect(before).toBe(BEFORE);
          expect(during!.startsWith(seenBefore), `"${during}" holds "${seenBefore}"`).toBe(true);
          expect(DURING.startsWith(during!)).toBe(true);
        } finally {
          live.destroy();
        }
        // The ballots: the round is still open with its three ballots, and counts them with the key kept apart.
        await session.post(`${restored.url}/p/${DEMO}/rounds/${voted.roundId}`, 'moderation', {
          closesAt: utcMinute(0),
          closesAtOffset: '0',
          reason: 'Fin du vote après restauration',
        });
        const results = await (await fetch(`${restored.url}/api/v1/rounds/${voted.roundId}/results`)).json();
        expect(results.results).toMatchObject({
          ballots: 3,
          questions: [{ kind: 'YES_NO', yes: 2, no: 1, abstain: 0, adopted: true }],
        });
      } finally {
        await restored.stop();
        await fs.rm(`${restoredDir}-keys`, { recursive: true, force: true });
      }
    },
  );
});

describe('refusals said in words', () => {
  let original: TestServer;
  beforeAll(async () => {
    original = await startServer();
  });
  afterAll(async () => {
    await original?.stop();
  });

  /** A clear message and exit code 2; never a stack trace. */
  function expectRefusal(result: { code: number | null; output: string }, message: RegExp) {
    expect(result.code, result.output).toBe(2);
    expect(result.output).toMatch(message);
    expect(result.output).not.toMatch(/^\s+at /m);
  }

  it('refuses a path it cannot write, and a folder that is not empty', async () => {
    const notAFolder = path.join(work, 'a-file');
    await fs.writeFile(notAFolder, 'x');
    expectRefusal(
      await cli(['backup', path.join(notAFolder, 'plenum.backup')], original.dataDir),
      /Cannot write the backup to .*plenum\.backup: a part of the path is not a folder\./,
    );
    expectRefusal(
      await cli(['backup', '/proc/plenum.backup'], original.dataDir),
      /Cannot write the backup to \/proc\/plenum\.backup: /,
    );
    expect((await fs.readdir(work)).filter((name) => name.includes('partial'))).toEqual([]);

    const file = path.join(work, 'refusals.backup');
    expect((await cli(['backup', file], original.dataDir)).code).toBe(0);
    // The running server's own folder is not empty: nothing is overwritten.
    expectRefusal(
      await cli(['restore', file], original.dataDir),
      /is not empty \(it holds .*pglite.*\): plenum restore only fills an empty data folder/,
    );
    // Nor is an existing backup.
    expectRefusal(await cli(['backup', file], original.dataDir), /already exists: plenum backup does not overwrite/);
  });

  it('refuses a corrupt or cut-short backup, leaving the folder empty', async () => {
    const file = path.join(work, 'good.backup');
    expect((await cli(['backup', file], original.dataDir)).code).toBe(0);
    const bytes = await fs.readFile(file);
    const target = path.join(work, 'target');
    const attempt = async (name: string, content: Buffer, message: RegExp) => {
      const damaged = path.join(work, name);
      await fs.writeFile(damaged, content);
      expectRefusal(await cli(['restore', damaged], target), message);
      expect(await fs.readdir(target).catch(() => [])).toEqual([]);
    };
    await attempt('random.backup', Buffer.from('PK\u0003\u0004 not a backup at all'), /is not a Plenum backup/);
    await attempt(
      'short.backup',
      bytes.subarray(0, bytes.length - 1000),
      /is damaged: it holds \d+ bytes of data where \d+ were written/,
    );
    const flipped = Buffer.from(bytes);
    flipped.writeUInt8(flipped.readUInt8(flipped.length - 10) ^ 0xff, flipped.length - 10);
    await attempt('flipped.backup', flipped, /is damaged: its data does not match the SHA-256 written in it/);
    // Well formed and checksummed, but its data is no database: PGlite's refusal, in a sentence.
    const [magic, manifestLine] = bytes
      .subarray(0, bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1))
      .toString()
      .split('\n');
    const payload = gzipSync(Buffer.from('no tarball here'));
    const manifest = JSON.parse(manifestLine!) as { payload: { bytes: number; sha256: string } };
    manifest.payload = { ...manifest.payload, bytes: payload.length, sha256: sha256Of(payload) };
    await attempt(
      'forged.backup',
      Buffer.concat([Buffer.from(`${magic}\n${JSON.stringify(manifest)}\n`), payload]),
      /could not be restored: .*nothing was left in/,
    );
    expectRefusal(
      await cli(['restore', path.join(work, 'missing.backup')], target),
      /Cannot read .*missing\.backup: no such file or folder\./,
    );
  });
});
