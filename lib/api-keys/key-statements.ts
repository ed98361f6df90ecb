import { statement } from "../db/sql-statement";

// The statements of the API keys' writes (manage-api-keys.ts), on the raw driver (lib/db/sql.ts).
// Each is scoped by organization in its WHERE.

export const COUNT_ACTIVE_KEYS = statement("api_key_count_active")`
  SELECT COUNT(*) FROM "ApiKey" WHERE "organizationId" = ${"orgId"} AND "deletedAt" IS NULL AND "expiresAt" > ${"now"}`;

export const INSERT_KEY = statement("api_key_insert")`
  INSERT INTO "ApiKey" ("id", "organizationId", "name", "hash", "prefix", "scope", "createdAt", "createdById", "createdByName", "expiresAt")
  VALUES (${"id"}, ${"orgId"}, ${"name"}, ${"hash"}, ${"prefix"}, ${"scope"}, ${"now"}, ${"createdById"}, ${"createdByName"}, ${"expiresAt"})`;

// A deleted key stays (its audit trail names it) with its deletion time; the key check refuses it.
export const DELETE_KEY = statement("api_key_delete")`
  UPDATE "ApiKey" SET "deletedAt" = ${"now"} WHERE "id" = ${"id"} AND "organizationId" = ${"orgId"} AND "deletedAt" IS NULL
  RETURNING "prefix"`;
