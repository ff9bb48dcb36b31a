import { randomBytes } from 'node:crypto';
import type { Role } from '~/generated/prisma/enums.ts';
import { hashPassword } from '~/modules/members/password.server.ts';
import { createProgram } from '~/modules/programs/program-commands.server.ts';
import { db } from '~/utils/db.server.ts';
import { newId } from '~/utils/ids.ts';
import { demoProgram } from '../../prisma/seed/demo-program.ts';
import { EXTRA_MEMBERS, type Player } from '../../prisma/seed/demo-story.ts';
import { playDemoStory, type DemoReceipt } from './demo-story.ts';
import { demoDoc } from './demo-text.ts';

/** A demo login, printed once at the first start. */
export interface DemoLogin {
  role: Role;
  email: string;
  password: string;
}

const DEMO_PEOPLE: { key: Player; role: Role; email: string; displayName: string }[] = [
  { key: 'alice', role: 'ADMIN', email: 'admin@plenum.localhost', displayName: 'Alice Admin' },
  { key: 'moussa', role: 'MODERATOR', email: 'moderation@plenum.localhost', displayName: 'Moussa Modérateur' },
  { key: 'camille', role: 'MEMBER', email: 'camille@plenum.localhost', displayName: 'Camille Martin' },
  { key: 'lucia', role: 'MEMBER', email: 'lucia@plenum.localhost', displayName: 'Lucía García' },
  { key: 'yanis', role: 'MEMBER', email: 'yanis@plenum.localhost', displayName: 'Yanis Benali' },
];

/** What the demo holds: `base`, the drafting program and five accounts; `full`, also the story (ADR 0029). */
export type DemoContent = 'base' | 'full';

/** What a first start prints: the five logins, and the tracking codes they received in the story's vote. */
export interface SeededDemo {
  logins: DemoLogin[];
  receipts: DemoReceipt[];
}

/** True when the database holds no program and no member yet (a first start). */
export async function isEmpty(): Promise<boolean> {
  const [programs, members] = await Promise.all([db().program.count(), db().member.count()]);
  return programs === 0 && members === 0;
}

/**
 * Seeds the demo movement: its draft program (4 chapters, 12 sections) and five accounts with fresh random
 * passwords, returned to be printed once (null if another process seeded first), in one transaction; then, for
 * the `full` demo, the story of a second program played through the module functions (./demo-story.ts), with
 * six more members who vote and support but never sign in (their passwords are random and never shown).
 */
export async function seedDemo(content: DemoContent): Promise<SeededDemo | null> {
  const full = content === 'full';
  // The story's first vote took place ten days ago: its voters joined before it.
  const joinedAt = full ? new Date(Date.now() - 30 * 86_400_000) : undefined;
  const people = [...DEMO_PEOPLE, ...(full ? EXTRA_MEMBERS.map((m) => ({ ...m, role: 'MEMBER' as const })) : [])];
  const logins = await Promise.all(
    people.map(async (p) => {
      const password = randomBytes(9).toString('base64url');
      return { ...p, id: newId(), password, passwordHash: await hashPassword(password) };
    }),
  );
  const seeded = await db().$transaction(
    async (tx) => {
      // Two processes starting on one empty PostgreSQL database: the second waits here, then finds it seeded.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(727073692)`;
      if ((await tx.member.count()) > 0 || (await tx.program.count()) > 0) return false;
      for (const p of logins) {
        await tx.member.create({
          data: {
            id: p.id,
            email: p.email,
            displayName: p.displayName,
            role: p.role,
            passwordHash: p.passwordHash,
            emailVerifiedAt: joinedAt ?? new Date(),
            createdAt: joinedAt,
            // No saved language: the demo speaks whatever each visitor's browser asks for.
            locale: null,
          },
        });
      }
      await createProgram(
        {
          actorId: null,
          slug: demoProgram.slug,
          title: demoProgram.title,
          summary: demoProgram.summary,
          draftIsPublic: true,
          // Its text is French, whatever the installation offers (ADR 0038).
          language: 'fr',
          chapters: demoProgram.chapters.map((c) => ({
            title: c.title,
            sections: c.sections.map((s) => ({ title: s.title, content: demoDoc(s.blocks) })),
          })),
        },
        tx,
      );
      return true;
    },
    { timeout: 30_000 },
  );
  if (!seeded) return null;
  const cast = Object.fromEntries(logins.map((p) => [p.key, { id: p.id, role: p.role }]));
  const receipts = full ? await playDemoStory(cast as Parameters<typeof playDemoStory>[0]) : [];
  const printed = logins.filter((p) => DEMO_PEOPLE.some((d) => d.key === p.key));
  return { logins: printed.map(({ role, email, password }) => ({ role, email, password })), receipts };
}
