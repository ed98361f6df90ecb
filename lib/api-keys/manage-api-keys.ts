import { randomUUID } from "node:crypto";
import { recordEvent } from "../audit/record-event";
import { db } from "../db";
import { AppError } from "../errors";
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

// POST /api/organizations/[orgId]/api-keys — the key is in this answer only.
export async function createApiKey(orgId: string, input: unknown, by: KeyOwner, now = new Date()): Promise<CreatedApiKey> {
  const { name, scope, expiresInDays } = createApiKeyInput.parse(input);
  const key = generateApiKey();
  const row = await db.$transaction(async (tx) => {
    const active = await tx.apiKey.count({ where: { organizationId: orgId, deletedAt: null, expiresAt: { gt: now } } });
    if (active >= MAX_ACTIVE_API_KEYS)
      throw new AppError("conflict", `This organization already has ${MAX_ACTIVE_API_KEYS} active API keys. Delete one first.`);
    const created = await tx.apiKey.create({
      data: {
        id: randomUUID(),
        organizationId: orgId,
        name,
        hash: hashApiKey(key),
        prefix: apiKeyPrefix(key),
        scope,
        createdAt: now,
        createdById: by.userId,
        createdByName: by.email,
        expiresAt: new Date(now.getTime() + expiresInDays * DAY_MS),
      },
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
  await db.$transaction(async (tx) => {
    const { count } = await tx.apiKey.updateMany({
      where: { id: keyId, organizationId: orgId, deletedAt: null },
      data: { deletedAt: new Date() },
    });
    if (count === 0) throw new AppError("not_found", "This API key does not exist or was already deleted.");
    const key = await tx.apiKey.findUniqueOrThrow({ where: { id: keyId }, select: { prefix: true } });
    await recordEvent(
      {
        organizationId: orgId,
        actor: { type: "user", id: by.userId, label: by.email },
        action: "apikey.deleted",
        target: { type: "api_key", id: keyId, label: key.prefix },
      },
      tx,
    );
  });
}
