import { sql } from "../db";
import { asDateOrNull } from "../db/sql";
import { statement } from "../db/sql-statement";

// One query per scrape for the token-expiry gauge: every organization with SCIM enabled, and
// the earliest expiry among its usable (undeleted, unexpired) tokens, null when it has none.

const NEXT_EXPIRIES = statement("ops_next_token_expiries")`
  SELECT c."organizationId", MIN(t."expiresAt")
  FROM "ScimConfig" c
  LEFT JOIN "ScimToken" t ON t."organizationId" = c."organizationId" AND t."deletedAt" IS NULL AND t."expiresAt" > ${"now"}
  WHERE c."enabled" = true
  GROUP BY c."organizationId"`;

export interface NextExpiry {
  organizationId: string;
  expiresAt: Date | null;
}

export async function nextTokenExpiries(now: Date): Promise<NextExpiry[]> {
  const rows = await sql.rows(NEXT_EXPIRIES, { now });
  return rows.map(([organizationId, expiresAt]) => ({ organizationId: String(organizationId), expiresAt: asDateOrNull(expiresAt) }));
}
