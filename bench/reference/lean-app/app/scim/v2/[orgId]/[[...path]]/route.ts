// Reference 3: the leanest handler that does the work issue 14 requires of ours on these two
// requests, as one flat function: the bearer token by its SHA-256 (our statement, compared in
// constant time, organization, deletion, expiry and SCIM-enabled checked), the member with its
// groups (our statement), our resource shape and headers, a request id, a counter and a
// histogram (prom-client) and one JSON log line (gathered in 4 KB blocks). What it leaves out
// of ours: layering, the address and token throttles, the audit of refusals, `attributes`, the
// enterprise manager, the once-a-minute "last used" write. Ours ÷ this is what our structure
// costs; this ÷ the bare handler is the floor the required work sets (bench/README.md).
import { hash, randomUUID, timingSafeEqual } from "node:crypto";
import Database from "better-sqlite3";
import client from "prom-client";

export const dynamic = "force-dynamic";

const COLUMNS = `"id", "organizationId", "role", "userName", "externalId", "email", "givenName", "familyName", "displayName", "locked", "scimManaged", "scimAttributes", "version", "createdAt", "updatedAt",
  (SELECT json_group_array(json_array(g."id", g."displayName") ORDER BY g."displayNameLower", g."id") FROM "GroupMember" gm CROSS JOIN "Group" g
   WHERE gm."memberId" = "Member"."id" AND g."id" = gm."groupId" AND g."organizationId" = "Member"."organizationId")`;
type Row = unknown[];
type Queries = { token: Database.Statement; byId: Database.Statement; byUserName: Database.Statement };
let q: Queries | undefined; // opened on the first request, prepared once
function open(): Queries {
  const db = new Database(process.env.BENCH_SQLITE_FILE ?? "", { readonly: true });
  return {
    token: db
      .prepare(
        `SELECT t."id", t."hash", t."organizationId", t."expiresAt", t."deletedAt", c."enabled" FROM "ScimToken" t LEFT JOIN "ScimConfig" c ON c."organizationId" = t."organizationId" WHERE t."hash" = ?`,
      )
      .raw(true),
    byId: db.prepare(`SELECT ${COLUMNS} FROM "Member" WHERE "id" = ? AND "organizationId" = ? AND "scimManaged" = true`).raw(true),
    byUserName: db
      .prepare(`SELECT ${COLUMNS} FROM "Member" WHERE "organizationId" = ? AND "userNameLower" = ? AND "scimManaged" = true`)
      .raw(true),
  };
}

const requests = new client.Counter({
  name: "lean_requests_total",
  help: "SCIM requests",
  labelNames: ["method", "resource", "status", "scim_type"],
});
const duration = new client.Histogram({
  name: "lean_request_duration_seconds",
  help: "SCIM request duration",
  labelNames: ["method", "resource"],
});
const ok = requests.labels("GET", "Users", "200", "");
const seconds = duration.labels("GET", "Users");

let lines: string[] = [];
let length = 0;
const writeLines = () => {
  if (!lines.length) return;
  process.stdout.write(lines.join(""));
  lines = [];
  length = 0;
};
setInterval(writeLines, 200).unref();

const HEADERS = {
  "Content-Type": "application/scim+json; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
};
const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

function refuse(status: number, detail: string, reqId: string): Response {
  return new Response(JSON.stringify({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: String(status), detail }), {
    status,
    headers: { ...HEADERS, "X-Request-Id": reqId },
  });
}

function toUser(r: Row, base: string): Record<string, unknown> {
  const stored = JSON.parse(String(r[11] ?? "{}")) as Record<string, unknown>;
  const groups = (JSON.parse(String(r[15] ?? "[]")) as [string, string][]).map(([id, display]) => ({
    value: id,
    $ref: `${base}/Groups/${id}`,
    display,
    type: "direct",
  }));
  return {
    schemas: stored[ENTERPRISE] ? [USER, ENTERPRISE] : [USER],
    id: r[0],
    ...(r[4] !== null ? { externalId: r[4] } : {}),
    userName: r[3],
    ...stored,
    active: r[9] !== 1,
    ...(groups.length ? { groups } : {}),
    meta: {
      resourceType: "User",
      created: new Date(String(r[13])).toISOString(),
      lastModified: new Date(String(r[14])).toISOString(),
      location: `${base}/Users/${r[0]}`,
      version: `W/"${r[12]}"`,
    },
  };
}

export async function GET(req: Request, ctx: { params: Promise<{ orgId: string; path?: string[] }> }) {
  const started = performance.now();
  const { orgId, path = [] } = await ctx.params;
  const reqId = randomUUID();
  const queries = (q ??= open());
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.get("authorization") ?? "")?.[1];
  if (!bearer) return refuse(401, "Authorization header with a Bearer token is required.", reqId);
  const digest = hash("sha256", bearer, "buffer");
  const t = queries.token.get(digest.toString("hex")) as Row | undefined;
  const valid =
    t &&
    timingSafeEqual(Buffer.from(String(t[1]), "hex"), digest) &&
    t[2] === orgId &&
    t[4] === null &&
    Date.parse(String(t[3])) > Date.now() &&
    t[5] === 1;
  if (!valid) return refuse(401, "The bearer token is not valid.", reqId);

  const url = new URL(req.url);
  const base = `${url.origin}/scim/v2/${orgId}`;
  let res: Response;
  if (path.length === 2 && path[0] === "Users") {
    const r = queries.byId.get(path[1], orgId) as Row | undefined;
    if (!r) return refuse(404, "not found", reqId);
    const user = toUser(r, base);
    res = new Response(JSON.stringify(user), {
      status: 200,
      headers: { ...HEADERS, Location: (user.meta as { location: string }).location, "X-Request-Id": reqId },
    });
  } else if (path.length === 1 && path[0] === "Users") {
    const m = /^userName eq "(.*)"$/.exec(url.searchParams.get("filter") ?? "");
    if (!m) return refuse(400, "invalidFilter", reqId);
    const rows = (queries.byUserName.all(orgId, m[1]!.toLowerCase()) as Row[]).map((r) => toUser(r, base));
    const body = {
      schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
      totalResults: rows.length,
      startIndex: 1,
      itemsPerPage: rows.length,
      Resources: rows,
    };
    res = new Response(JSON.stringify(body), { status: 200, headers: { ...HEADERS, "X-Request-Id": reqId } });
  } else {
    return refuse(404, "not found", reqId);
  }

  const s = (performance.now() - started) / 1000;
  ok.inc();
  seconds.observe(s);
  const route = path.length === 2 ? "/scim/v2/[orgId]/Users/[id]" : "/scim/v2/[orgId]/Users";
  const line = `${JSON.stringify({ level: "info", time: new Date().toISOString(), pid: process.pid, reqId, face: "scim", method: "GET", route, orgId, status: 200, ms: Math.round(s * 1e6) / 1e3, msg: "request" })}\n`;
  lines.push(line);
  length += line.length;
  if (length >= 4096) writeLines();
  return res;
}
