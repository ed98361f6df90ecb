// Replays Okta's documented SCIM 2.0 flows (IDP-REQUESTS.md): test connector, assign,
// profile update and (de)activation through GET → PUT, OIN-style PATCH, paged import.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { CORE, LIST, eventsOf, scimOrg, uniqueUserName } from "./scim-client";

function oktaUser(userName: string) {
  return {
    schemas: [CORE],
    userName,
    name: { givenName: "Test", familyName: "User" },
    emails: [{ primary: true, value: userName, type: "work" }],
    displayName: "Test User",
    locale: "en-US",
    externalId: "00ujl29u0le5T6Aj10h7",
    groups: [],
    password: "1mz050nq",
    active: true,
  };
}

const json = { contentType: "application/json" };

describe("Okta cycle", () => {
  it("test connector: count=2 and Groups with count=100 answer integer ListResponses", async () => {
    const { scim } = await scimOrg();
    await scim.post("/Users", oktaUser(uniqueUserName("a")), json);
    await scim.post("/Users", oktaUser(uniqueUserName("b")), json);
    await scim.post("/Users", oktaUser(uniqueUserName("c")), json);
    const users = await scim.get("/Users?startIndex=1&count=2");
    expect(users.status).toBe(200);
    expect(users.body).toMatchObject({ schemas: [LIST], totalResults: 3, startIndex: 1, itemsPerPage: 2 });
    expect(users.body.Resources).toHaveLength(2);
    const groups = await scim.get("/Groups?startIndex=1&count=100");
    expect(groups.body).toEqual({ schemas: [LIST], totalResults: 0, startIndex: 1, itemsPerPage: 0, Resources: [] });
  });

  it("assign, profile update via GET → PUT, deactivate and reactivate via PUT and via PATCH", async () => {
    const { org, scim } = await scimOrg();
    const sent = oktaUser(uniqueUserName("test.user"));

    // Assign: search, nothing found, POST (application/json) → 201 with a body.
    const search = await scim.findByUserName(sent.userName, "&startIndex=1&count=100");
    expect(search.body.totalResults).toBe(0);
    const created = await scim.post("/Users", sent, json);
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe(`${scim.base}/Users/${created.body.id}`);
    const { password: _p, groups: _g, schemas: _s, ...expected } = sent;
    expect(created.body).toMatchObject(expected);
    expect(created.body).not.toHaveProperty("password");
    const id = created.body.id as string;
    const stored = await db.member.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(stored)).not.toContain(sent.password);

    // Profile update: GET, change, PUT the whole object back (id, meta, groups included).
    const read = await scim.get(`/Users/${id}`);
    expect(read.status).toBe(200);
    const put = await scim.put(
      `/Users/${id}`,
      { ...read.body, groups: [], name: { givenName: "Tess", familyName: "User" }, title: "Engineer" },
      json,
    );
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ id, name: { givenName: "Tess", familyName: "User" }, title: "Engineer", displayName: "Test User" });
    expect(await db.member.findUniqueOrThrow({ where: { id } })).toMatchObject({ givenName: "Tess", displayName: "Tess User", version: 2 });

    // GET → PUT of an unchanged object changes nothing (no version bump, no audit noise).
    const unchanged = await scim.put(`/Users/${id}`, { ...put.body, groups: [] }, json);
    expect(unchanged.body.meta.version).toBe('W/"2"');

    // Deactivate and reactivate through PUT.
    const off = await scim.put(`/Users/${id}`, { ...(await scim.get(`/Users/${id}`)).body, active: false }, json);
    expect(off.body.active).toBe(false);
    expect((await db.member.findUniqueOrThrow({ where: { id } })).locked).toBe(true);
    const on = await scim.put(`/Users/${id}`, { ...off.body, active: true }, json);
    expect(on.body.active).toBe(true);
    expect((await db.member.findUniqueOrThrow({ where: { id } })).locked).toBe(false);

    // OIN catalog apps deactivate with a path-less PATCH.
    const patched = await scim.patch(`/Users/${id}`, [{ op: "replace", value: { active: false } }], json);
    expect(patched.status).toBe(200);
    expect(patched.body.active).toBe(false);
    expect((await db.member.findUniqueOrThrow({ where: { id } })).locked).toBe(true);

    const actions = (await eventsOf(org.orgId)).filter((e) => e.targetId === id).map((e) => e.action);
    expect(actions).toEqual(["scim.user.created", "scim.user.updated", "scim.user.locked", "scim.user.unlocked", "scim.user.locked"]);
  });

  it("import: pages of 100 are stable, complete and without duplicates", async () => {
    const { scim } = await scimOrg();
    const total = 230;
    for (let i = 0; i < total; i += 10) {
      const batch = Array.from({ length: Math.min(10, total - i) }, (_, k) =>
        scim.post("/Users", oktaUser(`import.${String(i + k).padStart(3, "0")}@okta.local`), json),
      );
      expect((await Promise.all(batch)).every((r) => r.status === 201)).toBe(true);
    }
    const seen: string[] = [];
    for (let startIndex = 1; ; startIndex += 100) {
      const page = await scim.get(`/Users?startIndex=${startIndex}&count=100`);
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ totalResults: total, startIndex, itemsPerPage: page.body.Resources.length });
      expect(Number.isInteger(page.body.totalResults) && Number.isInteger(page.body.itemsPerPage)).toBe(true);
      seen.push(...page.body.Resources.map((r: { id: string }) => r.id));
      if (startIndex + 100 > page.body.totalResults) break;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    // The same pages again come back in the same order.
    const again = await scim.get("/Users?startIndex=101&count=100");
    expect(again.body.Resources.map((r: { id: string }) => r.id)).toEqual(seen.slice(100, 200));
  });
});
