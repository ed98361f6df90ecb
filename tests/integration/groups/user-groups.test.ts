// Users' read-only `groups` (RFC 7643 §4.1.2) read three ways: GET /Users/<id> and the
// `userName eq` filter read them in the member's own statement, a list page in one query for
// the page. All three must say the same thing, in displayName order.
import { describe, expect, it } from "vitest";
import { LIST, scimOrg } from "../scim/scim-client";
import { createUsers, filterQuery, GROUP, uniqueGroupName } from "./group-client";

describe("Users' groups", () => {
  it("are the same, in displayName order, by id, by userName and in a page", async () => {
    const { scim } = await scimOrg();
    const [a, b] = await createUsers(scim, 2, "grouped");
    const zeta = await scim.post("/Groups", { schemas: [GROUP], displayName: uniqueGroupName("zeta"), members: [{ value: a }] });
    const alpha = await scim.post("/Groups", {
      schemas: [GROUP],
      displayName: uniqueGroupName("Alpha"),
      members: [{ value: a }, { value: b }],
    });
    const ref = (g: typeof zeta) => ({
      value: g.body.id,
      $ref: `${scim.base}/Groups/${g.body.id}`,
      display: g.body.displayName,
      type: "direct",
    });

    const byId = await scim.get(`/Users/${a}`);
    expect(byId.body.groups).toEqual([ref(alpha), ref(zeta)]);
    const byUserName = await scim.get(`/Users${filterQuery(`userName eq "${String(byId.body.userName).toUpperCase()}"`)}`);
    expect(byUserName.body).toMatchObject({ schemas: [LIST], totalResults: 1 });
    expect(byUserName.body.Resources[0].groups).toEqual([ref(alpha), ref(zeta)]);
    const page = await scim.get("/Users?startIndex=1&count=10");
    const inPage = (id: string) => (page.body.Resources as { id: string; groups?: unknown }[]).find((u) => u.id === id);
    expect(inPage(a)?.groups).toEqual([ref(alpha), ref(zeta)]);
    expect(inPage(b)?.groups).toEqual([ref(alpha)]);

    // Removed from both: no `groups` at all (unassigned, RFC 7643 §2.5), on every path.
    for (const g of [zeta, alpha])
      expect((await scim.patch(`/Groups/${g.body.id}`, [{ op: "remove", path: `members[value eq "${a}"]` }])).status).toBe(204);
    expect((await scim.get(`/Users/${a}`)).body).not.toHaveProperty("groups");
    expect((await scim.get(`/Users${filterQuery(`userName eq "${String(byId.body.userName)}"`)}`)).body.Resources[0]).not.toHaveProperty(
      "groups",
    );
  });
});
