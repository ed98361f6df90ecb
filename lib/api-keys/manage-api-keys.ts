import { randomUUID } from "node:crypto";
import { recordEvent } from "../audit/record-event";
import { db, sql } from "../db";
import { AppError } from "../errors";
import { COUNT_ACTIVE_KEYS, DELETE_KEY, INSERT_KEY } from "./key-statements";
import { toApiKeyInfo } from "./api-key-view";
import { apiKeyPrefix, generateApiKey, hashApiKey, MAX_ACTIVE_API_KEYS } from "./key-secret";
import { createApiKeyInput, type ApiKeyInfo, type CreatedApiKey } from "./schemas";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface KeyOwner {
  userId: string;
  email: string;
}

// GET /api/organizations/[orgId]/api-keys — the undeleted keys, newest first (never a key).
export async function listApiKeys(orgId: string, now = new Date()): Promise<ApiKeyInfo[]> {
  const keys = await db.apiKey.findMany({
    where: { organizationId: orgId, deletedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  return keys.map((k) => toApiKeyInfo(k, now));
}

// POST /api/organizations/[orgId]/api-keys — the key is in this answer only. One raw-driver
// transaction: the count, the key and its audit event.
export async function createApiKey(orgId: string, input: unknown, by: KeyOwner, now = new Date()): Promise<CreatedApiKey> {
  const { name, scope, expiresInDays } = createApiKeyInput.parse(input);
  const key = generateApiKey();
  const row = await sql.transaction(async (tx) => {
    const active = Number((await tx.row(COUNT_ACTIVE_KEYS, { orgId, now }))?.[0] ?? 0);
    if (active >= MAX_ACTIVE_API_KEYS)
      throw new AppError("conflict", `This organization already has ${MAX_ACTIVE_API_KEYS} active API keys. Delete one first.`);
    const created = {
      id: randomUUID(),
      name,
      prefix: apiKeyPrefix(key),
      scope,
      createdAt: now,
      createdByName: by.email,
      expiresAt: new Date(now.getTime() + expiresInDays * DAY_MS),
      lastUsedAt: null,
    };
    await tx.run(INSERT_KEY, {
      id: created.id,
      orgId,
      name,
      hash: hashApiKey(key),
      prefix: created.prefix,
      scope,
      now,
      createdById: by.userId,
      createdByName: by.email,
      expiresAt: created.expiresAt,
    });
    await recordEvent(
      {
        organizationId: orgId,
        actor: { type: "user", id: by.userId, label: by.email },
        action: "apikey.created",
        target: { type: "api_key", id: created.id, label: created.prefix },
        detail: `${name} (${scope})`,
      },
      tx,
    );
    return created;
  });
  return { key, apiKey: toApiKeyInfo(row, now) };
}

// DELETE /api/organizations/[orgId]/api-keys/[keyId] — refused from the next request on.
export async function deleteApiKey(orgId: string, keyId: string, by: KeyOwner): Promise<void> {
  await sql.transaction(async (tx) => {
    const deleted = await tx.row(DELETE_KEY, { id: keyId, orgId, now: new Date() });
    if (!deleted) throw new AppError("not_found", "This API key does not exist or was already deleted.");
    await recordEvent(
      {
        organizationId: orgId,
        actor: { type: "user", id: by.userId, label: by.email },
        action: "apikey.deleted",
        target: { type: "api_key", id: keyId, label: String(deleted[0]) },
      },
      tx,
    );
  });
}
