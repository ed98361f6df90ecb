import { randomUUID } from "node:crypto";
import { sql } from "../db";
import { asBool, type SqlRunner } from "../db/sql";
import { AppError } from "../errors";
import { recordEvent, type Actor } from "../audit/record-event";
import { COUNT_ACTIVE_TOKENS, INSERT_TOKEN, LOCK_SCIM_CONFIG } from "./token-statements";
import { displayPrefix, expiryFrom, generateTokenSecret, hashToken, MAX_ACTIVE_TOKENS } from "./token-secret";
import { toTokenInfo, type TokenInfo } from "./token-view";

export interface CreatedToken {
  token: string; // the only time the plaintext exists
  tokenInfo: TokenInfo;
}

/** Who changes SCIM settings: a signed-in user, or an organization API key (lib/api-keys/). */
export interface TokenCreator {
  userId: string; // the user's id, or the API key's id
  label: string; // email, or the API key's prefix: for the audit trail and "created by"
  kind?: "user" | "api_key";
}

export function creatorActor(by: TokenCreator): Actor {
  return by.kind === "api_key" ? { type: "api_key", id: by.userId, label: by.label } : { type: "user", id: by.userId, label: by.label };
}

const creatorName = (by: TokenCreator) => (by.kind === "api_key" ? `API key ${by.label}…` : by.label);

/**
 * Inserts a token inside the caller's transaction. The caller must already hold the
 * organization's ScimConfig row lock (see lockScimConfig), so the count below cannot race.
 */
export async function insertToken(tx: SqlRunner, orgId: string, by: TokenCreator, now = new Date()): Promise<CreatedToken> {
  const active = Number((await tx.row(COUNT_ACTIVE_TOKENS, { orgId, now }))?.[0] ?? 0);
  if (active >= MAX_ACTIVE_TOKENS) {
    throw new AppError("too_many_tokens", `You already have ${MAX_ACTIVE_TOKENS} active tokens. Delete one before generating another.`);
  }
  const token = generateTokenSecret();
  const row = {
    id: randomUUID(),
    prefix: displayPrefix(token),
    createdAt: now,
    createdByName: creatorName(by),
    expiresAt: expiryFrom(now),
    lastUsedAt: null,
  };
  await tx.run(INSERT_TOKEN, {
    id: row.id,
    orgId,
    hash: hashToken(token),
    prefix: row.prefix,
    now,
    createdById: by.userId,
    createdByName: row.createdByName,
    expiresAt: row.expiresAt,
  });
  await recordEvent(
    {
      organizationId: orgId,
      actor: creatorActor(by),
      action: "scim.token.created",
      target: { type: "token", id: row.id, label: row.prefix },
    },
    tx,
  );
  return { token, tokenInfo: toTokenInfo(row, now) };
}

/**
 * Takes the organization's ScimConfig row lock by writing it first (token-statements.ts):
 * racing requests run one after another. Returns whether SCIM is enabled.
 */
export async function lockScimConfig(tx: SqlRunner, orgId: string, now = new Date()): Promise<boolean> {
  return asBool((await tx.row(LOCK_SCIM_CONFIG, { orgId, now }))?.[0]);
}

// POST /api/organizations/[orgId]/scim/tokens — at most two active tokens.
export async function createScimToken(orgId: string, by: TokenCreator): Promise<CreatedToken> {
  return sql.transaction(async (tx) => {
    if (!(await lockScimConfig(tx, orgId)))
      throw new AppError("scim_disabled", "SCIM is not enabled for this organization. Enable it first.");
    return insertToken(tx, orgId, by);
  });
}
