import { db } from "../db";
import { scimBaseUrl } from "../public-origin";
import type { ScimSettings } from "./schemas";
import { expiryWarning, provisioningStopped } from "./token-health";
import { toTokenInfo } from "./token-view";
import { MAX_ACTIVE_TOKENS } from "./token-secret";

export type { ScimSettings };

// GET /api/organizations/[orgId]/scim — status, the undeleted tokens (newest first), and the
// expiry warning and "provisioning has stopped" state the banners show. `now` is injectable.
export async function getScimSettings(orgId: string, origin: string, now = new Date()): Promise<ScimSettings> {
  const [config, tokens] = await Promise.all([
    db.scimConfig.findUnique({ where: { organizationId: orgId } }),
    db.scimToken.findMany({ where: { organizationId: orgId, deletedAt: null }, orderBy: [{ createdAt: "desc" }, { id: "asc" }] }),
  ]);
  const enabled = !!config?.enabled;
  return {
    enabled,
    enabledAt: config?.enabledAt?.toISOString() ?? null,
    baseUrl: scimBaseUrl(origin, orgId),
    maxActiveTokens: MAX_ACTIVE_TOKENS,
    tokens: tokens.map((t) => toTokenInfo(t, now)),
    expiry: expiryWarning(tokens, enabled, now),
    stopped: await provisioningStopped(orgId, tokens, enabled, now),
  };
}
