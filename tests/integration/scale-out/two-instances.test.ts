// Two app instances on one PostgreSQL database, as behind a load balancer. Every limit and
// every revocation must hold across instances: they share nothing but the database.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { consoleApiAt, signIn } from "../../helpers/console-client";
import { createOrganization, enableScimWithToken, type TestOrganization } from "../../helpers/fixtures";
import { baseUrl } from "../../helpers/server";
import { startServer, type RunningServer } from "../../setup/server-process";

const SCIM_JSON = "application/scim+json";

function scim(base: string, orgId: string, token: string, method: string, p: string, body?: unknown) {
  return fetch(`${base}/scim/v2/${orgId}${p}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": SCIM_JSON, Accept: SCIM_JSON },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe("two app instances on one database", () => {
  let second: RunningServer;
  let a: string;
  let b: string;
  let org: TestOrganization;
  let token: string;

  beforeAll(async () => {
    second = await startServer({
      databaseUrl: inject("databaseUrl"),
      logFile: path.join(mkdtempSync(path.join(tmpdir(), "scim-b-")), "server.log"),
    });
    a = baseUrl();
    b = second.baseUrl;
    org = await createOrganization();
    token = await enableScimWithToken(org);
  }, 90_000);
  afterAll(async () => second?.stop());

  it("concurrent 'generate token' clicks through both instances never make three active tokens", async () => {
    const [ca, cb] = await Promise.all([signIn(org.owner.email, org.owner.password, a), signIn(org.owner.email, org.owner.password, b)]);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        i % 2
          ? consoleApiAt(b, cb, "POST", `/api/organizations/${org.orgId}/scim/tokens`)
          : consoleApiAt(a, ca, "POST", `/api/organizations/${org.orgId}/scim/tokens`),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(9);
    expect(await db.scimToken.count({ where: { organizationId: org.orgId, deletedAt: null } })).toBe(2);
  });

  it("the same userName POSTed concurrently to both instances makes exactly one member", async () => {
    const user = {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: `race-${Date.now()}@contoso.com`,
      name: { givenName: "Race", familyName: "Condition" },
      active: true,
    };
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => scim(i % 2 ? b : a, org.orgId, token, "POST", "/Users", user)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(11);
    const conflict = (await results[statuses.indexOf(409)]!.json()) as { scimType: string; status: string };
    expect(conflict).toMatchObject({ scimType: "uniqueness", status: "409" });
    expect(await db.member.count({ where: { organizationId: org.orgId, userNameLower: user.userName.toLowerCase() } })).toBe(1);
  });

  it("a token deleted through one instance is refused by the other on its very next request", async () => {
    const extra = await db.scimToken.findFirstOrThrow({
      where: { organizationId: org.orgId, deletedAt: null },
      orderBy: { createdAt: "asc" },
    });
    expect((await scim(b, org.orgId, token, "GET", "/Users?count=1")).status).toBe(200);
    const cookie = await signIn(org.owner.email, org.owner.password, a);
    expect((await consoleApiAt(a, cookie, "DELETE", `/api/organizations/${org.orgId}/scim/tokens/${extra.id}`)).status).toBe(200);
    const res = await scim(b, org.orgId, token, "GET", "/Users?count=1");
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "401" });
  });

  it("a member locked via SCIM on one instance cannot use the console through the other", async () => {
    const fresh = await createOrganization();
    const t = await enableScimWithToken(fresh);
    const cookieB = await signIn(fresh.iam.email, fresh.iam.password, b);
    expect((await consoleApiAt(b, cookieB, "GET", `/api/organizations/${fresh.orgId}/scim`)).status).toBe(200);
    // The IdP claims the IAM manager by userName (adoption), then deactivates them.
    const created = await scim(a, fresh.orgId, t, "POST", "/Users", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: fresh.iam.email,
      active: true,
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect(id).toBe(fresh.iam.memberId);
    const patched = await scim(a, fresh.orgId, t, "PATCH", `/Users/${id}`, {
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [{ op: "replace", path: "active", value: false }],
    });
    expect(patched.status).toBe(200);
    expect((await consoleApiAt(b, cookieB, "GET", `/api/organizations/${fresh.orgId}/scim`)).status).toBe(403);
    expect(await signIn(fresh.iam.email, fresh.iam.password, b)).toBeNull();
  });
});
