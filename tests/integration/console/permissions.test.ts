import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { consoleApi, signIn, signInPersonas, type Persona } from "../../helpers/console-client";
import { createOrganization, enableScimWithToken, type TestOrganization } from "../../helpers/fixtures";
import { baseUrl } from "../../helpers/server";

describe("console API permissions, checked on the server for every route", () => {
  let org: TestOrganization;
  let other: TestOrganization;
  const cookies = {} as Record<Persona, string | null>;
  let tokenId: string;

  beforeAll(async () => {
    org = await createOrganization();
    other = await createOrganization();
    await enableScimWithToken(org);
    tokenId = (await db.scimToken.findFirstOrThrow({ where: { organizationId: org.orgId } })).id;
    Object.assign(cookies, await signInPersonas(org, other));
  });

  // Read-only and refused calls only, so the table can run in any order.
  const routes = [
    { method: "GET", path: () => `/api/organizations/${org.orgId}/scim`, ok: 200 },
    { method: "POST", path: () => `/api/organizations/${org.orgId}/scim/enable`, ok: 409 }, // already enabled
    { method: "POST", path: () => `/api/organizations/${org.orgId}/scim/disable`, body: { confirm: "no" }, ok: 400 },
    { method: "DELETE", path: () => `/api/organizations/${org.orgId}/scim/tokens/does-not-exist`, ok: 404 },
  ];
  const expected: Record<Persona, number | "ok"> = { owner: "ok", iam: "ok", member: 403, otherOrgOwner: 404, signedOut: 401 };

  for (const route of routes) {
    for (const persona of Object.keys(expected) as Persona[]) {
      it(`${route.method} ${route.path.toString().match(/scim[^`]*/)?.[0]} as ${persona}`, async () => {
        const res = await consoleApi<{ error?: { code: string; message: string } }>(
          cookies[persona],
          route.method,
          route.path(),
          route.body,
        );
        const want = expected[persona] === "ok" ? route.ok : expected[persona];
        expect(res.status).toBe(want);
        if (want >= 400) expect(res.body.error?.message).toEqual(expect.any(String));
      });
    }
  }

  it("a plain member cannot create tokens, and nothing is created", async () => {
    const before = await db.scimToken.count({ where: { organizationId: org.orgId } });
    const res = await consoleApi(cookies.member, "POST", `/api/organizations/${org.orgId}/scim/tokens`);
    expect(res.status).toBe(403);
    expect(await db.scimToken.count({ where: { organizationId: org.orgId } })).toBe(before);
  });

  it("another organization's owner cannot delete this organization's token (404, token intact)", async () => {
    const res = await consoleApi(cookies.otherOrgOwner, "DELETE", `/api/organizations/${other.orgId}/scim/tokens/${tokenId}`);
    expect(res.status).toBe(404);
    expect((await db.scimToken.findUniqueOrThrow({ where: { id: tokenId } })).deletedAt).toBeNull();
  });

  it("lists only the session user's organizations", async () => {
    const res = await consoleApi<{ organizations: { id: string }[] }>(cookies.owner, "GET", "/api/organizations");
    expect(res.status).toBe(200);
    expect(res.body.organizations.map((o) => o.id)).toEqual([org.orgId]);
    expect((await consoleApi(null, "GET", "/api/organizations")).status).toBe(401);
  });

  it("the settings page shows the no-permission message to a plain member", async () => {
    const res = await fetch(`${baseUrl()}/organizations/${org.orgId}/settings/scim`, { headers: { Cookie: cookies.member! } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("have permission to view this page");
  });

  it("a member of another organization gets a 404 page", async () => {
    const res = await fetch(`${baseUrl()}/organizations/${org.orgId}/settings/scim`, { headers: { Cookie: cookies.otherOrgOwner! } });
    expect(res.status).toBe(404);
  });
});

describe("locked members", () => {
  it("cannot sign in, and lose access on their next request when locked while signed in", async () => {
    const org = await createOrganization();
    const cookie = await signIn(org.iam.email, org.iam.password);
    expect(cookie).toBeTruthy();
    expect((await consoleApi(cookie, "GET", `/api/organizations/${org.orgId}/scim`)).status).toBe(200);

    await db.member.update({ where: { id: org.iam.memberId }, data: { locked: true } });
    const res = await consoleApi(cookie, "GET", `/api/organizations/${org.orgId}/scim`);
    expect(res.status).toBe(403);
    expect(await signIn(org.iam.email, org.iam.password)).toBeNull();

    await db.member.update({ where: { id: org.iam.memberId }, data: { locked: false } });
    expect(await signIn(org.iam.email, org.iam.password)).toBeTruthy();
  });

  it("a wrong password does not sign in", async () => {
    const org = await createOrganization();
    expect(await signIn(org.owner.email, "wrong password")).toBeNull();
    expect(await signIn("nobody@test.example", "wrong password")).toBeNull();
  });
});
