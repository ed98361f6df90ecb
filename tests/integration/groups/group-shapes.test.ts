// Every PATCH shape the issue lists, the filters, projection, atomicity and tenancy of /Groups.
import { describe, expect, it } from "vitest";
import { scimOrg } from "../scim/scim-client";
import { createUsers, filterQuery, GROUP, memberIdsOf, uniqueGroupName } from "./group-client";

async function group(scim: Awaited<ReturnType<typeof scimOrg>>["scim"], members: string[] = [], extra: Record<string, unknown> = {}) {
  const res = await scim.post("/Groups", {
    schemas: [GROUP],
    displayName: uniqueGroupName("G"),
    members: members.map((value) => ({ value })),
    ...extra,
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; displayName: string; members: { value: string }[] };
}

describe("PATCH /Groups shapes", () => {
  it("bare id strings, displayName instead of display, any letter case, unknown ids ignored", async () => {
    const { scim } = await scimOrg();
    const [a, b, c] = await createUsers(scim, 3);
    const g = await group(scim);
    expect((await scim.patch(`/Groups/${g.id}`, [{ op: "ADD", path: "Members", value: [a, "no-such-user"] }])).status).toBe(204);
    expect((await scim.patch(`/Groups/${g.id}`, [{ op: "aDd", path: "members", value: [{ value: b, displayName: "B" }] }])).status).toBe(
      204,
    );
    expect((await scim.patch(`/Groups/${g.id}`, [{ op: "add", path: "members", value: { value: c } }])).status).toBe(204);
    expect(await memberIdsOf(scim, g.id)).toEqual([a, b, c].sort());
    // Microsoft's test tools: a bare string list in `value`.
    expect((await scim.patch(`/Groups/${g.id}`, [{ op: "Remove", path: "members", value: [a] }])).status).toBe(204);
    expect(await memberIdsOf(scim, g.id)).toEqual([b, c].sort());
  });

  it("replace members sets the list; remove members with no value clears it", async () => {
    const { scim } = await scimOrg();
    const [a, b, c] = await createUsers(scim, 3);
    const g = await group(scim, [a, b]);
    expect(g.members.map((m) => m.value).sort()).toEqual([a, b].sort());
    expect((await scim.patch(`/Groups/${g.id}`, [{ op: "replace", path: "members", value: [{ value: c }, { value: b }] }])).status).toBe(
      204,
    );
    expect(await memberIdsOf(scim, g.id)).toEqual([b, c].sort());
    expect((await scim.patch(`/Groups/${g.id}`, [{ op: "remove", path: "members" }])).status).toBe(204);
    expect(await memberIdsOf(scim, g.id)).toEqual([]);
    // An empty list replaces too: PUT with members [] and replace with [] both empty the group.
    await scim.patch(`/Groups/${g.id}`, [{ op: "add", path: "members", value: [a, b] }]);
    expect((await scim.patch(`/Groups/${g.id}`, [{ op: "replace", path: "members", value: [] }])).status).toBe(204);
    expect(await memberIdsOf(scim, g.id)).toEqual([]);
    await scim.patch(`/Groups/${g.id}`, [{ op: "add", path: "members", value: [c] }]);
    expect((await scim.put(`/Groups/${g.id}`, { schemas: [GROUP], displayName: g.displayName, members: [] })).status).toBe(200);
    expect(await memberIdsOf(scim, g.id)).toEqual([]);
  });

  it("several operations apply atomically: one bad operation leaves the group as it was", async () => {
    const { scim } = await scimOrg();
    const [a, b] = await createUsers(scim, 2);
    const g = await group(scim, [a]);
    const res = await scim.patch(`/Groups/${g.id}`, [
      { op: "add", path: "members", value: [{ value: b }] },
      { op: "replace", path: "displayName", value: "" },
    ]);
    expect(res.status).toBe(400);
    expect(res.body.scimType).toBe("invalidValue");
    expect(await memberIdsOf(scim, g.id)).toEqual([a]);
  });

  it("malformed bodies are 400, never 500", async () => {
    const { scim } = await scimOrg();
    const g = await group(scim);
    const cases: unknown[] = [
      {},
      { Operations: [] },
      { Operations: "x" },
      { Operations: [{ op: "move", path: "members" }] },
      { Operations: [{ op: "add", path: "members" }] },
      { Operations: [{ op: "add", path: "members", value: [{ display: "no value" }] }] },
      { Operations: [{ op: "remove" }] },
      [1, 2],
    ];
    for (const body of cases) {
      const res = await scim.request("PATCH", `/Groups/${g.id}`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await scim.request("PATCH", `/Groups/${g.id}`, undefined, { rawBody: "{not json" })).status).toBe(400);
    expect((await scim.post("/Groups", { schemas: [GROUP] })).status).toBe(400);
  });

  it("deleting a user removes its memberships", async () => {
    const { scim } = await scimOrg();
    const [a, b] = await createUsers(scim, 2);
    const g = await group(scim, [a, b]);
    expect((await scim.delete(`/Users/${a}`)).status).toBe(204);
    expect(await memberIdsOf(scim, g.id)).toEqual([b]);
  });
});

describe("GET /Groups filters and projection", () => {
  it("externalId, id, members[value eq], members.value, co, not, and; attributes and excludedAttributes", async () => {
    const { scim } = await scimOrg();
    const [a, b] = await createUsers(scim, 2);
    const g1 = await group(scim, [a], { externalId: "ext-1" });
    const g2 = await group(scim, [a, b], { externalId: "ext-2" });
    const g3 = await group(scim, []);
    const ids = async (filter: string) =>
      ((await scim.get(`/Groups${filterQuery(filter)}`)).body.Resources as { id: string }[]).map((r) => r.id);
    expect(await ids('externalId eq "ext-1"')).toEqual([g1.id]);
    expect(await ids(`id eq "${g3.id}"`)).toEqual([g3.id]);
    expect(await ids(`members[value eq "${b}"]`)).toEqual([g2.id]);
    expect(await ids(`members.value eq "${a}"`)).toEqual([g1.id, g2.id]);
    expect(await ids(`displayName co "${g2.displayName.slice(2).toUpperCase()}"`)).toEqual([g2.id]);
    expect(await ids(`not (members pr) and displayName sw "G"`)).toEqual([g3.id]);
    expect(await ids(`externalId ne "ext-1"`)).toEqual([g2.id, g3.id]);
    expect(await ids(`displayName eq ${g1.displayName.split(" ")[0]}x`)).toEqual([]); // unquoted value (Microsoft's tools)
    const bad = await scim.get(`/Groups${filterQuery('title eq "x"')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.scimType).toBe("invalidFilter");

    const only = await scim.get(`/Groups/${g2.id}?attributes=displayName`);
    expect(Object.keys(only.body).sort()).toEqual(["displayName", "id", "schemas"]);
    const withMembers = await scim.get(`/Groups/${g2.id}?attributes=members.value`);
    expect((withMembers.body.members as { value: string }[]).map((m) => m.value).sort()).toEqual([a, b].sort());
    const list = await scim.get(`/Groups${filterQuery(`id eq "${g2.id}"`, "&excludedAttributes=members")}`);
    expect(list.body.Resources[0]).not.toHaveProperty("members");
  });
});

describe("tenancy", () => {
  it("another organization's group is a 404, and its users cannot be added", async () => {
    const mine = await scimOrg();
    const theirs = await scimOrg();
    const [theirUser] = await createUsers(theirs.scim, 1);
    const g = await group(theirs.scim);
    expect((await mine.scim.get(`/Groups/${g.id}`)).status).toBe(404);
    expect((await mine.scim.patch(`/Groups/${g.id}`, [{ op: "add", path: "members", value: [{ value: theirUser }] }])).status).toBe(404);
    expect((await mine.scim.delete(`/Groups/${g.id}`)).status).toBe(404);
    expect((await mine.scim.put(`/Groups/${g.id}`, { displayName: "x" })).status).toBe(404);
    expect((await mine.scim.get(`/Groups${filterQuery(`displayName eq "${g.displayName}"`)}`)).body.totalResults).toBe(0);
    const myGroup = await group(mine.scim, [theirUser!]);
    expect(myGroup.members).toEqual([]);
    // A token of mine on their URL is refused outright.
    const res = await fetch(`${theirs.scim.base}/Groups/${g.id}`, { headers: { Authorization: `Bearer ${mine.scim.token}` } });
    expect(res.status).toBe(401);
  });
});

describe("discovery and Microsoft's test-tool forms", () => {
  it("ResourceTypes lists Group, Schemas has it, /serviceConfiguration aliases ServiceProviderConfig", async () => {
    const { scim } = await scimOrg();
    const types = await scim.get("/ResourceTypes");
    expect(types.body.Resources.map((r: { id: string }) => r.id)).toEqual(["User", "Group"]);
    expect((await scim.get("/ResourceTypes/Group")).body).toMatchObject({ endpoint: "/Groups", schema: GROUP });
    expect((await scim.get(`/Schemas/${GROUP}`)).body).toMatchObject({ id: GROUP, name: "Group" });
    const alias = await scim.get("/serviceConfiguration");
    expect(alias.status).toBe(200);
    expect(alias.body).toEqual((await scim.get("/ServiceProviderConfig")).body);
  });

  it('unquoted filter values, attributes=emails[type eq "work"], and displayName filters on the displayName returned', async () => {
    const { scim } = await scimOrg();
    const userName = `O${crypto.randomUUID().slice(0, 8)}@contoso.example`;
    const created = await scim.post("/Users", {
      userName,
      name: { givenName: "Test", familyName: "Employee" },
      displayName: "The IdP's Name",
      emails: [{ value: userName, type: "work", primary: true }],
      title: "x",
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const ids = async (filter: string) =>
      ((await scim.get(`/Users${filterQuery(filter)}`)).body.Resources as { id: string }[]).map((r) => r.id);
    expect(await ids(`userName sw ${userName.slice(0, 5)}`)).toEqual([id]);
    expect(await ids(`name.familyName eq Employee and userName eq "${userName}"`)).toEqual([id]);
    expect(await ids(`meta.created gt 2015-10-10T14:38:21.8617979-07:00 and userName eq "${userName}"`)).toEqual([id]);
    expect(await ids(`displayName eq "the idp's name"`)).toEqual([id]);
    expect(await ids(`displayName eq "Test Employee"`)).toEqual([]);
    const projected = await scim.get(`/Users/${id}?attributes=emails[type eq "work"]`);
    expect(projected.body.emails).toEqual([{ value: userName, type: "work", primary: true }]);
    expect(projected.body).not.toHaveProperty("title");
  });
});
