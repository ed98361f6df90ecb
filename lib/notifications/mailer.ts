import nodemailer from "nodemailer";

// Outgoing mail over SMTP (nodemailer). SMTP_URL carries host, port, TLS (smtps://) and the
// credentials; STARTTLS is used when the server offers it.

export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      // One message per recipient: managers never see each other's addresses.
      for (const to of mail.to) await transport.sendMail({ from, to, subject: mail.subject, text: mail.text });
    },
  };
}
