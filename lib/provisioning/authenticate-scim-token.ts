import { clientKind } from "./client-kind";
import { tokenByHash, touchToken, type TokenRow } from "./token-reads";
import { displayPrefix, hashToken, hashesEqual, TOKEN_PATTERN } from "./token-secret";

export interface ScimCaller {
  tokenId: string;
  prefix: string;
  organizationId: string;
}

export type ScimAuthResult = { ok: true; caller: ScimCaller } | { ok: false; reason: ScimAuthFailure; detail: string; prefix?: string };

/** Why a token was refused, as a bounded word (the metrics' label; docs/OPERATIONS.md). */
export type ScimAuthFailure = "missing" | "malformed" | "unknown" | "wrong_organization" | "deleted" | "expired" | "scim_disabled";

const LAST_USED_THROTTLE_MS = 60_000;

/**
 * Checks `Authorization: Bearer <token>` for the organization in the URL. Everything is
 * re-read from the database on every request, so a deleted token, an expired one or a
 * disabled organization is refused on the very next request, on every instance.
 */
export interface RequestOrigin {
  userAgent: string | null;
  address: string;
}

/**
 * Throttled to one write a minute per token, except that the first use of a token and a change
 * of client are written at once: a guided rotation sees the identity provider switch immediately.
 */
export function touchIsDue(row: Pick<TokenRow, "lastUsedAt" | "lastUsedClient">, client: string, now: Date): boolean {
  if (!row.lastUsedAt) return true;
  if (row.lastUsedClient !== client) return true;
  return now.getTime() - row.lastUsedAt.getTime() > LAST_USED_THROTTLE_MS;
}

export async function authenticateScimToken(
  authorization: string | null,
  orgId: string,
  now = new Date(),
  from: RequestOrigin = { userAgent: null, address: "unknown" },
): Promise<ScimAuthResult> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match?.[1]) return { ok: false, reason: "missing", detail: "Authorization header with a Bearer token is required." };
  const token = match[1];
  if (!TOKEN_PATTERN.test(token)) return { ok: false, reason: "malformed", detail: "The bearer token is not valid." };

  // Looked up by the hash of the whole token: a guess never reveals whether a prefix exists.
  const hash = hashToken(token);
  const row = await tokenByHash(hash);
  if (!row || !hashesEqual(row.hash, hash)) return { ok: false, reason: "unknown", detail: "The bearer token is not valid." };
  const prefix = displayPrefix(token);
  if (row.organizationId !== orgId)
    return { ok: false, reason: "wrong_organization", detail: "The bearer token is not valid for this organization." };
  if (row.deletedAt) return { ok: false, reason: "deleted", detail: "The bearer token has been deleted.", prefix };
  if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired", detail: "The bearer token has expired.", prefix };
  if (!row.scimEnabled)
    return { ok: false, reason: "scim_disabled", detail: "SCIM provisioning is disabled for this organization.", prefix };

  const client = clientKind(from.userAgent);
  const ok: ScimAuthResult = { ok: true, caller: { tokenId: row.id, prefix: row.prefix, organizationId: row.organizationId } };
  if (touchIsDue(row, client, now)) await touchToken(row.id, now, { client, address: from.address });
  return ok;
}
