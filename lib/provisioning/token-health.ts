import { db } from "../db";
import type { ExpiryWarning, ProvisioningStopped } from "./schemas";
import { expiryThreshold, lastToken } from "./token-expiry";

interface UndeletedToken {
  id: string;
  prefix: string;
  expiresAt: Date;
}

// What the SCIM page and the console header warn about: the last token running out, and
// provisioning having stopped (SCIM on, no active token left).

export function expiryWarning(tokens: readonly UndeletedToken[], enabled: boolean, now: Date): ExpiryWarning | null {
  if (!enabled) return null;
  const last = lastToken(tokens);
  const threshold = last ? expiryThreshold(last.expiresAt, now) : null;
  if (!last || !threshold) return null;
  return { threshold, tokenId: last.id, prefix: last.prefix, expiresAt: last.expiresAt.toISOString() };
}

/** Failed requests the identity provider made: authentication refused, or a request rejected. */
const REJECTED_ACTIONS = ["scim.auth.failed", "scim.request.rejected"];

export async function provisioningStopped(
  orgId: string,
  tokens: readonly UndeletedToken[],
  enabled: boolean,
  now: Date,
): Promise<ProvisioningStopped | null> {
  if (!enabled || tokens.some((t) => t.expiresAt.getTime() > now.getTime())) return null;
  // Rare (only while provisioning is down): Prisma, on the (organizationId, action, createdAt) index.
  const last = await db.auditEvent.findFirst({
    where: { organizationId: orgId, action: { in: REJECTED_ACTIONS }, createdAt: { lte: now } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { createdAt: true, status: true, detail: true, targetLabel: true },
  });
  return {
    lastRejected: last ? { at: last.createdAt.toISOString(), status: last.status, detail: last.detail, request: last.targetLabel } : null,
  };
}
