import type { ApiKeyInfo } from "./schemas";

export interface ApiKeyRecord {
  id: string;
  name: string;
  prefix: string;
  scope: string;
  createdAt: Date;
  createdByName: string | null;
  expiresAt: Date;
  lastUsedAt: Date | null;
}

export function toApiKeyInfo(k: ApiKeyRecord, now = new Date()): ApiKeyInfo {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    scope: k.scope,
    createdAt: k.createdAt.toISOString(),
    createdBy: k.createdByName,
    expiresAt: k.expiresAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    status: k.expiresAt.getTime() > now.getTime() ? "active" : "expired",
  };
}
