import type { ExpiryThreshold } from "../provisioning/schemas";
import type { Mail } from "./mailer";

// The words of a token expiry email. Pure.

export interface ExpiryEmailInput {
  orgName: string;
  prefix: string;
  expiresAt: Date;
  threshold: ExpiryThreshold;
  scimPageUrl: string;
}

const WHEN: Record<ExpiryThreshold, string> = { "30d": "in 30 days", "7d": "in 7 days", "1d": "within a day", expired: "has expired" };

export function expiryEmail(to: string[], e: ExpiryEmailInput): Mail {
  const date = e.expiresAt.toISOString().replace("T", " ").slice(0, 16) + " UTC";
  const expired = e.threshold === "expired";
  const subject = expired
    ? `${e.orgName}: the last SCIM token has expired, provisioning has stopped`
    : `${e.orgName}: the last SCIM token expires ${WHEN[e.threshold]}`;
  const text = [
    expired
      ? `The SCIM token ${e.prefix}… of ${e.orgName} expired on ${date}. It was the organization's last active token: your identity provider can no longer create, update, lock or delete users, so people who left keep their access.`
      : `The SCIM token ${e.prefix}… of ${e.orgName} expires on ${date}. It is the organization's last active token: when it expires, provisioning stops.`,
    "",
    "Generate a replacement, paste it into your identity provider (Microsoft Entra ID, Okta…), and delete the old token once the identity provider uses the new one:",
    e.scimPageUrl,
    "",
    "You receive this email because you are an owner or IAM manager of the organization.",
  ].join("\n");
  return { to, subject, text };
}
