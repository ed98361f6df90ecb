import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { consoleApi, signInPersonas, type Persona } from "../../helpers/console-client";
import { createOrganization, createUnmanagedMember, type TestOrganization } from "../../helpers/fixtures";
import { baseUrl } from "../../helpers/server";

describe("members and activity: permissions checked on the server for every route", () => {
  let org: TestOrganization;
  let other: TestOrganization;
  let memberId: string;
  const cookies = {} as Record<Persona, string | null>;

  beforeAll(async () => {
    [org, other] = await Promise.all([createOrganization(), createOrganization()]);
    memberId = await createUnmanagedMember(org.orgId, `perm-${org.orgId.slice(0, 6)}@test.example`);
    Object.assign(cookies, await signInPersonas(org, other));
  });

  // Read-only calls, or writes that are refused, so the table can run in any order.
  const routes = [
    { method: "GET", path: () => `/api/organizations/${org.orgId}/members`, ok: 200 },
    { method: "GET", path: () => `/api/organizations/${org.orgId}/members?status=locked&managed=managed&sort=lastChange&page=2`, ok: 200 },
    { method: "GET", path: () => `/api/organizations/${org.orgId}/members/${memberId}`, ok: 200 },
    { method: "PATCH", path: () => `/api/organizations/${org.orgId}/members/does-not-exist`, body: { locked: true }, ok: 404 },
    { method: "DELETE", path: () => `/api/organizations/${org.orgId}/members/does-not-exist`, ok: 404 },
    { method: "GET", path: () => `/api/organizations/${org.orgId}/activity`, ok: 200 },
    { method: "GET", path: () => `/api/organizations/${org.orgId}/activity?outcome=failure&period=24h`, ok: 200 },
    { method: "GET", path: () => `/api/organizations/${org.orgId}/activity/summary`, ok: 200 },
  ];
  const expected: Record<Persona, number | "ok"> = { owner: "ok", iam: "ok", member: 403, otherOrgOwner: 404, signedOut: 401 };

  for (const route of routes) {
    for (const persona of Object.keys(expected) as Persona[]) {
      const name = route.path.toString().match(/\/(members|activity)[^`]*/)?.[0] ?? "";
      it(`${route.method} ${name} as ${persona}`, async () => {
        const res = await consoleApi<{ error?: { code: string; message: string } }>(
          cookies[persona],
          route.method,
          route.path(),
          route.body,
        );
        const want = expected[persona] === "ok" ? route.ok : expected[persona];
        expect(res.status).toBe(want);
        expect(res.headers.get("cache-control")).toContain("no-store");
        if (want >= 400) expect(res.body.error?.message).toEqual(expect.any(String));
      });
    }
  }

  it("a plain member can neither lock nor remove anyone (403, member intact)", async () => {
    expect(
      (await consoleApi(cookies.member, "PATCH", `/api/organizations/${org.orgId}/members/${memberId}`, { locked: true })).status,
    ).toBe(403);
    expect((await consoleApi(cookies.member, "DELETE", `/api/organizations/${org.orgId}/members/${memberId}`)).status).toBe(403);
    expect(await db.member.findUniqueOrThrow({ where: { id: memberId } })).toMatchObject({ locked: false });
  });

  it("another organization's owner cannot reach this organization's member through their own organization (404, intact)", async () => {
    const path = `/api/organizations/${other.orgId}/members/${memberId}`;
    expect((await consoleApi(cookies.otherOrgOwner, "GET", path)).status).toBe(404);
    expect((await consoleApi(cookies.otherOrgOwner, "PATCH", path, { locked: true })).status).toBe(404);
    expect((await consoleApi(cookies.otherOrgOwner, "DELETE", path)).status).toBe(404);
    expect(await db.member.findUniqueOrThrow({ where: { id: memberId } })).toMatchObject({ locked: false });
  });

  it("refuses cross-site writes (no Origin of ours)", async () => {
    const res = await consoleApi(
      cookies.owner,
      "PATCH",
      `/api/organizations/${org.orgId}/members/${memberId}`,
      { locked: true },
      { Origin: "https://evil.example" },
    );
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { code: "csrf" } });
  });

  for (const page of ["members", "activity"]) {
    it(`the ${page} page: shown to the owner, no-permission for a plain member, 404 for another organization, sign-in when signed out`, async () => {
      const url = `${baseUrl()}/organizations/${org.orgId}/${page}`;
      const asOwner = await fetch(url, { headers: { Cookie: cookies.owner! } });
      expect(asOwner.status).toBe(200);
      expect(await asOwner.text()).not.toContain("have permission to view this page");
      const asMember = await fetch(url, { headers: { Cookie: cookies.member! } });
      expect(asMember.status).toBe(200);
      expect(await asMember.text()).toContain("have permission to view this page");
      expect((await fetch(url, { headers: { Cookie: cookies.otherOrgOwner! } })).status).toBe(404);
      const signedOut = await fetch(url, { redirect: "manual" });
      expect([303, 307, 308]).toContain(signedOut.status);
      expect(signedOut.headers.get("location")).toContain("/login?callbackUrl=");
    });
  }
});
