import { isClientKind } from "./client-kind";
import type { TokenInfo } from "./schemas";
import { tokenStatus } from "./token-secret";

export type { TokenInfo };

const SOON_MS = 30 * 24 * 60 * 60 * 1000;

export interface TokenRecord {
  id: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  lastUsedClient?: string | null;
  lastUsedAddress?: string | null;
  createdByName: string | null;
}

export function toTokenInfo(t: TokenRecord, now = new Date()): TokenInfo {
  const status = tokenStatus(t.expiresAt, now);
  return {
    id: t.id,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    lastUsedClient: isClientKind(t.lastUsedClient) ? t.lastUsedClient : null,
    lastUsedAddress: t.lastUsedAddress ?? null,
    createdBy: t.createdByName,
    status,
    expiresSoon: status === "active" && t.expiresAt.getTime() - now.getTime() <= SOON_MS,
  };
}
