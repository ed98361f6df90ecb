// Every state-changing console route refuses a cross-site request: a signed-in owner's
// cookie with a foreign Origin (or none) is 403 "csrf" and changes nothing. The table is
// checked against the route files, so a new POST/PUT/PATCH/DELETE route must be added here.
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/manage-api-keys";
import { db } from "@/lib/db";
import { signIn } from "../../helpers/console-client";
import { createOrganization, createUnmanagedMember, enableScimWithToken, type TestOrganization } from "../../helpers/fixtures";
import { baseUrl } from "../../helpers/server";
import { hardeningReport } from "../../fuzz/hardening-report";

const report = hardeningReport("abuse-csrf");
const API_ROOT = path.join("app", "api", "organizations");

/** "POST /api/organizations/[orgId]/scim/enable" for every state-changing export under app/api/organizations. */
function stateChangingRoutes(dir = API_ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return stateChangingRoutes(full);
    if (entry.name !== "route.ts") return [];
    const url = "/" + path.dirname(full).split(path.sep).slice(1).join("/");
    const methods = [...readFileSync(full, "utf8").matchAll(/export const (POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
    return methods.map((m) => `${m} ${url}`);
  });
}

interface Fixture {
  disabledOrg: TestOrganization; // SCIM off: the target of "enable"
  org: TestOrganization; // SCIM on, with a token and an unmanaged member
  tokenId: string;
  memberId: string;
  apiKeyId: string;
  groupId: string; // a group of org, unmapped
  cookie: string; // the owner of both organizations
}

type Case = { url: (f: Fixture) => string; body?: unknown };

const CASES: Record<string, Case> = {
  "POST /api/organizations/[orgId]/scim/enable": { url: (f) => `/api/organizations/${f.disabledOrg.orgId}/scim/enable` },
  "POST /api/organizations/[orgId]/scim/disable": {
    url: (f) => `/api/organizations/${f.org.orgId}/scim/disable`,
    body: { confirm: "Disable" },
  },
  "POST /api/organizations/[orgId]/scim/tokens": { url: (f) => `/api/organizations/${f.org.orgId}/scim/tokens` },
  "DELETE /api/organizations/[orgId]/scim/tokens/[tokenId]": { url: (f) => `/api/organizations/${f.org.orgId}/scim/tokens/${f.tokenId}` },
  "POST /api/organizations/[orgId]/api-keys": {
    url: (f) => `/api/organizations/${f.org.orgId}/api-keys`,
    body: { name: "cross-site", expiresInDays: 30 },
  },
  "DELETE /api/organizations/[orgId]/api-keys/[keyId]": { url: (f) => `/api/organizations/${f.org.orgId}/api-keys/${f.apiKeyId}` },
  "PATCH /api/organizations/[orgId]/members/[memberId]": {
    url: (f) => `/api/organizations/${f.org.orgId}/members/${f.memberId}`,
    body: { locked: true },
  },
  "DELETE /api/organizations/[orgId]/members/[memberId]": { url: (f) => `/api/organizations/${f.org.orgId}/members/${f.memberId}` },
  "PUT /api/organizations/[orgId]/groups/[groupId]/mapping": {
    url: (f) => `/api/organizations/${f.org.orgId}/groups/${f.groupId}/mapping`,
    body: { permission: "iam" },
  },
  "PUT /api/organizations/[orgId]/sso": {
    url: (f) => `/api/organizations/${f.org.orgId}/sso`,
    body: {
      protocol: "saml",
      enabled: true,
      requireSso: true,
      saml: { entityId: "https://evil.example", ssoUrl: "https://evil.example/sso", certificates: ["x"] },
    },
  },
  "POST /api/organizations/[orgId]/sso/test": { url: (f) => `/api/organizations/${f.org.orgId}/sso/test` },
};

const origins = (): [string, string | null][] => [
  ["a foreign Origin", "https://evil.example"],
  ["a look-alike Origin", `${baseUrl()}.evil.example`],
  ["another port", baseUrl().replace(/:(\d+)$/, (_m, port: string) => `:${Number(port) + 1}`)],
  ['Origin "null" (sandboxed frame)', "null"],
  ["no Origin", null],
];

async function send(f: Fixture, c: Case, method: string, origin: string | null) {
  const headers: Record<string, string> = { Cookie: f.cookie, "Content-Type": "application/json" };
  if (origin !== null) headers.Origin = origin;
  report.requests++;
  const res = await fetch(`${baseUrl()}${c.url(f)}`, {
    method,
    headers,
    body: c.body === undefined ? undefined : JSON.stringify(c.body),
    redirect: "manual",
  });
  return { status: res.status, body: (await res.json()) as { error?: { code?: string } } };
}

/** Everything these routes could change, for both organizations. */
async function snapshot(f: Fixture) {
  const orgIds = [f.org.orgId, f.disabledOrg.orgId];
  return {
    configs: await db.scimConfig.findMany({ where: { organizationId: { in: orgIds } }, orderBy: { organizationId: "asc" } }),
    tokens: await db.scimToken.findMany({
      where: { organizationId: { in: orgIds } },
      select: { id: true, deletedAt: true },
      orderBy: { id: "asc" },
    }),
    members: await db.member.findMany({
      where: { organizationId: { in: orgIds } },
      select: { id: true, locked: true },
      orderBy: { id: "asc" },
    }),
    events: await db.auditEvent.count({ where: { organizationId: { in: orgIds } } }),
    apiKeys: await db.apiKey.findMany({
      where: { organizationId: { in: orgIds } },
      select: { id: true, deletedAt: true },
      orderBy: { id: "asc" },
    }),
    mappings: await db.groupMapping.count({ where: { organizationId: { in: orgIds } } }),
    sso: await db.ssoConnection.findMany({ where: { organizationId: { in: orgIds } } }),
    ssoRequests: await db.ssoRequest.count({ where: { organizationId: { in: orgIds } } }),
  };
}

describe("cross-site requests to the console API", () => {
  let f: Fixture;
  beforeAll(async () => {
    const org = await createOrganization();
    const disabledOrg = await createOrganization();
    // One owner for both: move disabledOrg's owner membership onto org's owner account.
    await db.member.update({ where: { id: disabledOrg.owner.memberId }, data: { userId: org.owner.userId } });
    await enableScimWithToken(org);
    const token = await db.scimToken.findFirstOrThrow({ where: { organizationId: org.orgId } });
    const memberId = await createUnmanagedMember(org.orgId, `csrf-${org.orgId.slice(0, 8)}@contoso.example`);
    const cookie = await signIn(org.owner.email, org.owner.password);
    if (!cookie) throw new Error("could not sign in");
    const { apiKey } = await createApiKey(
      org.orgId,
      { name: "csrf target", expiresInDays: 30 },
      { userId: org.owner.userId, email: org.owner.email },
    );
    const groupId = randomUUID();
    await db.group.create({
      data: { id: groupId, organizationId: org.orgId, displayName: "CSRF group", displayNameLower: "csrf group", scimAttributes: "{}" },
    });
    f = { org, disabledOrg, tokenId: token.id, memberId, apiKeyId: apiKey.id, groupId, cookie };
  });

  it("the table covers every state-changing route", () => {
    expect(stateChangingRoutes().sort()).toEqual(Object.keys(CASES).sort());
  });

  it.each(Object.keys(CASES))("%s refuses cross-site requests and changes nothing", async (route) => {
    const method = route.split(" ")[0]!;
    const c = CASES[route]!;
    const before = await snapshot(f);
    for (const [label, origin] of origins()) {
      const res = await send(f, c, method, origin);
      report.cases++;
      expect(res.status, `${route} with ${label}`).toBe(403);
      expect(res.body.error?.code, `${route} with ${label}`).toBe("csrf");
    }
    expect(await snapshot(f)).toEqual(before);
  });

  it("the same request from the console's own origin goes through (the table hits real routes)", async () => {
    const res = await send(f, CASES["PATCH /api/organizations/[orgId]/members/[memberId]"]!, "PATCH", baseUrl());
    expect(res.status).toBe(200);
    expect((await db.member.findUniqueOrThrow({ where: { id: f.memberId } })).locked).toBe(true);
  });
});
