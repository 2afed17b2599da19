import nodemailer, { type Transporter } from 'nodemailer';

/** SMTP settings, from config: a URL, or host/port/user/pass. */
export type MailConfig = { url?: string; host?: string; port?: number; user?: string; pass?: string; from: string };

/** One outgoing e-mail. Bodies are written by the notifications wording table, never by a person. */
export type OutgoingMail = { to: string; subject: string; text: string; html?: string; headers?: Record<string, string> };

/** Sends e-mail over SMTP; `enabled` is false when no SMTP server is configured (nothing is sent). */
export type Mailer = { enabled: boolean; send(mail: OutgoingMail): Promise<{ messageId: string }>; close(): void };

/** Builds the mailer. Off (a no-op that says so) when neither SMTP_URL nor SMTP_HOST is set. */
export function createMailer(config: MailConfig): Mailer {
  let transport: Transporter | null = null;
  if (config.url) transport = nodemailer.createTransport(config.url);
  else if (config.host) {
    const port = config.port ?? 587;
    transport = nodemailer.createTransport({
      host: config.host,
      port,
      secure: port === 465,
      auth: config.user ? { user: config.user, pass: config.pass ?? '' } : undefined,
    });
  }
  if (!transport) {
    return {
      enabled: false,
      send: async () => {
        throw new Error('e-mail is not configured');
      },
      close: () => {},
    };
  }
  const t = transport;
  return {
    enabled: true,
    async send(mail) {
      const info = await t.sendMail({ from: config.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, headers: mail.headers });
      return { messageId: String(info.messageId) };
    },
    close: () => t.close(),
  };
}
