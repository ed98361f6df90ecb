// ARCHITECTURE.md: the SCIM API sees only members the IdP manages; a POST naming an
// unmanaged member adopts it; the owner cannot be locked or deleted; duplicates are 409.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUnmanagedMember } from "../../helpers/fixtures";
import { eventsOf, scimOrg, uniqueUserName } from "./scim-client";

describe("adoption of pre-existing members", () => {
  it("unmanaged members are invisible until a POST adopts them, keeping their id", async () => {
    const { org, scim } = await scimOrg();
    const userName = uniqueUserName("Alice.Martin");
    const memberId = await createUnmanagedMember(org.orgId, userName, "Alice", "Martin");

    // Console members (owner, IAM manager, member) and the unmanaged one are not listed.
    expect((await scim.get("/Users")).body.totalResults).toBe(0);
    expect((await scim.findByUserName(userName)).body.totalResults).toBe(0);
    expect((await scim.get(`/Users/${memberId}`)).status).toBe(404);
    expect((await scim.findByUserName(org.owner.email)).body.totalResults).toBe(0);

    const res = await scim.post("/Users", {
      userName: userName.toUpperCase(),
      name: { givenName: "Alicia", familyName: "Martin" },
      emails: [{ value: "alicia@contoso.example", type: "work", primary: true }],
      externalId: "ext-1",
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: memberId, userName: userName.toUpperCase(), name: { givenName: "Alicia" }, externalId: "ext-1" });
    expect(await db.member.findUniqueOrThrow({ where: { id: memberId }, include: { emails: true } })).toMatchObject({
      scimManaged: true,
      userName: userName.toUpperCase(),
      givenName: "Alicia",
      displayName: "Alicia Martin",
      email: "alicia@contoso.example",
      emails: [expect.objectContaining({ valueLower: "alicia@contoso.example", type: "work", primary: true })],
      version: 2,
    });
    expect((await eventsOf(org.orgId, "scim.user.adopted")).map((e) => [e.targetId, e.targetLabel])).toEqual([
      [memberId, userName.toUpperCase()],
    ]);

    // Now it is the IdP's: listed, and a second POST is a duplicate.
    expect((await scim.findByUserName(userName)).body.Resources[0].id).toBe(memberId);
    const again = await scim.post("/Users", { userName });
    expect(again.status).toBe(409);
    expect(again.body.scimType).toBe("uniqueness");
    expect(await db.member.count({ where: { organizationId: org.orgId, userNameLower: userName.toLowerCase() } })).toBe(1);
  });

  it("members the IdP never names are untouched", async () => {
    const { org, scim } = await scimOrg();
    const other = await createUnmanagedMember(org.orgId, uniqueUserName("bystander"));
    const before = await db.member.findUniqueOrThrow({ where: { id: other } });
    await scim.post("/Users", { userName: uniqueUserName("newcomer") });
    expect(await db.member.findUniqueOrThrow({ where: { id: other } })).toEqual(before);
  });
});

describe("the organization owner", () => {
  it("can be adopted, but not locked or deleted through SCIM", async () => {
    const { org, scim } = await scimOrg();
    const adopted = await scim.post("/Users", {
      userName: org.owner.email,
      name: { givenName: "Olivia", familyName: "Owner" },
      active: true,
    });
    expect(adopted.status).toBe(201);
    expect(adopted.body.id).toBe(org.owner.memberId);
    const id = org.owner.memberId;

    for (const res of [
      await scim.patch(`/Users/${id}`, [{ op: "Replace", path: "active", value: "False" }]),
      await scim.patch(`/Users/${id}`, [{ op: "replace", value: { active: false } }]),
      await scim.put(`/Users/${id}`, { ...adopted.body, active: false }),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ status: "403", detail: "The organization owner cannot be locked through SCIM." });
    }
    const del = await scim.delete(`/Users/${id}`);
    expect(del.status).toBe(403);
    expect(del.body.detail).toBe("The organization owner cannot be deleted through SCIM.");
    expect(await db.member.findUniqueOrThrow({ where: { id } })).toMatchObject({ locked: false, role: "owner" });

    // Other changes to the owner still go through.
    expect((await scim.patch(`/Users/${id}`, [{ op: "replace", path: "title", value: "CEO" }])).status).toBe(200);
  });

  it("is not adopted locked", async () => {
    const { org, scim } = await scimOrg();
    const res = await scim.post("/Users", { userName: org.owner.email, active: false });
    expect(res.status).toBe(403);
    expect(await db.member.findUniqueOrThrow({ where: { id: org.owner.memberId } })).toMatchObject({ scimManaged: false, locked: false });
  });
});

describe("concurrency", () => {
  it("concurrent POSTs of one userName create exactly one member", async () => {
    const { org, scim } = await scimOrg();
    const userName = uniqueUserName("race");
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => scim.post("/Users", { userName: i % 2 ? userName : userName.toUpperCase() })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.scimType === "uniqueness")).toBe(true);
    expect(await db.member.count({ where: { organizationId: org.orgId, userNameLower: userName.toLowerCase() } })).toBe(1);
    expect(await eventsOf(org.orgId, "scim.user.created")).toHaveLength(1);
  });

  it("concurrent POSTs adopting one unmanaged member: one 201, the rest 409", async () => {
    const { org, scim } = await scimOrg();
    const userName = uniqueUserName("adoptrace");
    const id = await createUnmanagedMember(org.orgId, userName);
    const results = await Promise.all(Array.from({ length: 6 }, () => scim.post("/Users", { userName })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(results.find((r) => r.status === 201)!.body.id).toBe(id);
    expect(await eventsOf(org.orgId, "scim.user.adopted")).toHaveLength(1);
  });

  it("concurrent PATCHes of one member all apply (none lost)", async () => {
    const { scim } = await scimOrg();
    const created = await scim.post("/Users", { userName: uniqueUserName("patchrace") });
    const id = created.body.id as string;
    const results = await Promise.all(
      ["a", "b", "c", "d"].map((v) =>
        scim.patch(`/Users/${id}`, [{ op: "add", path: "emails", value: [{ value: `${v}@x.example`, type: v }] }]),
      ),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    const final = await scim.get(`/Users/${id}`);
    expect(final.body.emails).toHaveLength(4);
    expect(final.body.meta.version).toBe('W/"5"');
  });
});
