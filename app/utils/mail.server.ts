import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { newId } from './ids.ts';
import { appConfig } from './config.server.ts';
import { logger } from './logger.server.ts';

/** One message to one person. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** The Message-ID header (the mail queue's idempotency key, so that a receiving server may drop a repeat). */
  messageId?: string;
  /** Headers of its own (List-Unsubscribe...): names and values of plain ASCII, written as given. */
  headers?: Record<string, string>;
  /** Sent through a pool of open connections to the SMTP server (the mail queue's batches), not one per mail. */
  pooled?: boolean;
}

/**
 * A mail that could not be sent, said without its address: a mail server's refusal quotes the recipient
 * ("550 <someone@example.org>: no such user"), and errors are logged, where no address may go (privacy page).
 */
export class MailError extends Error {
  /** The network's or the mail library's code (ECONNREFUSED, ETIMEDOUT...), when there is one. */
  readonly code: string | undefined;
  /** The SMTP server's answer code (550...), when it answered. */
  readonly responseCode: number | undefined;
  constructor(error: unknown) {
    const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
    const why = [code, responseCode].filter((v) => typeof v === 'string' || typeof v === 'number').join(' ');
    super(`the mail could not be sent${why ? `: ${why}` : ''}`);
    this.name = 'MailError';
    this.code = typeof code === 'string' ? code : undefined;
    this.responseCode = typeof responseCode === 'number' ? responseCode : undefined;
  }
}

const transports = new Map<string, nodemailer.Transporter>();

/** The transport for an SMTP server: one connection per mail, or a pool of a few kept open (the mail queue). */
function transportFor(smtpUrl: string, pooled: boolean): nodemailer.Transporter {
  const key = `${pooled ? 'pool' : 'one'}:${smtpUrl}`;
  let transport = transports.get(key);
  if (!transport) {
    const url = new URL(smtpUrl);
    if (pooled) {
      url.searchParams.set('pool', 'true');
      if (!url.searchParams.has('maxConnections')) url.searchParams.set('maxConnections', '4');
    }
    // A server that stops answering fails the attempt within a minute (the queue retries it), not ten.
    if (!url.searchParams.has('socketTimeout')) url.searchParams.set('socketTimeout', '60000');
    transport = nodemailer.createTransport(url.toString());
    // nodemailer's own proxy support (a `proxy` in SMTP_URL) opens its sockets itself.
    if (!url.searchParams.has('proxy')) (transport as SocketOpening).getSocket = openSocket;
    transports.set(key, transport);
  }
  return transport;
}

/** nodemailer's documented hook for opening a connection itself (used for proxies). */
type SocketOpening = nodemailer.Transporter & {
  getSocket?: (
    options: SocketOptions,
    callback: (error: Error | null, socket?: { connection: net.Socket }) => void,
  ) => void;
};
interface SocketOptions {
  host?: string;
  port?: number | string;
  secure?: boolean;
  localAddress?: string;
}

/**
 * Opens the TCP connection to the SMTP server with Nagle's algorithm off. nodemailer writes a mail's end (the
 * final dot) right after its body and then waits for the answer; with Nagle on, that last small write waits for
 * the server's delayed ACK (40 ms on Linux): a pooled connection sent at most ~22 mails a second, whatever the
 * server. The socket is handed over still connecting, as nodemailer's own: its errors (refused, unreachable) and
 * timeouts are nodemailer's to report, and TLS for smtps:// is started on it.
 */
function openSocket(
  options: SocketOptions,
  callback: (error: Error | null, socket?: { connection: net.Socket }) => void,
) {
  const connection = net.connect({
    host: options.host ?? 'localhost',
    port: Number(options.port) || (options.secure ? 465 : 587),
    noDelay: true,
    keepAlive: true,
    ...(options.localAddress ? { localAddress: options.localAddress } : {}),
  });
  callback(null, { connection });
}

/** Whether a failure is the server's final refusal of this mail (a 5xx answer), not a reason to try again later. */
export function isPermanent(error: unknown): boolean {
  return error instanceof MailError && error.responseCode !== undefined && error.responseCode >= 500;
}

/**
 * Sends a mail through SMTP when SMTP_URL is set; otherwise writes it to the outbox folder, where someone running
 * Plenum locally can open it and follow its link. The log names the file, never the address nor the link: a
 * link holds a token, and the privacy page promises neither is logged. Failures throw MailError.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const config = appConfig();
  if (config.smtpUrl) {
    const transport = transportFor(config.smtpUrl, mail.pooled ?? false);
    try {
      await transport.sendMail({
        from: config.mailFrom,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.messageId ? { messageId: mail.messageId } : {}),
        ...(mail.headers ? { headers: mail.headers } : {}),
      });
    } catch (error) {
      throw new MailError(error);
    }
    return;
  }
  // Mails hold sign-in and reset links: the server account's alone (the process's umask says so too).
  await fs.mkdir(config.outboxDir, { recursive: true, mode: 0o700 });
  const file = path.join(config.outboxDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${newId()}.eml`);
  const body = [
    `From: ${config.mailFrom}`,
    `To: ${mail.to}`,
    `Subject: ${mail.subject}`,
    ...(mail.messageId ? [`Message-ID: ${mail.messageId}`] : []),
    ...Object.entries(mail.headers ?? {}).map(([name, value]) => `${name}: ${value.replace(/[\r\n]/g, '')}`),
    `Date: ${new Date().toUTCString()}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    mail.text,
    '',
  ].join('\n');
  await fs.writeFile(file, body, { encoding: 'utf8', mode: 0o600 });
  logger.info('mail written to the outbox (no SMTP_URL)', { file });
}
