import { describe, expect, it } from 'vitest';
import {
  completeSetup,
  prepareSetup,
  setupPage,
  setupPending,
  type SetupProps,
} from '../../app/modules/installation/setup.server.ts';
import { installationLook } from '../../app/modules/installation/languages.server.ts';
import { db } from '../../app/utils/db.server.ts';
import { setupTestDatabase } from '../setup/database.ts';

setupTestDatabase();

const FORM: Omit<SetupProps, 'token'> = {
  movementName: 'Mouvement des Communs',
  locales: ['fr', 'es'],
  twoFactorRequired: true,
  email: 'Rosa@Example.org',
  displayName: 'Rosa',
  password: 'des mots sans rapport 42',
  programTitle: 'Programme fondateur',
  locale: 'fr',
};

describe('setting up an installation', () => {
  it('is not needed with the demo, and needs the printed token otherwise', async () => {
    expect(await prepareSetup({ demo: true })).toBeNull();
    expect(await setupPending()).toBe(false);
    const token = (await prepareSetup({ demo: false }))!;
    expect(token).toMatch(/^[\w-]{32}$/);
    expect(await setupPending()).toBe(true);
    expect(await setupPage(null)).toBe('pending');
    expect(await setupPage(token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'))).toBe('pending');
    expect(await setupPage(token)).toBe('form');
    // A restart prints a new token: the old one dies.
    const next = (await prepareSetup({ demo: false }))!;
    expect(await setupPage(token)).toBe('pending');
    await expect(completeSetup({ ...FORM, token })).rejects.toMatchObject({ key: 'setup.errors.token' });
    expect(await db().member.count()).toBe(0);

    const done = await completeSetup({ ...FORM, token: next });
    expect(done).toEqual({ email: 'rosa@example.org', programSlug: 'programme-fondateur' });
    expect(await setupPending()).toBe(false);
    expect(await setupPage(next)).toBe('done');
    const admin = await db().member.findUniqueOrThrow({ where: { email: 'rosa@example.org' } });
    expect(admin.role).toBe('ADMIN');
    expect(admin.emailVerifiedAt).not.toBeNull();
    expect(await db().installation.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({
      movementName: 'Mouvement des Communs',
      locales: ['fr', 'es'],
      twoFactorRequired: true,
    });
    expect(await installationLook()).toEqual({ movementName: 'Mouvement des Communs', locales: ['fr', 'es'] });
    expect(await db().program.count({ where: { slug: 'programme-fondateur' } })).toBe(1);
    expect(await db().auditEvent.count({ where: { action: 'installation.set_up', actorId: admin.id } })).toBe(1);

    // Done once: a new start prints no token, and the form cannot run again.
    expect(await prepareSetup({ demo: false })).toBeNull();
    await expect(completeSetup({ ...FORM, token: next })).rejects.toMatchObject({ key: 'setup.errors.done' });
    expect(await db().member.count()).toBe(1);
  });
});

describe('wrong setup tokens', () => {
  it('are throttled after ten in a window', async () => {
    // Pending again: this file's database emptied of what the first test set up.
    await db().program.deleteMany();
    await db().member.deleteMany();
    await db().installation.deleteMany();
    const token = (await prepareSetup({ demo: false }))!;
    for (let i = 0; i < 10; i++) expect(await setupPage(`wrong-${i}`)).toBe('pending');
    // Ten wrong ones in the window, then refused, even the right one, until the window passes.
    await expect(setupPage('wrong-last')).rejects.toMatchObject({ kind: 'throttled' });
    await expect(setupPage(token)).rejects.toMatchObject({ kind: 'throttled' });
  });
});

describe('the installation look kept in memory', () => {
  it('is read once when its minute runs out under load, not once per request arriving meanwhile', async () => {
    const later = Date.now() + 61_000;
    const asked = Array.from({ length: 50 }, () => installationLook(later));
    // Every request arriving before the row is back gets the same read.
    expect(new Set(asked).size).toBe(1);
    const looks = await Promise.all(asked);
    expect(looks.every((look) => look.locales.length > 0)).toBe(true);
    // Read again only once the next minute runs out.
    expect(installationLook(later + 1_000)).toBe(asked[0]);
    expect(installationLook(later + 61_000)).not.toBe(asked[0]);
  });
});
