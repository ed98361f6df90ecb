// Label values for metrics and fields of the request log line: each is one of a bounded set
// (or the route pattern of a file that exists), never a user name, an email, an id from a URL
// or a credential. Pure, so tests/unit/ops/labels.test.ts can throw anything at them.

const SCIM_RESOURCES: Record<string, string> = {
  users: "Users",
  groups: "Groups",
  serviceproviderconfig: "ServiceProviderConfig",
  serviceconfiguration: "ServiceProviderConfig",
  resourcetypes: "ResourceTypes",
  schemas: "Schemas",
  bulk: "Bulk",
  me: "Me",
};

/** The SCIM resource a path names ("Users", "Groups", …), "root" for the base URL, "other" for anything else. */
export function scimResource(first: string | undefined): string {
  if (first === undefined || first === "") return "root";
  const key = first.toLowerCase();
  return Object.hasOwn(SCIM_RESOURCES, key) ? (SCIM_RESOURCES[key] ?? "other") : "other";
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

export const methodLabel = (method: string): string => (METHODS.has(method) ? method : "other");

// RFC 7644 §3.12, table 9.
const SCIM_TYPES = new Set([
  "invalidFilter",
  "tooMany",
  "uniqueness",
  "mutability",
  "invalidSyntax",
  "invalidPath",
  "noTarget",
  "invalidValue",
  "invalidVers",
  "sensitive",
]);

export const scimTypeLabel = (scimType: string | undefined): string =>
  scimType === undefined ? "" : SCIM_TYPES.has(scimType) ? scimType : "other";

/** An HTTP status as a label: three digits, or "other". */
export const statusLabel = (status: number): string =>
  Number.isInteger(status) && status >= 100 && status <= 599 ? String(status) : "other";

/**
 * The route pattern of a console API request: each path segment that is a route parameter's
 * value becomes `[name]` (`/api/organizations/[orgId]/members/[memberId]`). Next routes only
 * to files that exist, so the set of patterns is the set of route files.
 */
export function routePattern(pathname: string, params: object): string {
  const entries = Object.entries(params) as [string, unknown][];
  const names = new Map<string, string>();
  for (const [name, value] of entries) {
    if (typeof value === "string") names.set(value, `[${name}]`);
  }
  const segments = pathname.split("/").map((segment) => {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // not percent-encoded text: compare as sent
    }
    // A static segment is the route file's own name; anything else stands for nothing we list.
    return names.get(decoded) ?? names.get(segment) ?? (STATIC_SEGMENT.test(decoded) ? decoded : "[?]");
  });
  if (segments.length > 1 && segments.at(-1) === "") segments.pop(); // "/members/" is "/members"
  const catchAll = entries.find(([, v]) => Array.isArray(v));
  // A catch-all's values are the rest of the path: one pattern for all of them.
  if (catchAll && Array.isArray(catchAll[1]) && catchAll[1].length > 0)
    segments.splice(segments.length - catchAll[1].length, catchAll[1].length, `[...${catchAll[0]}]`);
  return segments.join("/").slice(0, 200);
}

const STATIC_SEGMENT = /^[a-z0-9._-]{0,40}$/;

// Organization ids are cuids (no "_": Okta refuses base URLs with one): anything else from a
// URL is not logged as one, so a URL cannot smuggle text (a token pasted in the path) into a log.
const ORG_ID = /^[A-Za-z0-9-]{1,64}$/;

export const orgIdField = (orgId: string | undefined): string | undefined =>
  orgId !== undefined && ORG_ID.test(orgId) ? orgId : undefined;

// What a trusted proxy may send as X-Request-Id: a UUID, a hex trace id, "abc-123.4:5".
const REQUEST_ID = /^[A-Za-z0-9.:-]{1,128}$/;

/** The proxy's request id when TRUST_PROXY says a proxy is in front and the id has a plain shape; otherwise null (generate one). */
export function trustedRequestId(sent: string | null, trustedHops: number): string | null {
  return trustedHops > 0 && sent !== null && REQUEST_ID.test(sent) ? sent : null;
}
