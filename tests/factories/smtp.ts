import { SMTPServer } from 'smtp-server';

/** One mail as a real SMTP server received it, its body decoded from quoted-printable. */
export interface ReceivedMail {
  to: string;
  subject: string;
  messageId: string;
  body: string;
}

/** A real SMTP server on the loopback (the npm package smtp-server), which tests can stop and start again. */
export interface TestSmtp {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** Answers every recipient with this code (e.g. 451, a temporary refusal) until set back to null. */
  refuseWith: number | null;
  stop: () => Promise<void>;
  /** Starts again on the same port (after `stop`). */
  start: () => Promise<void>;
}

function decode(text: string): string {
  const qp = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < qp.length; i++) {
    const hex = qp[i] === '=' ? qp.slice(i + 1, i + 3) : '';
    if (/^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(qp.charCodeAt(i) & 0xff);
  }
  return Buffer.from(bytes).toString('utf8');
}

function parse(to: string, data: string): ReceivedMail {
  const [head = '', ...rest] = data.split(/\r?\n\r?\n/);
  const header = (name: string) => head.match(new RegExp(`^${name}: (.*)$`, 'mi'))?.[1]?.trim() ?? '';
  const raw = header('Subject');
  const subject = raw.replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_, q: string) => decode(q.replace(/_/g, ' ')));
  return { to, subject, messageId: header('Message-ID'), body: decode(rest.join('\n\n')) };
}

/** Starts a real SMTP server on a free port (or `port`). Addresses starting with "nobody" are refused (550). */
export async function startSmtp(port = 0): Promise<TestSmtp> {
  let server: SMTPServer | null = null;
  const smtp: TestSmtp = {
    url: '',
    port,
    received: [],
    refuseWith: null,
    async stop() {
      const current = server;
      server = null;
      if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
    },
    async start() {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        logger: false,
        // Stopping drops the client's open connections at once (a mail server going down), not after 30 s.
        closeTimeout: 50,
        onRcptTo(address, _session, callback) {
          if (smtp.refuseWith) {
            return callback(Object.assign(new Error('try again later'), { responseCode: smtp.refuseWith }));
          }
          if (address.address.startsWith('nobody')) {
            return callback(Object.assign(new Error('no such user'), { responseCode: 550 }));
          }
          callback();
        },
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            for (const rcpt of session.envelope.rcptTo) {
              smtp.received.push(parse(rcpt.address, Buffer.concat(chunks).toString('latin1')));
            }
            callback();
          });
        },
      });
      const started = server;
      await new Promise<void>((resolve) => started.listen(smtp.port, '127.0.0.1', resolve));
      smtp.port = (started.server.address() as { port: number }).port;
      smtp.url = `smtp://127.0.0.1:${smtp.port}`;
    },
  };
  await smtp.start();
  return smtp;
}
