// Replays Okta's Group Push (IDP-REQUESTS.md "Groups"): create with members: [], paged list,
// path-less rename `{id, displayName}`, one PATCH mixing remove-by-filter and add, a custom
// app's PUT with the whole list, and unlink by DELETE.
import { describe, expect, it } from "vitest";
import { LIST, scimOrg } from "../scim/scim-client";
import { createUsers, GROUP, memberIdsOf, uniqueGroupName } from "./group-client";

const json = { contentType: "application/json" };

describe("Okta Group Push", () => {
  it("push, list 100 at a time with true totals and a stable order, rename, mixed PATCH, PUT, delete", async () => {
    const { scim } = await scimOrg();
    const [a, b, c, d] = await createUsers(scim, 4);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await scim.post("/Groups", { schemas: [GROUP], displayName: uniqueGroupName(`Push ${i}`), members: [] }, json);
      expect(res.status).toBe(201);
      ids.push(res.body.id as string);
    }
    const first = await scim.get("/Groups?startIndex=1&count=2");
    expect(first.body).toMatchObject({ schemas: [LIST], totalResults: 5, startIndex: 1, itemsPerPage: 2 });
    const second = await scim.get("/Groups?startIndex=3&count=100");
    expect(second.body).toMatchObject({ totalResults: 5, startIndex: 3, itemsPerPage: 3 });
    expect([...first.body.Resources, ...second.body.Resources].map((g: { id: string }) => g.id)).toEqual(ids);
    const countOnly = await scim.get("/Groups?count=0");
    expect(countOnly.body).toMatchObject({ totalResults: 5, itemsPerPage: 0, Resources: [] });

    const id = ids[0]!;
    const newName = uniqueGroupName("Renamed");
    expect((await scim.patch(`/Groups/${id}`, [{ op: "replace", value: { id, displayName: newName } }], json)).status).toBe(204);
    expect((await scim.get(`/Groups/${id}`)).body.displayName).toBe(newName);

    expect(
      (
        await scim.patch(`/Groups/${id}`, [
          {
            op: "add",
            path: "members",
            value: [
              { value: a, display: "a" },
              { value: b, display: "b" },
            ],
          },
        ])
      ).status,
    ).toBe(204);
    // One PATCH: rename re-sent, remove by filter, add.
    const mixed = await scim.patch(`/Groups/${id}`, [
      { op: "replace", value: { id, displayName: newName } },
      { op: "remove", path: `members[value eq "${a}"]` },
      { op: "add", path: "members", value: [{ value: c, display: "c" }] },
    ]);
    expect(mixed.status).toBe(204);
    expect(await memberIdsOf(scim, id)).toEqual([b, c].sort());

    // A custom app's PUT with the whole list replaces the membership; without members it leaves it.
    const read = await scim.get(`/Groups/${id}`);
    const put = await scim.put(`/Groups/${id}`, { ...read.body, members: [{ value: c }, { value: d }] }, json);
    expect(put.status).toBe(200);
    expect((put.body.members as { value: string }[]).map((m) => m.value).sort()).toEqual([c, d].sort());
    const keep = await scim.put(`/Groups/${id}`, { schemas: [GROUP], displayName: newName }, json);
    expect(keep.status).toBe(200);
    expect(await memberIdsOf(scim, id)).toEqual([c, d].sort());

    expect((await scim.delete(`/Groups/${id}`)).status).toBe(204);
    expect((await scim.get("/Groups?startIndex=1&count=100")).body.totalResults).toBe(4);
  });
});
