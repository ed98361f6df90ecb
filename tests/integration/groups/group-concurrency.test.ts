// Concurrent PATCHes to one group keep every change: each is its own transaction holding the
// group's row, and each membership change one set-based statement.
import { describe, expect, it } from "vitest";
import { scimOrg } from "../scim/scim-client";
import { createUsers, GROUP, memberIdsOf, uniqueGroupName } from "./group-client";

describe("concurrent group PATCHes", () => {
  it("20 PATCHes at once, each adding its own member, and 10 removing others: every change kept", async () => {
    const { scim } = await scimOrg();
    const users = await createUsers(scim, 30);
    const keep = users.slice(0, 20);
    const drop = users.slice(20);
    const created = await scim.post("/Groups", {
      schemas: [GROUP],
      displayName: uniqueGroupName("Race"),
      members: drop.map((value) => ({ value })),
    });
    const id = created.body.id as string;
    const results = await Promise.all([
      ...keep.map((value) => scim.patch(`/Groups/${id}`, [{ op: "add", path: "members", value: [{ value }] }])),
      ...drop.map((value) => scim.patch(`/Groups/${id}`, [{ op: "remove", path: `members[value eq "${value}"]` }])),
    ]);
    expect(results.map((r) => r.status)).toEqual(results.map(() => 204));
    expect(await memberIdsOf(scim, id)).toEqual([...keep].sort());
    const read = await scim.get(`/Groups/${id}?excludedAttributes=members`);
    expect(read.body.meta.version).toMatch(/^W\/"\d+"$/);
  });
});
