// Replays Entra ID's documented group provisioning (IDP-REQUESTS.md "Groups"): test connection,
// match by displayName with excludedAttributes=members, create with members: [], membership
// PATCHes in the default and the aadOptscim062020 shapes, rename, and delete.
import { describe, expect, it } from "vitest";
import { LIST, eventsOf, scimOrg } from "../scim/scim-client";
import { createUsers, filterQuery, GROUP, memberIdsOf, uniqueGroupName } from "./group-client";

const ADSCIM = "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group";

describe("Entra ID group cycle", () => {
  it("test connection: a random group filter answers 200 with an empty ListResponse", async () => {
    const { scim } = await scimOrg();
    const res = await scim.get(`/Groups${filterQuery(`displayName eq "${crypto.randomUUID()}"`, "&excludedAttributes=members")}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ schemas: [LIST], totalResults: 0, startIndex: 1, itemsPerPage: 0, Resources: [] });
  });

  it("match, create, add members, remove (both shapes), rename, read without members, delete", async () => {
    const { org, scim } = await scimOrg();
    const [a, b, c] = await createUsers(scim, 3);
    const name = uniqueGroupName("Sales");

    const match = await scim.get(`/Groups${filterQuery(`displayName eq "${name}"`, "&excludedAttributes=members")}`);
    expect(match.body.totalResults).toBe(0);
    const created = await scim.post("/Groups", {
      schemas: [GROUP, ADSCIM],
      externalId: "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159",
      displayName: name,
      members: [],
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("content-type")).toContain("application/scim+json");
    expect(created.body).toMatchObject({
      schemas: [GROUP],
      displayName: name,
      externalId: "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159",
      members: [],
      meta: { resourceType: "Group" },
    });
    const id = created.body.id as string;
    expect(created.headers.get("location")).toBe(`${scim.base}/Groups/${id}`);

    // The match again, case-insensitively: found, without members.
    const found = await scim.get(`/Groups${filterQuery(`displayName eq "${name.toUpperCase()}"`, "&excludedAttributes=members")}`);
    expect(found.body.totalResults).toBe(1);
    expect(found.body.Resources[0]).toMatchObject({ id, displayName: name });
    expect(found.body.Resources[0]).not.toHaveProperty("members");

    // Add several members in one request ($ref null, as Entra sends it).
    const add = await scim.patch(`/Groups/${id}`, [
      {
        op: "Add",
        path: "members",
        value: [
          { $ref: null, value: a },
          { $ref: null, value: b },
          { $ref: null, value: c },
        ],
      },
    ]);
    expect(add.status).toBe(204);
    expect(add.text).toBe("");
    expect(await memberIdsOf(scim, id)).toEqual([a, b, c].sort());

    // Default remove shape, then the aadOptscim062020 one.
    expect((await scim.patch(`/Groups/${id}`, [{ op: "Remove", path: "members", value: [{ value: a }] }])).status).toBe(204);
    expect((await scim.patch(`/Groups/${id}?aadOptscim062020`, [{ op: "remove", path: `members[value eq "${b}"]` }])).status).toBe(204);
    expect(await memberIdsOf(scim, id)).toEqual([c]);

    // Rename.
    const renamed = uniqueGroupName("Sales EMEA");
    expect((await scim.patch(`/Groups/${id}`, [{ op: "Replace", path: "displayName", value: renamed }])).status).toBe(204);
    const read = await scim.get(`/Groups/${id}?excludedAttributes=members`);
    expect(read.body).toMatchObject({ id, displayName: renamed });
    expect(read.body).not.toHaveProperty("members");

    // The user carries the group, read-only.
    const user = await scim.get(`/Users/${c}`);
    expect(user.body.groups).toEqual([{ value: id, $ref: `${scim.base}/Groups/${id}`, display: renamed, type: "direct" }]);

    expect((await scim.delete(`/Groups/${id}`)).status).toBe(204);
    expect((await scim.get(`/Groups/${id}`)).status).toBe(404);
    expect((await scim.get(`/Users/${c}`)).body).not.toHaveProperty("groups");

    const actions = (await eventsOf(org.orgId)).map((e) => e.action).filter((a) => a.startsWith("scim.group."));
    expect(actions).toEqual([
      "scim.group.created",
      "scim.group.members_added",
      "scim.group.members_removed",
      "scim.group.members_removed",
      "scim.group.renamed",
      "scim.group.deleted",
    ]);
    const added = (await eventsOf(org.orgId, "scim.group.members_added"))[0]!;
    expect(added.detail).toMatch(/^Added 3 members: /);
  });

  it("displayName is unique per organization, case-insensitively: 409 uniqueness", async () => {
    const { scim } = await scimOrg();
    const name = uniqueGroupName("Dup");
    expect((await scim.post("/Groups", { schemas: [GROUP], displayName: name })).status).toBe(201);
    const dup = await scim.post("/Groups", { schemas: [GROUP], displayName: name.toUpperCase() });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ status: "409", scimType: "uniqueness" });
    // A rename onto another group's name is refused the same way, and changes nothing.
    const other = await scim.post("/Groups", { schemas: [GROUP], displayName: uniqueGroupName("Other") });
    const clash = await scim.patch(`/Groups/${other.body.id}`, [{ op: "replace", path: "displayName", value: name.toLowerCase() }]);
    expect(clash.status).toBe(409);
    expect(clash.body.scimType).toBe("uniqueness");
    expect((await scim.get(`/Groups/${other.body.id}`)).body.displayName).toBe(other.body.displayName);
  });
});
