import { randomBytes } from 'node:crypto';
import type { Role } from '~/generated/prisma/enums.ts';
import type { BlockNode, DocNode, InlineNode } from '~/rich-text/document.ts';
import { hashPassword } from '~/modules/members/password.server.ts';
import { createProgram } from '~/modules/programs/programs.server.ts';
import { db } from '~/utils/db.server.ts';
import { newId } from '~/utils/ids.ts';
import { demoProgram, type DemoBlock } from '../../prisma/seed/demo-program.ts';

/** Demo text `**bold**` markup to ProseMirror inline nodes. */
export function inlineFromDemo(text: string): InlineNode[] {
  return text
    .split(/(\*\*[^*]+\*\*)/)
    .filter(Boolean)
    .map((part) =>
      part.startsWith('**') && part.endsWith('**')
        ? { type: 'text', text: part.slice(2, -2), marks: [{ type: 'bold' }] }
        : { type: 'text', text: part },
    );
}

function blockFromDemo(block: DemoBlock): BlockNode {
  const paragraph = (text: string): BlockNode => ({ type: 'paragraph', content: inlineFromDemo(text) });
  switch (block.kind) {
    case 'p':
      return paragraph(block.text);
    case 'quote':
      return { type: 'blockquote', content: [paragraph(block.text)] };
    case 'ul':
    case 'ol':
      return {
        type: block.kind === 'ul' ? 'bulletList' : 'orderedList',
        content: block.items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })),
      };
  }
}

/** A demo login, printed once at the first start. */
export interface DemoLogin {
  role: Role;
  email: string;
  password: string;
}

const DEMO_PEOPLE: { role: Role; email: string; displayName: string }[] = [
  { role: 'ADMIN', email: 'admin@plenum.localhost', displayName: 'Alice Admin' },
  { role: 'MODERATOR', email: 'moderation@plenum.localhost', displayName: 'Moussa Modérateur' },
  { role: 'MEMBER', email: 'camille@plenum.localhost', displayName: 'Camille Martin' },
  { role: 'MEMBER', email: 'lucia@plenum.localhost', displayName: 'Lucía García' },
  { role: 'MEMBER', email: 'yanis@plenum.localhost', displayName: 'Yanis Benali' },
];

/** True when the database holds no program and no member yet (a first start). */
export async function isEmpty(): Promise<boolean> {
  const [programs, members] = await Promise.all([db().program.count(), db().member.count()]);
  return programs === 0 && members === 0;
}

/**
 * Seeds the demo movement: its draft program (4 chapters, 12 sections) and five accounts with fresh random
 * passwords, returned to be printed once (null if another process seeded first). Runs in one transaction.
 */
export async function seedDemo(): Promise<DemoLogin[] | null> {
  const logins = await Promise.all(
    DEMO_PEOPLE.map(async (p) => {
      const password = randomBytes(9).toString('base64url');
      return { ...p, password, passwordHash: await hashPassword(password) };
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
            id: newId(),
            email: p.email,
            displayName: p.displayName,
            role: p.role,
            passwordHash: p.passwordHash,
            emailVerifiedAt: new Date(),
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
          chapters: demoProgram.chapters.map((c) => ({
            title: c.title,
            sections: c.sections.map((s) => ({
              title: s.title,
              content: { type: 'doc', content: s.blocks.map(blockFromDemo) } satisfies DocNode,
            })),
          })),
        },
        tx,
      );
      return true;
    },
    { timeout: 30_000 },
  );
  return seeded ? logins.map(({ role, email, password }) => ({ role, email, password })) : null;
}
