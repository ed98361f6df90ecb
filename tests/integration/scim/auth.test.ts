// 401 with a SCIM error body for every way a token can be unusable (ARCHITECTURE.md rules).
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashToken } from "@/lib/provisioning/token-secret";
import { createToken } from "../../helpers/fixtures";
import { ERROR, ScimClient, eventsOf, scimOrg, type ScimOrg } from "./scim-client";

async function expect401(res: { status: number; headers: Headers; body: Record<string, unknown> }, detail: RegExp) {
  expect(res.status).toBe(401);
  expect(res.headers.get("content-type")).toBe("application/scim+json; charset=utf-8");
  expect(res.headers.get("www-authenticate")).toContain("Bearer");
  expect(res.body).toEqual({ schemas: [ERROR], status: "401", detail: expect.stringMatching(detail) as unknown });
}

describe("SCIM authentication", () => {
  let a: ScimOrg;
  let b: ScimOrg;
  beforeAll(async () => {
    [a, b] = await Promise.all([scimOrg(), scimOrg()]);
  });

  it.each([
    ["no Authorization header", { token: null }, /Bearer token is required/],
    ["Basic credentials", { authorization: "Basic dXNlcjpwYXNz" }, /Bearer token is required/],
    ["an empty bearer", { authorization: "Bearer " }, /Bearer token is required/],
    ["a malformed token", { token: "not-a-scim-token" }, /not valid/],
    ["an unknown token", { token: `scim_${"A".repeat(43)}` }, /not valid/],
  ])("%s → 401", async (_label, opts, detail) => {
    await expect401(await a.scim.get("/Users", opts), detail);
  });

  it("every endpoint and method requires the token", async () => {
    for (const [method, path] of [
      ["GET", "/ServiceProviderConfig"],
      ["GET", "/Schemas"],
      ["GET", "/ResourceTypes"],
      ["GET", "/Groups"],
      ["POST", "/Users"],
      ["PATCH", "/Users/x"],
      ["PUT", "/Users/x"],
      ["DELETE", "/Users/x"],
      ["GET", "/Nope"],
    ] as const) {
      const res = await a.scim.request(method, path, method === "GET" || method === "DELETE" ? undefined : { userName: "x" }, {
        token: null,
      });
      expect(res.status, `${method} ${path}`).toBe(401);
    }
  });

  it("organization isolation: org A's token on org B's URL is 401", async () => {
    const crossed = new ScimClient(b.org.orgId, a.scim.token);
    await expect401(await crossed.get("/Users"), /not valid for this organization/);
    const created = await a.scim.post("/Users", { userName: "isolated@contoso.example" });
    expect(created.status).toBe(201);
    // B's own token on B's URL does not see A's user either.
    expect((await b.scim.get(`/Users/${created.body.id}`)).status).toBe(404);
    expect((await b.scim.findByUserName("isolated@contoso.example")).body.totalResults).toBe(0);
  });

  it("a deleted token, an expired token and disabled SCIM are refused on the next request", async () => {
    const { org, scim } = await scimOrg();
    const second = new ScimClient(org.orgId, await createToken(org));
    expect((await scim.get("/Users")).status).toBe(200);
    expect((await second.get("/Users")).status).toBe(200);

    await db.scimToken.update({ where: { hash: hashToken(scim.token) }, data: { deletedAt: new Date() } });
    await expect401(await scim.get("/Users"), /deleted/);

    await db.scimToken.update({ where: { hash: hashToken(second.token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect401(await second.get("/Users"), /expired/);

    const { org: other, scim: third } = await scimOrg();
    await db.scimConfig.update({ where: { organizationId: other.orgId }, data: { enabled: false } });
    await expect401(await third.get("/Users"), /disabled/);

    const failures = await eventsOf(org.orgId, "scim.auth.failed");
    expect(failures.map((e) => [e.actorType, e.actorLabel, e.outcome, e.status])).toEqual([
      ["anonymous", scim.token.slice(0, 11), "failure", 401],
      ["anonymous", second.token.slice(0, 11), "failure", 401],
    ]);
    expect(JSON.stringify(failures)).not.toContain(scim.token.slice(11));
  });

  it("failures are audited in the URL's organization only when it exists", async () => {
    const before = (await eventsOf(a.org.orgId, "scim.auth.failed")).length;
    await a.scim.get("/Users", { token: null });
    const after = await eventsOf(a.org.orgId, "scim.auth.failed");
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ actorType: "anonymous", outcome: "failure", status: 401 });

    const ghost = randomUUID();
    const res = await new ScimClient(ghost, a.scim.token).get("/Users");
    expect(res.status).toBe(401);
    expect(await db.auditEvent.count({ where: { organizationId: ghost } })).toBe(0);
  });
});
