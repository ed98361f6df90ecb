import { randomBytes } from "node:crypto";
import { db } from "../db";

// Outstanding sign-in requests (a SAML AuthnRequest ID, an OIDC state), in the database so
// the IdP may answer any instance; each is consumed once (a DELETE that must remove the row).

export const REQUEST_TTL_MS = 10 * 60 * 1000;

export type SsoRequestKind = "saml" | "oidc" | "test-result";

export interface RequestData {
  returnTo?: string;
  /** A test sign-in started by this console user: report, never start a session. */
  testBy?: { id: string; label: string };
  codeVerifier?: string;
  nonce?: string;
  result?: unknown;
}

export function newRequestId(): string {
  return `_${randomBytes(20).toString("hex")}`; // SAML IDs must not start with a digit
}

export async function saveRequest(id: string, orgId: string, kind: SsoRequestKind, data: RequestData, now = new Date()): Promise<void> {
  await db.ssoRequest.create({
    data: {
      id,
      organizationId: orgId,
      kind,
      data: JSON.stringify(data),
      createdAt: now,
      expiresAt: new Date(now.getTime() + REQUEST_TTL_MS),
    },
  });
}

export async function peekRequest(
  id: string,
  orgId: string,
  kind: SsoRequestKind,
  now = new Date(),
): Promise<{ data: RequestData; createdAt: Date } | null> {
  const row = await db.ssoRequest.findUnique({ where: { id } });
  if (!row || row.organizationId !== orgId || row.kind !== kind || row.expiresAt <= now) return null;
  return { data: JSON.parse(row.data) as RequestData, createdAt: row.createdAt };
}

/** Single use across instances: only the request that deletes the row may go on. */
export async function consumeRequest(id: string, orgId: string, kind: SsoRequestKind, now = new Date()): Promise<RequestData | null> {
  const found = await peekRequest(id, orgId, kind, now);
  if (!found) return null;
  const { count } = await db.ssoRequest.deleteMany({ where: { id, organizationId: orgId, kind } });
  return count === 1 ? found.data : null;
}

export async function pruneRequests(now = new Date()): Promise<number> {
  const a = await db.ssoRequest.deleteMany({ where: { expiresAt: { lt: now } } });
  const b = await db.samlAssertionUse.deleteMany({ where: { expiresAt: { lt: now } } });
  return a.count + b.count;
}
