import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '../../app/utils/db.server.ts';
import { InputError, UsageError, type CliValues } from '../../server/cli/command.ts';
import { importRegister } from '../../server/cli/commands/import-register.ts';
import { setupTestDatabase } from '../setup/database.ts';

/**
 * `npm run plenum -- import-register file.csv --columns ...` (issue 18): a file whose header Plenum does not
 * understand is imported with the columns the admin names, as on the page; a wrong choice is said in words and
 * changes nothing.
 */

const state = setupTestDatabase();
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'plenum-register-cli-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A register from a tool whose header names nothing Plenum understands (one name holds a comma). */
const FOREIGN = [
  'Adresse électronique;Nom, prénom;Carte n°;Section',
  'ana@example.org;Duval, Ana;A-1;Lyon',
  'ben@example.org;Roux, Ben;A-2;Nantes',
].join('\n');

/** Runs the command on `text` as the command line would (the database already open); its output and outcome. */
async function importRegisterFile(text: string, values: CliValues) {
  const file = path.join(dir, 'register.csv');
  await fs.writeFile(file, `${text}\n`);
  if (importRegister.opens !== 'database') throw new Error('import-register opens the database');
  const lines: string[] = [];
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (lines.push(String(chunk)), true));
  try {
    const code = await importRegister
      .run({ file, args: [file], values: { 'no-invite': true, ...values }, database: state.database! })
      .catch((error: unknown) => error as Error);
    return { outcome: code, output: lines.join('') };
  } finally {
    out.mockRestore();
  }
}

const entries = () =>
  db().registerEntry.findMany({
    orderBy: { email: 'asc' },
    select: { email: true, name: true, membershipNumber: true, localGroup: true },
  });

describe('import-register --columns', () => {
  it('imports a file whose header it does not understand with the columns named on the command line', async () => {
    const unmapped = await importRegisterFile(FOREIGN, {});
    expect(unmapped.outcome).toBeInstanceOf(InputError);
    expect((unmapped.outcome as Error).message).toContain('No column of the first line is an email column');
    // The columns to choose from, as the first line names them.
    expect((unmapped.outcome as Error).message).toContain(
      '"Adresse électronique", "Nom, prénom", "Carte n°", "Section". Choose them with --columns',
    );

    // Names as written, or without case and accents; a comma inside a name is part of it.
    const columns = 'email=Adresse électronique, name=Nom, prénom,membershipNumber=carte n°,localGroup=SECTION';
    const dry = await importRegisterFile(FOREIGN, { columns, 'dry-run': true });
    expect(dry.outcome).toBe(0);
    expect(dry.output).toContain(
      'Columns: email = "Adresse électronique", name = "Nom, prénom", membershipNumber = "Carte n°", localGroup = "Section".',
    );
    expect(dry.output).toContain('2 lines, 2 valid, 0 refused.');
    expect(await entries()).toEqual([]);

    const imported = await importRegisterFile(FOREIGN, { columns });
    expect(imported.outcome).toBe(0);
    expect(imported.output).toContain('Imported: added 2');
    expect(await entries()).toEqual([
      { email: 'ana@example.org', name: 'Duval, Ana', membershipNumber: 'A-1', localGroup: 'Lyon' },
      { email: 'ben@example.org', name: 'Roux, Ben', membershipNumber: 'A-2', localGroup: 'Nantes' },
    ]);
  });

  it('keeps the columns a header names for the fields not given, and leaves out a field given as empty', async () => {
    const file = ['courriel;nom;groupe local;Identifiant', 'carla@example.org;Carla;Brest;C-3'].join('\n');
    const done = await importRegisterFile(file, { columns: 'membershipNumber=Identifiant,localGroup=' });
    expect(done.outcome).toBe(0);
    expect(done.output).toContain('Columns: email = "courriel", name = "nom", membershipNumber = "Identifiant".');
    expect((await entries()).find((e) => e.email === 'carla@example.org')).toEqual({
      email: 'carla@example.org',
      name: 'Carla',
      membershipNumber: 'C-3',
      localGroup: null,
    });
  });

  it('refuses, in words and changing nothing, a column the file lacks, one column for two fields, a bad option', async () => {
    const before = await entries();
    const missing = await importRegisterFile(FOREIGN, { columns: 'email=Courriel,name=Nom, prénom' });
    expect(missing.outcome).toBeInstanceOf(InputError);
    expect((missing.outcome as Error).message).toMatch(
      /No column of the first line is called “Courriel”\.\n.*"Section"/,
    );

    const twice = await importRegisterFile(FOREIGN, {
      columns: 'email=Adresse électronique,name=Adresse électronique',
    });
    expect(twice.outcome).toBeInstanceOf(InputError);
    expect((twice.outcome as Error).message).toContain('The same column is chosen for two fields');

    for (const columns of ['mail=Adresse électronique', 'email', 'email=Section,email=Carte n°']) {
      const wrong = await importRegisterFile(FOREIGN, { columns });
      expect(wrong.outcome).toBeInstanceOf(UsageError);
      expect((wrong.outcome as Error).message).toMatch(/^--columns: /);
    }
    expect(await entries()).toEqual(before);
  });
});
