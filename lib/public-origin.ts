import { config } from "./config";

/**
 * The origin users and IdPs reach us at: APP_URL when configured (recommended behind a
 * proxy), else what the request says (X-Forwarded-* from a trusted proxy, then Host).
 */
export function publicOrigin(headers: Headers): string {
  const configured = config.APP_URL; // without trailing slashes (lib/config/rules.ts)
  if (configured) return configured;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host") || "localhost:3000";
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  return `${proto}://${host}`;
}

export function scimBaseUrl(origin: string, orgId: string): string {
  return `${origin}/scim/v2/${orgId}`;
}
