import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRoundKey, destroyRoundKey, roundKey } from '../../app/modules/voting/keys.server.ts';
import { appConfig, setAppConfig } from '../../app/utils/config.server.ts';
import { newId } from '../../app/utils/ids.ts';
import { sendMail } from '../../app/utils/mail.server.ts';
import { setupTestDatabase } from '../setup/database.ts';

// Files only the server's account may read (issue 15): mails with links, and round keys until they are destroyed.
const state = setupTestDatabase();
const mode = async (at: string) => ((await fs.stat(at)).mode & 0o777).toString(8);

describe('files the server writes', () => {
  it('writes outbox mails (reset and sign-in links) that only its account can read', async () => {
    const outboxDir = path.join(state.outboxDir, 'fresh', 'outbox');
    setAppConfig({ ...appConfig(), outboxDir });
    await sendMail({ to: 'ana@example.org', subject: 'Reset', text: 'https://plenum.test/reset-password?token=x' });
    const [file] = await fs.readdir(outboxDir);
    expect(await mode(outboxDir)).toBe('700');
    expect(await mode(path.join(outboxDir, file!))).toBe('600');
  });

  it('overwrites a round key before removing it: a link to the file no longer holds the key', async () => {
    const roundId = newId();
    await createRoundKey(roundId);
    const file = path.join(appConfig().keysDir, `round-${roundId}.key`);
    expect(await mode(file)).toBe('600');
    const link = path.join(state.outboxDir, `link-${roundId}`);
    await fs.link(file, link);
    const key = await fs.readFile(link);
    expect(Buffer.from(key.toString('utf8'), 'base64')).toEqual(await roundKey(roundId));

    await destroyRoundKey(roundId);
    await expect(fs.stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    const left = await fs.readFile(link);
    expect(left.length).toBe(key.length);
    expect(left.equals(key)).toBe(false);
    // Destroying it again (a sweep after an interrupted close) is nothing to do.
    await expect(destroyRoundKey(roundId)).resolves.toBeUndefined();
  });
});
