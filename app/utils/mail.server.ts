import fs from 'node:fs/promises';
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
}

/**
 * A mail that could not be sent, said without its address: a mail server's refusal quotes the recipient
 * ("550 <someone@example.org>: no such user"), and errors are logged, where no address may go (privacy page).
 */
export class MailError extends Error {
  constructor(error: unknown) {
    const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
    const why = [code, responseCode].filter((v) => typeof v === 'string' || typeof v === 'number').join(' ');
    super(`the mail could not be sent${why ? `: ${why}` : ''}`);
    this.name = 'MailError';
  }
}

const transports = new Map<string, nodemailer.Transporter>();

/**
 * Sends a mail through SMTP when SMTP_URL is set; otherwise writes it to the outbox folder, where someone running
 * Plenum locally can open it and follow its link. The log names the file, never the address nor the link: a
 * link holds a token, and the privacy page promises neither is logged. Failures throw MailError.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const config = appConfig();
  if (config.smtpUrl) {
    let transport = transports.get(config.smtpUrl);
    if (!transport) transports.set(config.smtpUrl, (transport = nodemailer.createTransport(config.smtpUrl)));
    try {
      await transport.sendMail({ from: config.mailFrom, to: mail.to, subject: mail.subject, text: mail.text });
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
    `Date: ${new Date().toUTCString()}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    mail.text,
    '',
  ].join('\n');
  await fs.writeFile(file, body, { encoding: 'utf8', mode: 0o600 });
  logger.info('mail written to the outbox (no SMTP_URL)', { file });
}
