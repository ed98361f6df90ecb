import { config } from "../config";
import { smtpMailer, type Mailer } from "../notifications/mailer";
import { checkTokenExpiry } from "../notifications/token-expiry-check";
import type { Job } from "./job";

export const TOKEN_EXPIRY_INTERVAL_MS = 15 * 60 * 1000;

let mailer: Mailer | null | undefined;
const configuredMailer = () => (mailer ??= config.SMTP_URL ? smtpMailer(config.SMTP_URL, config.MAIL_FROM) : null);

/**
 * Emails owners and IAM managers 30, 7 and 1 days before the organization's last SCIM token
 * expires, and once it has; each (token, threshold) once across every instance (claimed in
 * the database, lib/notifications/token-expiry-check.ts). Without SMTP_URL it does nothing:
 * the console banners show the same warnings.
 */
export const tokenExpiryJob: Job = {
  name: "token-expiry-emails",
  everyMs: TOKEN_EXPIRY_INTERVAL_MS,
  async run(now) {
    const result = await checkTokenExpiry(now, { mailer: configuredMailer(), origin: config.APP_URL ?? `http://localhost:${config.PORT}` });
    for (const s of result.sent)
      console.info(`Job token-expiry-emails: ${s.threshold} notice for token ${s.tokenId} sent to ${s.recipients} recipient(s)`);
    if (result.failed.length)
      throw new AggregateError(
        result.failed.map((f) => f.error),
        `${result.failed.length} expiry email(s) could not be sent; they will be retried on the next run`,
      );
  },
};
