import { sql } from "../db";
import { asBool, asDate, asDateOrNull, asText, type Row } from "../db/sql";
import { statement } from "../db/sql-statement";

// The token check every SCIM request makes, and the throttled "last used" write: prepared
// statements (lib/db/sql.ts), re-read on every request so that a deleted token or a disabled
// organization is refused on the very next one, on every instance.

export interface TokenRow {
  id: string;
  hash: string;
  prefix: string;
  organizationId: string;
  expiresAt: Date;
  deletedAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedClient: string | null;
  scimEnabled: boolean;
}

const TOKEN_BY_HASH = statement("scim_token_by_hash")`
  SELECT t."id", t."hash", t."prefix", t."organizationId", t."expiresAt", t."deletedAt", t."lastUsedAt", t."lastUsedClient", c."enabled"
  FROM "ScimToken" t LEFT JOIN "ScimConfig" c ON c."organizationId" = t."organizationId" WHERE t."hash" = ${"hash"}`;

const TOUCH_TOKEN = statement("scim_token_touch_client")`
  UPDATE "ScimToken" SET "lastUsedAt" = ${"now"}, "lastUsedClient" = ${"client"}, "lastUsedAddress" = ${"address"} WHERE "id" = ${"id"}`;

export function tokenByHash(hash: string): Promise<TokenRow | null> {
  return sql.row(TOKEN_BY_HASH, { hash }).then(tokenFrom);
}

function tokenFrom(r: Row | undefined): TokenRow | null {
  if (!r) return null;
  const [id, h, prefix, organizationId, expiresAt, deletedAt, lastUsedAt, lastUsedClient, enabled] = r;
  return {
    id: String(id),
    hash: String(h),
    prefix: String(prefix),
    organizationId: String(organizationId),
    expiresAt: asDate(expiresAt),
    deletedAt: asDateOrNull(deletedAt),
    lastUsedAt: asDateOrNull(lastUsedAt),
    lastUsedClient: asText(lastUsedClient),
    scimEnabled: asBool(enabled),
  };
}

export interface TokenUse {
  client: string;
  address: string;
}

/** One UPDATE: when it was used, by which kind of client and from which address. */
export async function touchToken(id: string, now: Date, use: TokenUse): Promise<void> {
  await sql.run(TOUCH_TOKEN, { id, now, client: use.client, address: use.address });
}
