import { tokenStatus, type TokenStatus } from "./token-secret";

export interface TokenInfo {
  id: string;
  prefix: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  createdBy: string | null;
  status: TokenStatus;
  expiresSoon: boolean; // active and expiring within 30 days
}

const SOON_MS = 30 * 24 * 60 * 60 * 1000;

export function toTokenInfo(
  t: { id: string; prefix: string; createdAt: Date; expiresAt: Date; lastUsedAt: Date | null; createdByName: string | null },
  now = new Date(),
): TokenInfo {
  const status = tokenStatus(t.expiresAt, now);
  return {
    id: t.id,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    createdBy: t.createdByName,
    status,
    expiresSoon: status === "active" && t.expiresAt.getTime() - now.getTime() <= SOON_MS,
  };
}
