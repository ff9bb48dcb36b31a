import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { LOCALES, type Locale } from '~/i18n/index.ts';
import { recordAudit } from '~/modules/audit/audit.server.ts';
import { normalizeEmail } from '~/modules/members/accounts.server.ts';
import { hashPassword } from '~/modules/members/password.server.ts';
import { createProgram, slugify } from '~/modules/programs/program-commands.server.ts';
import { db } from '~/utils/db.server.ts';
import { forgetInstallationLook } from './languages.server.ts';
import { DomainError } from '~/utils/domain-errors.ts';
import { newId } from '~/utils/ids.ts';

/**
 * The first run of a real movement (issue 20, ADR 0030). A database with no member, started with PLENUM_DEMO=0,
 * is not usable until someone who can read the server's console sets it up: the server prints a one-time link
 * (`/setup?token=...`) and, until the form is sent, every page leads to the setup page. Only the token's SHA-256
 * is kept, in this process's memory: a restart prints a new one.
 */

interface SetupState {
  /** SHA-256 of the token printed at start; null once set up (or when no setup is needed). */
  tokenHash: Buffer | null;
  /** Times of the wrong tokens of the last window, oldest first. */
  failures: number[];
}

// The Remix build bundles its own copy of this module while server/ loads the source (as db.server.ts).
const KEY = Symbol.for('plenum.setup');
type Holder = { [KEY]?: SetupState };
function state(): SetupState {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= { tokenHash: null, failures: [] });
}

/** Wrong tokens allowed in a window before the page refuses for a while (a token is 192 random bits). */
const MAX_FAILURES = 10;
const FAILURE_WINDOW_MS = 10 * 60_000;

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/**
 * At start: when this database needs setting up (PLENUM_DEMO=0, no member, setup never completed), makes a new
 * one-time token and returns it to be printed; otherwise null. A database with members (the demo, an
 * installation older than setup, one whose admin came from `create-admin`) never needs it.
 */
export async function prepareSetup(options: { demo: boolean }): Promise<string | null> {
  const s = state();
  s.tokenHash = null;
  if (options.demo || !(await needsSetup())) return null;
  const token = randomBytes(24).toString('base64url');
  s.tokenHash = sha256(token);
  s.failures = [];
  return token;
}

/** True while the database has no member and its setup was never completed. */
async function needsSetup(): Promise<boolean> {
  const [members, installation] = await Promise.all([
    db().member.count(),
    db().installation.findUnique({ where: { id: 1 }, select: { setupCompletedAt: true } }),
  ]);
  return members === 0 && !installation?.setupCompletedAt;
}

/**
 * Whether every page must lead to the setup page. Reads the database only while a setup is pending in this
 * process, so that another process sharing the database (PostgreSQL) that completed it lets this one go.
 */
export async function setupPending(): Promise<boolean> {
  const s = state();
  if (!s.tokenHash) return false;
  if (await needsSetup()) return true;
  s.tokenHash = null;
  return false;
}

/** Compares a token with the one printed, in constant time; wrong ones are counted and throttled. */
function checkToken(token: string, now = Date.now()) {
  const s = state();
  s.failures = s.failures.filter((t) => t > now - FAILURE_WINDOW_MS);
  if (s.failures.length >= MAX_FAILURES) {
    throw new DomainError('throttled', 'setup.errors.throttled', {
      retryAt: new Date(s.failures[0]! + FAILURE_WINDOW_MS),
    });
  }
  const expected = s.tokenHash;
  if (expected && timingSafeEqual(sha256(token), expected)) return true;
  s.failures.push(now);
  return false;
}

/** What the setup page shows: nothing to do (go home), pending without a valid token, or the form. */
export async function setupPage(token: string | null): Promise<'done' | 'pending' | 'form'> {
  if (!(await setupPending())) return 'done';
  return token && checkToken(token) ? 'form' : 'pending';
}

/** What the setup form sends (SetupSchema, parsed). */
export interface SetupProps {
  token: string;
  movementName: string;
  locales: Locale[];
  twoFactorRequired: boolean;
  email: string;
  displayName: string;
  password: string;
  programTitle?: string;
  /** The language the first program's text is written in; the first language offered if not given. */
  programLanguage?: Locale;
  /** The language the admin set up in: their mails speak it. */
  locale: Locale;
}

/**
 * Sets the installation up in one transaction: its settings, its first admin (address confirmed: whoever reads
 * the console owns the installation), and a first program when a title is given. Returns the admin's address and
 * the program's slug. A second submission (two tabs, a replay) finds the setup done and is refused.
 */
export async function completeSetup(props: SetupProps): Promise<{ email: string; programSlug: string | null }> {
  if (!(await setupPending())) throw new DomainError('conflict', 'setup.errors.done');
  // Beside the whole form: the token is a hidden field.
  if (!checkToken(props.token)) throw new DomainError('invalid', 'setup.errors.token');
  const email = normalizeEmail(props.email);
  const passwordHash = await hashPassword(props.password);
  const programSlug = props.programTitle ? slugify(props.programTitle) || 'program' : null;
  await db().$transaction(async (tx) => {
    // Two submissions at once on one empty database: the second waits here, then finds a member.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(727073693)`;
    if ((await tx.member.count()) > 0) throw new DomainError('conflict', 'setup.errors.done');
    const now = new Date();
    const settings = {
      movementName: props.movementName,
      locales: props.locales,
      twoFactorRequired: props.twoFactorRequired,
      setupCompletedAt: now,
    };
    await tx.installation.upsert({ where: { id: 1 }, create: { id: 1, ...settings }, update: settings });
    const adminId = newId();
    await tx.member.create({
      data: {
        id: adminId,
        email,
        displayName: props.displayName,
        passwordHash,
        role: 'ADMIN',
        emailVerifiedAt: now,
        locale: props.locale,
      },
    });
    await recordAudit(tx, {
      actorId: adminId,
      action: 'installation.set_up',
      targetType: 'Installation',
      targetId: '1',
      data: { locales: props.locales, twoFactorRequired: props.twoFactorRequired },
    });
    if (programSlug) {
      await createProgram(
        {
          actorId: adminId,
          slug: programSlug,
          title: props.programTitle!,
          summary: '',
          language: props.programLanguage ?? LOCALES.find((l) => props.locales.includes(l)) ?? 'fr',
          chapters: [],
        },
        tx,
      );
    }
  });
  const s = state();
  s.tokenHash = null;
  forgetInstallationLook();
  return { email, programSlug };
}
