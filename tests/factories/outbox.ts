import fs from 'node:fs/promises';
import path from 'node:path';

/** One mail as written to the outbox. */
export interface OutboxMail {
  to: string;
  subject: string;
  body: string;
  file: string;
}

/** Every mail in an outbox folder, oldest first; only those to `to` when given. */
export async function readOutbox(dir: string, to?: string): Promise<OutboxMail[]> {
  const files = (await fs.readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.eml')).sort();
  const mails = await Promise.all(
    files.map(async (f) => {
      const text = await fs.readFile(path.join(dir, f), 'utf8');
      const [head = '', ...rest] = text.split('\n\n');
      const header = (name: string) => head.match(new RegExp(`^${name}: (.*)$`, 'm'))?.[1] ?? '';
      return { to: header('To'), subject: header('Subject'), body: rest.join('\n\n'), file: f };
    }),
  );
  return to ? mails.filter((m) => m.to === to.toLowerCase()) : mails;
}

/** The first link in a mail's body. */
export function linkIn(mail: OutboxMail | undefined): string {
  const link = mail?.body.match(/https?:\/\/\S+/)?.[0];
  if (!link) throw new Error(`No link in mail: ${mail?.subject ?? '(no mail)'}`);
  return link;
}
