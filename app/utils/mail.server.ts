import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { newId } from './ids.ts';
import { appConfig } from './config.server.ts';
import { logger } from './logger.server.ts';

/** One message to one person. `link` is the action the message is about (logged in outbox mode). */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  link?: string;
}

const transports = new Map<string, nodemailer.Transporter>();

/**
 * Sends a mail through SMTP when SMTP_URL is set; otherwise writes it to the outbox folder and logs its link,
 * so that someone running Plenum locally can still follow a verification or reset link.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const config = appConfig();
  if (config.smtpUrl) {
    let transport = transports.get(config.smtpUrl);
    if (!transport) transports.set(config.smtpUrl, (transport = nodemailer.createTransport(config.smtpUrl)));
    await transport.sendMail({ from: config.mailFrom, to: mail.to, subject: mail.subject, text: mail.text });
    return;
  }
  await fs.mkdir(config.outboxDir, { recursive: true });
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
  await fs.writeFile(file, body, 'utf8');
  logger.info('mail written to the outbox (no SMTP_URL)', {
    to: mail.to,
    subject: mail.subject,
    file,
    link: mail.link,
  });
}
