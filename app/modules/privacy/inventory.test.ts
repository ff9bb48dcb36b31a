import { describe, expect, it } from 'vitest';
import { Prisma } from '~/generated/prisma/client.ts';
import { LOCALES } from '~/i18n/index.ts';
import {
  dataModel,
  GROUP_IDS,
  PRIVACY_INVENTORY,
  privacyInventory,
  privacyPageText,
  privacyPageTexts,
  undescribedFields,
  type Text,
} from './inventory.ts';

/** Every sentence of the inventory: [where, text]. */
function inventorySentences(): [string, Text][] {
  const out: [string, Text][] = [];
  for (const [model, entry] of Object.entries(PRIVACY_INVENTORY)) {
    out.push([`${model}.title`, entry.title], [`${model}.summary`, entry.summary]);
    out.push([`${model}.retention`, entry.retention], [`${model}.visibleTo`, entry.visibleTo]);
    for (const [field, d] of Object.entries(entry.fields)) {
      out.push([`${model}.${field}.what`, d.what], [`${model}.${field}.why`, d.why]);
      if (d.retention) out.push([`${model}.${field}.retention`, d.retention]);
      if (d.visibleTo) out.push([`${model}.${field}.visibleTo`, d.visibleTo]);
    }
  }
  return out;
}

const field = (model: string, name: string) => {
  const entry = PRIVACY_INVENTORY[model];
  if (!entry || !Object.hasOwn(entry.fields, name)) throw new Error(`${model}.${name} is not described`);
  return { ...entry.fields[name]!, model: entry };
};

describe('the privacy inventory', () => {
  it('describes every scalar field of every model of the generated client, and nothing else', () => {
    // A column added to prisma/schema.prisma without a description here fails this test (and the type check).
    expect(undescribedFields()).toEqual([]);
    const models = dataModel();
    expect(models.length).toBeGreaterThan(20);
    expect(models.find((m) => m.model === 'Member')?.fields).toContain('email');
  });

  it('reads the same models and fields as the server’s Prisma client', () => {
    // The inventory reads the generated client's browser entry (the route's bundle must not pull the Node runtime).
    const server = Prisma as unknown as Record<string, Record<string, string>>;
    expect(dataModel()).toEqual(
      Object.values(Prisma.ModelName).map((model) => ({
        model,
        fields: Object.values(server[`${model}ScalarFieldEnum`]!),
      })),
    );
  });

  it('reports a column nobody described, and a description of a column that is gone', () => {
    const withNewColumn = dataModel().map((m) =>
      m.model === 'Member' ? { ...m, fields: [...m.fields.filter((f) => f !== 'area'), 'phoneNumber'] } : m,
    );
    expect(undescribedFields([...withNewColumn, { model: 'Petition', fields: ['id'] }])).toEqual([
      { model: 'Member', field: 'phoneNumber', problem: 'undescribed' },
      { model: 'Petition', field: 'id', problem: 'undescribed' },
      { model: 'Member', field: 'area', problem: 'gone' },
    ]);
  });

  it('has every sentence in English, French and Spanish, none of them empty, and no English left untranslated', () => {
    const sentences = [...inventorySentences(), ...privacyPageTexts()];
    expect(sentences.length).toBeGreaterThan(500);
    const missing: string[] = [];
    for (const [where, text] of sentences) {
      for (const locale of LOCALES) {
        if (typeof text[locale] !== 'string' || text[locale].trim() === '') missing.push(`${where} (${locale})`);
      }
      // A long sentence identical in two languages was not translated (short ones like "No" may coincide).
      if (text.en.length > 12 && (text.fr === text.en || text.es === text.en)) missing.push(`${where} (untranslated)`);
    }
    expect(missing).toEqual([]);
  });

  it('puts every model in one of the page’s groups, each group with at least one table', () => {
    for (const locale of LOCALES) {
      const groups = privacyInventory(locale);
      expect(groups.map((g) => g.id)).toEqual([...GROUP_IDS]);
      for (const g of groups) expect(g.models.length, `${g.id} (${locale})`).toBeGreaterThan(0);
      const shown = groups.flatMap((g) => g.models.map((m) => `${m.name}:${m.fields.map((f) => f.name).join(',')}`));
      expect(shown.sort()).toEqual(
        dataModel()
          .map((m) => `${m.model}:${m.fields.join(',')}`)
          .sort(),
      );
      const texts = groups.flatMap((g) => g.models.flatMap((m) => m.fields.flatMap((f) => [f.what, f.why])));
      expect(texts.every((t) => t.length > 0)).toBe(true);
    }
    expect(privacyInventory('fr')[0]!.models[0]).toMatchObject({
      name: 'Member',
      title: 'Les données de votre compte',
    });
  });

  it('states the key facts: ballots are never linked to a member', () => {
    const ballot = dataModel().find((m) => m.model === 'Ballot')!;
    // No column of a ballot names a member or a time.
    expect(ballot.fields.filter((f) => /member|author|voter|user|createdAt|time/i.test(f))).toEqual([]);
    const entry = PRIVACY_INVENTORY.Ballot!;
    expect(entry.summary.en).toMatch(/never linked to a member/);
    expect(entry.summary.fr).toMatch(/jamais relié à un membre/);
    expect(entry.summary.es).toMatch(/nunca está vinculada a un miembro/);
    expect(entry.retention.en).toMatch(/key is destroyed at the close/);
    // The keyed slot and the sealed content exist only until the close; what stays is about nobody.
    for (const f of ['slot', 'sealed']) expect(field('Ballot', f).retention?.en).toMatch(/Erased at the close/);
    for (const f of ['code', 'nonce', 'answers']) expect(field('Ballot', f).personal).toBe('no');
    // The roll says that a member voted, not how; it is kept apart from the ballots.
    expect(PRIVACY_INVENTORY.VoterRoll!.summary.en).toMatch(/nothing of how or when/);
  });

  it('states the key facts about accounts: email, password, sessions, links, failed sign-ins, deletion', () => {
    const email = field('Member', 'email');
    expect(email.personal).toBe('yes');
    expect(email.what.en).toMatch(/email address/);
    expect(email.model.visibleTo.en).toMatch(/administrators/);
    expect(field('Member', 'passwordHash').what.en).toMatch(/never stored/);
    expect(PRIVACY_INVENTORY.Member!.retention.en).toMatch(/personal field is erased/);
    const sessions = PRIVACY_INVENTORY.Session!.retention;
    expect(sessions.en).toMatch(/30 days/);
    expect(sessions.en).toMatch(/14 days/);
    expect(sessions.fr).toMatch(/30 jours.*14 jours/);
    expect(sessions.es).toMatch(/30 días.*14 días/);
    expect(PRIVACY_INVENTORY.EmailToken!.retention.en).toMatch(/48 hours.*1 hour/);
    expect(PRIVACY_INVENTORY.LoginFailure!.retention.en).toMatch(/one hour/);
    expect(field('LoginFailure', 'key').personal).toBe('yes');
    expect(PRIVACY_INVENTORY.Notification!.retention.en).toMatch(/Until you delete your account/);
    expect(PRIVACY_INVENTORY.AuditEvent!.retention.en).toMatch(/Forever.*opaque ids/);
    expect(PRIVACY_INVENTORY.AmendmentSupport!.visibleTo.en).toMatch(/never who/);
  });

  it('marks member references as pseudonymous and program text as not personal', () => {
    for (const [model, entry] of Object.entries(PRIVACY_INVENTORY)) {
      for (const [name, d] of Object.entries(entry.fields)) {
        if (/^(memberId|authorId|actorId|createdById|invitedById|hiddenById|resolvedById|publishedById)$/.test(name)) {
          expect(d.personal, `${model}.${name}`).toBe('pseudonymous');
        }
      }
    }
    for (const model of ['Chapter', 'Section', 'ProgramVersion', 'VersionSection', 'CollabDocument', 'CollabUpdate']) {
      const personal = Object.values(PRIVACY_INVENTORY[model]!.fields).filter((d) => d.personal !== 'no');
      expect(personal.length, model).toBe(personal.filter((d) => d.personal === 'pseudonymous').length);
    }
  });

  it('gives the page its own words in each language, with Spanish addressing the reader as tú', () => {
    expect(privacyPageText('en').title).toBe('Privacy');
    expect(privacyPageText('fr').title).toBe('Confidentialité');
    expect(privacyPageText('es').account.before).toMatch(/^Puedes /);
    const spanish = inventorySentences()
      .map(([, t]) => t.es)
      .join(' ');
    // The reader is "tú" ("su cuenta" may still be a third person's, e.g. an author's).
    expect(spanish.match(/\b(usted|ustedes|vuestra|vuestro)\b/gi)).toBeNull();
    expect(spanish.match(/\btu cuenta\b/g)?.length).toBeGreaterThan(10);
  });
});
