import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from '../../app/modules/members/accounts.server.ts';
import { appConfig, setAppConfig } from '../../app/utils/config.server.ts';
import { uniqueEmail } from '../factories/members.ts';
import { readOutbox } from '../factories/outbox.ts';
import { setupTestDatabase } from '../setup/database.ts';

const outbox = setupTestDatabase();
const received: { from: string; to: string[]; data: string }[] = [];
let smtp: SMTPServer;

beforeAll(async () => {
  // A real SMTP server on the loopback: what Plenum speaks to when SMTP_URL is set.
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as { port: number };
  setAppConfig({ ...appConfig(), smtpUrl: `smtp://127.0.0.1:${port}` });
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('mail through SMTP', () => {
  it('sends the verification mail to the SMTP server, and nothing to the outbox', async () => {
    const email = uniqueEmail('smtp');
    await signUp({ email, displayName: 'Ana', password: 'a long enough password', locale: 'es' });
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual([email.toLowerCase()]);
    expect(received[0]!.from).toBe('no-reply@plenum.test');
    expect(received[0]!.data).toMatch(/Subject: =\?UTF-8\?|Subject: Confirma/);
    // The body is quoted-printable: undo its soft line breaks and escaped '=' before looking for the link.
    const body = received[0]!.data.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    expect(body).toMatch(/http:\/\/plenum\.test\/verify-email\?token=[a-z2-7]{32}/);
    expect(await readOutbox(outbox.outboxDir)).toHaveLength(0);
  });
});
