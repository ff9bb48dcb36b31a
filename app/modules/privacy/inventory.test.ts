import { describe, expect, it } from 'vitest';
import { Prisma } from '~/generated/prisma/client.ts';
import { LOCALES, type Locale } from '~/i18n/index.ts';
import {
  dataModel,
  GROUP_IDS,
  PRIVACY_INVENTORY,
  privacyInventory,
  privacyPageText,
  undescribedFields,
  type PrivacyText,
} from './inventory.ts';
import { en } from './text/en.ts';
import { es } from './text/es.ts';
import { fr } from './text/fr.ts';

const texts: Record<Locale, PrivacyText> = { en, fr, es };

/** Every sentence of a text, by where it is ("models.Member.fields.email.what"). */
function sentences(value: unknown, path = ''): [string, unknown][] {
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => sentences(child, path ? `${path}.${key}` : key));
  }
  return [[path, value]];
}

/** The `{name}` placeholders of a sentence, in order of name. */
const placeholders = (sentence: unknown) =>
  [...String(sentence).matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join();

describe('the privacy inventory', () => {
  it('describes every scalar field of every model of the generated client, and nothing else', () => {
    // A column added to prisma/schema.prisma without a description, in the skeleton or in any language, fails this
    // test (and the type check).
    expect(undescribedFields()).toEqual([]);
    for (const [locale, text] of Object.entries(texts)) {
      expect(undescribedFields(dataModel(), text.models), locale).toEqual([]);
    }
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
    const english = new Map(sentences(en));
    expect(english.size).toBeGreaterThan(500);
    for (const [locale, text] of Object.entries({ fr, es })) {
      const translated = sentences(text);
      // The type check already refuses a missing sentence; an extra one (a key English does not have) fails here.
      expect(translated.map(([where]) => where).sort(), locale).toEqual([...english.keys()].sort());
      const problems: string[] = [];
      for (const [where, sentence] of translated) {
        if (typeof sentence !== 'string' || sentence.trim() === '') problems.push(`${where} (${locale}): empty`);
        // A long sentence identical to the English one was not translated (short ones like "No" may coincide).
        const source = english.get(where);
        if (typeof source === 'string' && source.length > 12 && sentence === source) {
          problems.push(`${where} (${locale}): untranslated`);
        }
        if (placeholders(sentence) !== placeholders(source)) problems.push(`${where} (${locale}): placeholders`);
      }
      expect(problems).toEqual([]);
    }
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
    const columns = dataModel().find((m) => m.model === 'Ballot')!.fields;
    // No column of a ballot names a member or a time.
    expect(columns.filter((f) => /member|author|voter|user|createdAt|time/i.test(f))).toEqual([]);
    const ballot = en.models.Ballot;
    expect(ballot.summary).toMatch(/never linked to a member/);
    expect(fr.models.Ballot.summary).toMatch(/jamais relié à un membre/);
    expect(es.models.Ballot.summary).toMatch(/nunca está vinculada a un miembro/);
    expect(ballot.retention).toMatch(/key is destroyed at the close/);
    // The keyed slot and the sealed content exist only until the close; what stays is about nobody.
    for (const f of ['slot', 'sealed'] as const) expect(ballot.fields[f].retention).toMatch(/Erased at the close/);
    for (const f of ['code', 'nonce', 'answers']) expect(PRIVACY_INVENTORY.Ballot!.fields[f]).toBe('no');
    // The roll says that a member voted, not how; it is kept apart from the ballots.
    expect(en.models.VoterRoll.summary).toMatch(/nothing of how or when/);
  });

  it('states the key facts about accounts: email, password, sessions, links, failed sign-ins, deletion', () => {
    const member = en.models.Member;
    expect(PRIVACY_INVENTORY.Member!.fields.email).toBe('yes');
    expect(member.fields.email.what).toMatch(/email address/);
    expect(member.visibleTo).toMatch(/administrators/);
    expect(member.fields.passwordHash.what).toMatch(/never stored/);
    expect(member.retention).toMatch(/personal field is erased/);
    expect(en.models.Session.retention).toMatch(/30 days/);
    expect(en.models.Session.retention).toMatch(/14 days/);
    expect(fr.models.Session.retention).toMatch(/30 jours.*14 jours/);
    expect(es.models.Session.retention).toMatch(/30 días.*14 días/);
    expect(en.models.EmailToken.retention).toMatch(/48 hours.*1 hour/);
    expect(en.models.LoginFailure.retention).toMatch(/one hour/);
    expect(PRIVACY_INVENTORY.LoginFailure!.fields.key).toBe('yes');
    expect(en.models.Notification.retention).toMatch(/Until you delete your account/);
    expect(en.models.AuditEvent.retention).toMatch(/Forever.*opaque ids/);
    expect(en.models.AmendmentSupport.visibleTo).toMatch(/never who/);
  });

  it('marks member references as pseudonymous and program text as not personal', () => {
    for (const [model, entry] of Object.entries(PRIVACY_INVENTORY)) {
      for (const [name, personal] of Object.entries(entry.fields)) {
        if (/^(memberId|authorId|actorId|createdById|invitedById|hiddenById|resolvedById|publishedById)$/.test(name)) {
          expect(personal, `${model}.${name}`).toBe('pseudonymous');
        }
      }
    }
    for (const model of ['Chapter', 'Section', 'ProgramVersion', 'VersionSection', 'CollabDocument', 'CollabUpdate']) {
      const personal = Object.values(PRIVACY_INVENTORY[model]!.fields).filter((p) => p !== 'no');
      expect(personal.length, model).toBe(personal.filter((p) => p === 'pseudonymous').length);
    }
  });

  it('gives the page its own words in each language, with Spanish addressing the reader as tú', () => {
    expect(privacyPageText('en').title).toBe('Privacy');
    expect(privacyPageText('fr').title).toBe('Confidentialité');
    expect(privacyPageText('es').account.before).toMatch(/^Puedes /);
    const spanish = sentences(es.models)
      .map(([, sentence]) => sentence)
      .join(' ');
    // The reader is "tú" ("su cuenta" may still be a third person's, e.g. an author's).
    expect(spanish.match(/\b(usted|ustedes|vuestra|vuestro)\b/gi)).toBeNull();
    expect(spanish.match(/\btu cuenta\b/g)?.length).toBeGreaterThan(10);
  });
});
