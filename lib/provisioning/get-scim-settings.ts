import { db } from "../db";
import { scimBaseUrl } from "../public-origin";
import { toTokenInfo, type TokenInfo } from "./token-view";
import { MAX_ACTIVE_TOKENS } from "./token-secret";

export interface ScimSettings {
  enabled: boolean;
  enabledAt: string | null;
  baseUrl: string;
  maxActiveTokens: number;
  tokens: TokenInfo[];
}

// GET /api/organizations/[orgId]/scim — status and the undeleted tokens, newest first.
export async function getScimSettings(orgId: string, origin: string, now = new Date()): Promise<ScimSettings> {
  const [config, tokens] = await Promise.all([
    db.scimConfig.findUnique({ where: { organizationId: orgId } }),
    db.scimToken.findMany({ where: { organizationId: orgId, deletedAt: null }, orderBy: [{ createdAt: "desc" }, { id: "asc" }] }),
  ]);
  return {
    enabled: !!config?.enabled,
    enabledAt: config?.enabledAt?.toISOString() ?? null,
    baseUrl: scimBaseUrl(origin, orgId),
    maxActiveTokens: MAX_ACTIVE_TOKENS,
    tokens: tokens.map((t) => toTokenInfo(t, now)),
  };
}
