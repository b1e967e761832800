/** Sends email over the SMTP server of the config's `smtp` block (nodemailer). Only the outbox worker calls it. */
import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../config.js';
import { PermanentDeliveryError } from './delivery-error.js';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

export interface Mailer {
  send(message: EmailMessage): Promise<void>;
  close(): void;
}

/** Seconds before a silent mail server counts as a failed attempt (the outbox retries later). */
const SMTP_TIMEOUT_MS = 15_000;

export function createMailer(smtp: SmtpConfig): Mailer {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.pass ?? '' } : undefined,
    tls: smtp.allowInsecureTls ? { rejectUnauthorized: false } : undefined,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  });
  return {
    async send(message) {
      try {
        await transport.sendMail({ from: smtp.from, ...message });
      } catch (error) {
        // 5xx is the server's final word (unknown mailbox, refused sender); 4xx and network trouble may pass.
        const code = (error as { responseCode?: number }).responseCode;
        if (code !== undefined && code >= 500) throw new PermanentDeliveryError((error as Error).message);
        throw error;
      }
    },
    close: () => transport.close(),
  };
}
