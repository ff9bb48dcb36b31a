import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readEnv } from '~/utils/env.server.ts';
import { openAndMigrate } from './boot.ts';

let root: string;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'plenum-boot-'));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('a first start on an empty embedded database', () => {
  it('takes arrays of the types its migrations just made, as the moderation queue sends them', async () => {
    const env = readEnv({ NODE_ENV: 'test', DATA_DIR: path.join(root, 'data'), DATABASE_URL: '' });
    const database = await openAndMigrate(env);
    try {
      // The queue's statement filters amendments by an array of their statuses, an enum a migration made.
      const rows = await database.sql.query<{ statuses: string[] }>('SELECT $1::"AmendmentStatus"[] AS statuses', [
        ['SUBMITTED', 'QUALIFIED', 'ADMISSIBLE'],
      ]);
      expect(rows[0]?.statuses).toEqual(['SUBMITTED', 'QUALIFIED', 'ADMISSIBLE']);
    } finally {
      await database.close();
    }
  });
});
