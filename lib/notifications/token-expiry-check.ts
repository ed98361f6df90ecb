import { randomUUID } from "node:crypto";
import { recordEvent } from "../audit/record-event";
import { db } from "../db";
import { isUniqueViolation } from "../db/sql";
import { provisioningManagerContacts } from "../members/store";
import type { ExpiryThreshold } from "../provisioning/schemas";
import { EXPIRED_NOTICE_WINDOW_MS, expiryThreshold, lastToken, THRESHOLDS } from "../provisioning/token-expiry";
import { expiryEmail } from "./expiry-email";
import type { Mailer } from "./mailer";

// Expiry emails, exactly once per (token, threshold) however many instances run the check:
//
// 1. claim: INSERT a TokenExpiryNotice row; its unique (tokenId, threshold) key lets exactly
//    one instance win, the others get a unique violation and skip. The claim is committed
//    before anything is sent.
// 2. send to the owners and IAM managers, then mark the claim sent.
// 3. the send fails (SMTP down, refused): the claim is deleted again, so the next run (15
//    minutes later, on any instance) retries. A process that dies between 1 and 2 leaves a
//    claim without `sentAt`: that email is not sent (at most once, never twice; the console
//    banner still shows the warning).
//
// Only the most urgent threshold reached is sent: after an outage, a "30 days" email arriving
// when one day remains would mislead.

export interface ExpiryCheckResult {
  sent: { organizationId: string; tokenId: string; threshold: ExpiryThreshold; recipients: number }[];
  failed: { organizationId: string; tokenId: string; threshold: ExpiryThreshold; error: unknown }[];
}

export interface ExpiryCheckOptions {
  /** Absent (SMTP_URL unset): nothing is sent and nothing is claimed. */
  mailer: Mailer | null;
  /** Where the email's link points: APP_URL, else the local server. */
  origin: string;
  /** Only these organizations (a targeted run; tests sharing one database); default: all. */
  organizationIds?: readonly string[];
}

const widest = THRESHOLDS[0]!.withinMs;

async function claim(organizationId: string, tokenId: string, threshold: ExpiryThreshold, now: Date): Promise<string | null> {
  const id = randomUUID();
  try {
    await db.tokenExpiryNotice.create({ data: { id, organizationId, tokenId, threshold, claimedAt: now } });
    return id;
  } catch (err) {
    if (isUniqueViolation(err)) return null; // another run (or instance) has it
    throw err;
  }
}

/** The organizations whose last undeleted token is within 30 days of expiry, or recently expired. */
async function dueOrganizations(now: Date, only?: readonly string[]) {
  const groups = await db.scimToken.groupBy({
    by: ["organizationId"],
    where: { deletedAt: null, organization: { scimConfig: { enabled: true } }, ...(only ? { organizationId: { in: [...only] } } : {}) },
    _max: { expiresAt: true },
    having: { expiresAt: { _max: { lte: new Date(now.getTime() + widest), gt: new Date(now.getTime() - EXPIRED_NOTICE_WINDOW_MS) } } },
  });
  return groups.map((g) => g.organizationId);
}

export async function checkTokenExpiry(now: Date, opts: ExpiryCheckOptions): Promise<ExpiryCheckResult> {
  const result: ExpiryCheckResult = { sent: [], failed: [] };
  const mailer = opts.mailer;
  if (!mailer) return result;
  for (const organizationId of await dueOrganizations(now, opts.organizationIds)) {
    const tokens = await db.scimToken.findMany({
      where: { organizationId, deletedAt: null },
      select: { id: true, prefix: true, expiresAt: true },
    });
    const last = lastToken(tokens);
    const threshold = last ? expiryThreshold(last.expiresAt, now) : null;
    if (!last || !threshold) continue;
    const claimId = await claim(organizationId, last.id, threshold, now);
    if (!claimId) continue;
    try {
      const [org, contacts] = await Promise.all([
        db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true } }),
        provisioningManagerContacts(organizationId),
      ]);
      const to = contacts.map((c) => c.email);
      const scimPageUrl = `${opts.origin}/organizations/${organizationId}/settings/scim`;
      if (to.length)
        await mailer.send(expiryEmail(to, { orgName: org.name, prefix: last.prefix, expiresAt: last.expiresAt, threshold, scimPageUrl }));
      await db.tokenExpiryNotice.update({ where: { id: claimId }, data: { sentAt: new Date(), recipients: to.length } });
      await recordEvent({
        organizationId,
        actor: { type: "system" },
        action: "scim.token.expiry_notified",
        target: { type: "token", id: last.id, label: last.prefix },
        detail: `${threshold}: emailed ${to.length} owner(s) and IAM manager(s)`,
      });
      result.sent.push({ organizationId, tokenId: last.id, threshold, recipients: to.length });
    } catch (error) {
      // Released: the next run retries (see above).
      await db.tokenExpiryNotice
        .delete({ where: { id: claimId } })
        .catch((releaseError: unknown) => console.error("Could not release an expiry email claim", releaseError));
      result.failed.push({ organizationId, tokenId: last.id, threshold, error });
    }
  }
  return result;
}
