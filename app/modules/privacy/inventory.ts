// The generated client's browser entry: the same `Prisma.ModelName` and `Prisma.<Model>ScalarFieldEnum` as
// client.ts (the unit test checks they match), without the Node runtime, which must not reach the browser's bundle
// of the /privacy route (esbuild resolves every import of a route before it drops the loader's).
import { Prisma } from '~/generated/prisma/browser.ts';
import type { Locale } from '~/i18n/index.ts';
import { en } from './text/en.ts';
import { es } from './text/es.ts';
import { fr } from './text/fr.ts';
import { INVENTORY } from './inventory-data.ts';

/**
 * What Plenum stores, why and for how long, for every table and every column of the data model (issue 7): the
 * source of the public /privacy page. Its skeleton, the facts every language shares (which section of the page each
 * table belongs to and whether each column is personal data), is inventory-data.ts; this file types and reads it.
 * The words are in text/en.ts (the source), text/fr.ts and text/es.ts (ADR 0018). The models and their columns
 * come from the generated Prisma client, so the page cannot drift from the database: a column added to
 * prisma/schema.prisma without a description fails the type check (the `fields` of each model, in the skeleton and
 * in each language, must name exactly its scalar fields) and the unit test (`undescribedFields()` must be empty).
 * Facts stated in the text are those of the code: app/modules/members/deletion.server.ts (what deletion erases
 * and keeps), sessions.server.ts, accounts.server.ts (links), throttle.server.ts, and
 * docs/decisions/0014-secret-verifiable-ballots.md (ballots).
 */

/**
 * Whether a field is personal data: `yes` it identifies a member or says something about them or what they did;
 * `pseudonymous` an opaque id or a keyed hash that points to a member without naming them; `no` about nobody.
 */
export type Personal = 'yes' | 'pseudonymous' | 'no';

/** The sections of the page, in the order a reader meets them. */
export const GROUP_IDS = ['account', 'contributions', 'groups', 'votes', 'program', 'moderation', 'technical'] as const;
export type GroupId = (typeof GROUP_IDS)[number];

type ModelName = Prisma.ModelName;
/** The scalar columns of a model, as the generated client names them. */
type FieldsOf<M extends ModelName> = keyof (typeof Prisma)[`${M}ScalarFieldEnum` & keyof typeof Prisma] & string;
/** Each table's section of the page and, for each of its columns, whether it is personal data. */
export type Inventory = { [M in ModelName]: { group: GroupId; fields: Record<FieldsOf<M>, Personal> } };

/** The page's own words around the tables, in one language. */
export interface PrivacyPageText {
  title: string;
  heading: string;
  intro: readonly string[];
  account: { before: string; link: string; after: string };
  generated: string;
  contents: string;
  legendTitle: string;
  personal: Record<Personal, { label: string; meaning: string }>;
  table: string;
  retention: string;
  visibleTo: string;
  /** The table's caption; `{title}` is the table's title. */
  caption: string;
  columns: { field: string; what: string; why: string; retention: string; visibleTo: string; personal: string };
  sameAsTable: string;
}

/** A column in words: what it is and why it is kept; how long and who sees it, when that differs from its table's. */
interface FieldText {
  what: string;
  why: string;
  retention?: string;
  visibleTo?: string;
}

interface ModelText<F extends string> {
  title: string;
  summary: string;
  retention: string;
  visibleTo: string;
  fields: Record<F, FieldText>;
}

/** Everything the page says, in one language: the English text (text/en.ts) is checked against this type. */
export interface PrivacyText {
  page: PrivacyPageText;
  /** Shown, in the page's language, for a table or column nobody described (the unit test keeps it off the page). */
  undescribed: string;
  groups: Record<GroupId, { title: string; intro: string }>;
  models: { [M in ModelName]: ModelText<FieldsOf<M>> };
}

/** The same keys as `T`, every one of them a string: a translation of `T` with no sentence missing or added. */
type Translated<T> = { readonly [K in keyof T]: T[K] extends string ? string : Translated<T[K]> };
/** The French or Spanish text: exactly the English text's keys, so a sentence missing in one fails the type check. */
export type PrivacyTranslation = Translated<typeof en>;

const TEXTS: Readonly<Record<Locale, PrivacyText>> = { en, fr, es };

/** The skeleton, as written (the tests check it against the generated client and the member-reference rules). */
export const PRIVACY_INVENTORY: Readonly<
  Record<string, { group: GroupId; fields: Readonly<Record<string, Personal>> }>
> = INVENTORY;

/** The page's own words in one language. */
export function privacyPageText(locale: Locale): PrivacyPageText {
  return TEXTS[locale].page;
}

/** One field as the page shows it; `retention` and `visibleTo` are null when they are the model's. */
export interface PrivacyField {
  name: string;
  what: string;
  why: string;
  personal: Personal;
  retention: string | null;
  visibleTo: string | null;
}

export interface PrivacyModel {
  /** The table's name in the database (e.g. "Member"). */
  name: string;
  title: string;
  summary: string;
  retention: string;
  visibleTo: string;
  fields: PrivacyField[];
}

export interface PrivacyGroup {
  id: GroupId;
  title: string;
  intro: string;
  models: PrivacyModel[];
}

/** The generated client's models and their scalar fields, in schema order. */
export function dataModel(): { model: string; fields: string[] }[] {
  const namespace = Prisma as unknown as Record<string, Record<string, string> | undefined>;
  return Object.values(Prisma.ModelName).map((model) => ({
    model,
    fields: Object.values(namespace[`${model}ScalarFieldEnum`] ?? {}),
  }));
}

/**
 * Every (model, field) of the generated client that `described` (the skeleton, or one language's `models`) lacks,
 * and every described one the client no longer has. Empty when it covers the database and nothing else.
 */
export function undescribedFields(
  actual: { model: string; fields: string[] }[] = dataModel(),
  described: Readonly<Record<string, { fields: Readonly<Record<string, unknown>> }>> = PRIVACY_INVENTORY,
): { model: string; field: string; problem: 'undescribed' | 'gone' }[] {
  const problems: { model: string; field: string; problem: 'undescribed' | 'gone' }[] = [];
  for (const { model, fields } of actual) {
    const entry = Object.hasOwn(described, model) ? described[model] : undefined;
    for (const field of fields) {
      if (!entry || !Object.hasOwn(entry.fields, field)) problems.push({ model, field, problem: 'undescribed' });
    }
  }
  const byModel = new Map(actual.map((m) => [m.model, new Set(m.fields)]));
  for (const [model, entry] of Object.entries(described)) {
    for (const field of Object.keys(entry.fields)) {
      if (!byModel.get(model)?.has(field)) problems.push({ model, field, problem: 'gone' });
    }
  }
  return problems;
}

/** `record[key]` when the record has that key of its own (model and field names come from the client). */
function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * What the privacy page shows, in one language: the groups in reading order, each with its tables in schema
 * order and every scalar field of each. A field the generated client has but the inventory lacks is listed as
 * "not described yet" (the unit test makes sure that never ships).
 */
export function privacyInventory(locale: Locale): PrivacyGroup[] {
  const text = TEXTS[locale];
  const words: Readonly<Record<string, ModelText<string>>> = text.models;
  const models = dataModel();
  return GROUP_IDS.map((id) => ({
    id,
    title: text.groups[id].title,
    intro: text.groups[id].intro,
    models: models.flatMap(({ model, fields }): PrivacyModel[] => {
      const entry = own(PRIVACY_INVENTORY, model);
      if ((entry?.group ?? 'technical') !== id) return [];
      const described = own(words, model);
      return [
        {
          name: model,
          title: described?.title ?? model,
          summary: described?.summary ?? text.undescribed,
          retention: described?.retention ?? text.undescribed,
          visibleTo: described?.visibleTo ?? text.undescribed,
          fields: fields.map((name) => {
            const field = own(described?.fields, name);
            return {
              name,
              what: field?.what ?? text.undescribed,
              why: field?.why ?? text.undescribed,
              personal: own(entry?.fields, name) ?? 'yes',
              retention: field?.retention ?? null,
              visibleTo: field?.visibleTo ?? null,
            };
          }),
        },
      ];
    }),
  }));
}
