import { statement } from "../db/sql-statement";

// The statements of the SCIM settings' writes (enable, disable, create and delete a token), on
// the raw driver (lib/db/sql.ts). Each is scoped by organization in its WHERE.

// Written first in every token-changing transaction: an upsert takes the organization's
// ScimConfig row lock on PostgreSQL (the row may not exist yet, so a SELECT … FOR UPDATE would
// lock nothing), and SQLite's BEGIN IMMEDIATE already holds the database; racing requests then
// run one after another, so the count of active tokens cannot race. Answers whether SCIM is on.
export const LOCK_SCIM_CONFIG = statement("scim_config_lock")`
  INSERT INTO "ScimConfig" ("organizationId", "enabled", "lockVersion", "updatedAt") VALUES (${"orgId"}, false, 1, ${"now"})
  ON CONFLICT ("organizationId") DO UPDATE SET "lockVersion" = "ScimConfig"."lockVersion" + 1, "updatedAt" = ${"now"}
  RETURNING "enabled"`;

export const ENABLE_SCIM = statement("scim_config_enable")`
  UPDATE "ScimConfig" SET "enabled" = true, "enabledAt" = ${"now"}, "enabledById" = ${"by"}, "updatedAt" = ${"now"} WHERE "organizationId" = ${"orgId"}`;

export const DISABLE_SCIM = statement("scim_config_disable")`
  UPDATE "ScimConfig" SET "enabled" = false, "enabledAt" = NULL, "enabledById" = NULL, "updatedAt" = ${"now"} WHERE "organizationId" = ${"orgId"}`;

export const COUNT_ACTIVE_TOKENS = statement("scim_token_count_active")`
  SELECT COUNT(*) FROM "ScimToken" WHERE "organizationId" = ${"orgId"} AND "deletedAt" IS NULL AND "expiresAt" > ${"now"}`;

export const INSERT_TOKEN = statement("scim_token_insert")`
  INSERT INTO "ScimToken" ("id", "organizationId", "hash", "prefix", "createdAt", "createdById", "createdByName", "expiresAt")
  VALUES (${"id"}, ${"orgId"}, ${"hash"}, ${"prefix"}, ${"now"}, ${"createdById"}, ${"createdByName"}, ${"expiresAt"})`;

// A deleted token stays (its audit trail names it) with its deletion time; the token check refuses it.
export const DELETE_TOKEN = statement("scim_token_delete")`
  UPDATE "ScimToken" SET "deletedAt" = ${"now"} WHERE "id" = ${"id"} AND "organizationId" = ${"orgId"} AND "deletedAt" IS NULL
  RETURNING "prefix"`;

export const DELETE_ALL_TOKENS = statement("scim_token_delete_all")`
  UPDATE "ScimToken" SET "deletedAt" = ${"now"} WHERE "organizationId" = ${"orgId"} AND "deletedAt" IS NULL`;
