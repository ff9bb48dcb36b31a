import net from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { requestPasswordReset, signUp } from '../../app/modules/members/accounts.server.ts';
import { appConfig, setAppConfig } from '../../app/utils/config.server.ts';
import { setLogLevel } from '../../app/utils/logger.server.ts';
import { sendMail } from '../../app/utils/mail.server.ts';
import { createMember, uniqueEmail } from '../factories/members.ts';
import { linkIn, readOutbox } from '../factories/outbox.ts';
import { setupTestDatabase } from '../setup/database.ts';

const outbox = setupTestDatabase();
const received: { from: string; to: string[]; data: string }[] = [];
let smtp: SMTPServer;

beforeAll(async () => {
  // A real SMTP server on the loopback: what Plenum speaks to when SMTP_URL is set.
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    closeTimeout: 50, // a pooled connection stays open: closing does not wait for it
    onRcptTo(address, _session, callback) {
      // A mail server that knows no such mailbox answers 550, naming it.
      if (address.address.startsWith('nobody'))
        return callback(Object.assign(new Error(`<${address.address}>: no such user`), { responseCode: 550 }));
      callback();
    },
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

  it("sends mail after mail over one pooled connection without waiting for the server's delayed ACK", async () => {
    const smtpUrl = appConfig().smtpUrl!;
    setAppConfig({ ...appConfig(), smtpUrl: `${smtpUrl}?maxConnections=1` });
    try {
      const send = (i: number) =>
        sendMail({ to: uniqueEmail(`pooled${i}`), subject: 'Vote', text: 'The vote is open.', pooled: true });
      await send(0); // the connection opens
      const count = received.length;
      const started = performance.now();
      for (let i = 1; i <= 40; i++) await send(i);
      // With Nagle's algorithm on, each mail's final dot waited for the server's delayed ACK (40 ms on Linux, a
      // kernel timer, however idle or busy the machine): 40 mails took at least 1.6 s. Without it, a few
      // milliseconds each; the bound leaves a busy machine 35 ms a mail before it could be mistaken for the wait.
      expect(performance.now() - started).toBeLessThan(1400);
      expect(received.length - count).toBe(40);
    } finally {
      setAppConfig({ ...appConfig(), smtpUrl });
    }
  });

  it('fails every mail waiting for the pool at once when the server is down, none left hanging', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as net.AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const smtpUrl = appConfig().smtpUrl;
    setAppConfig({ ...appConfig(), smtpUrl: `smtp://127.0.0.1:${port}` });
    try {
      // More mails than the pool has connections: those queued behind the first ones fail too.
      const outcomes = await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) =>
          sendMail({ to: uniqueEmail(`down${i}`), subject: 'Vote', text: 'The vote is open.', pooled: true }),
        ),
      );
      expect(outcomes.map((o) => o.status)).toEqual(Array(12).fill('rejected'));
    } finally {
      setAppConfig({ ...appConfig(), smtpUrl });
    }
  });

  it('sends through a server that speaks TLS from the first byte (smtps://)', async () => {
    const tlsReceived: string[] = [];
    // smtp-server's own self-signed certificate: the client is told to accept it.
    const secure = new SMTPServer({
      secure: true,
      authOptional: true,
      logger: false,
      closeTimeout: 50, // the pool's connection stays open: closing does not wait for it
      onData(stream, session, callback) {
        stream.on('data', () => {});
        stream.on('end', () => {
          tlsReceived.push(...session.envelope.rcptTo.map((r) => r.address));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => secure.listen(0, '127.0.0.1', resolve));
    const { port } = secure.server.address() as { port: number };
    const smtpUrl = appConfig().smtpUrl;
    setAppConfig({ ...appConfig(), smtpUrl: `smtps://127.0.0.1:${port}?tls.rejectUnauthorized=false` });
    try {
      const email = uniqueEmail('tls');
      await sendMail({ to: email, subject: 'Vote', text: 'The vote is open.', pooled: true });
      await sendMail({ to: email, subject: 'Vote', text: 'The vote is open.' });
      expect(tlsReceived).toEqual([email, email]);
    } finally {
      setAppConfig({ ...appConfig(), smtpUrl });
      await new Promise<void>((resolve) => secure.close(() => resolve()));
    }
  });
});

/** What the server logs while `run` runs (the real logger, at info level). */
async function logged(run: () => Promise<unknown>): Promise<string> {
  const lines: string[] = [];
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (lines.push(String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (lines.push(String(chunk)), true));
  setLogLevel('info');
  try {
    await run();
  } finally {
    setLogLevel('warn');
    out.mockRestore();
    err.mockRestore();
  }
  return lines.join('');
}

describe('what mail leaves in the log (the privacy page: no address, no link)', () => {
  it('without SMTP, names the file in the outbox, never the address or the link', async () => {
    const member = await createMember();
    const smtpUrl = appConfig().smtpUrl;
    setAppConfig({ ...appConfig(), smtpUrl: undefined });
    try {
      const log = await logged(() => requestPasswordReset(member.email));
      const [mail] = await readOutbox(outbox.outboxDir, member.email);
      const token = new URL(linkIn(mail)).searchParams.get('token')!;
      expect(log).toContain('mail written to the outbox');
      expect(log).toContain(mail!.file);
      expect(log).not.toContain(member.email);
      expect(log).not.toContain(token);
      expect(log).not.toMatch(/reset-password|@/);
    } finally {
      setAppConfig({ ...appConfig(), smtpUrl });
    }
  });

  it('when the mail server refuses an address, the error says why without naming it', async () => {
    const address = uniqueEmail('nobody');
    const error = await sendMail({ to: address, subject: 'Test', text: 'Hello' }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error!.message).toMatch(/550/);
    expect(JSON.stringify({ message: error!.message, stack: error!.stack })).not.toContain(address.toLowerCase());
  });
});
