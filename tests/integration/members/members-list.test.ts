import { beforeAll, describe, expect, it } from "vitest";
import type { MemberDetail } from "@/lib/members/member-view";
import type { MemberPage } from "@/lib/members/member-view";
import { consoleApi, signIn } from "../../helpers/console-client";
import { createOrganization, type TestOrganization } from "../../helpers/fixtures";
import { ENTERPRISE, hoursAgo, insertMembers, type MemberSpec } from "./fixtures";

// 3 accounts (owner, iam, member: "<tag> Tester") + these 27 = 30 members.
const PEOPLE: MemberSpec[] = [
  { userName: "alice.martin@acme.test", given: "Alice", family: "Martin", managed: true, scimUpdatedAt: hoursAgo(1) },
  { userName: "bob.durand@acme.test", given: "Bob", family: "Durand", managed: true, locked: true, scimUpdatedAt: hoursAgo(5) },
  { userName: "Chloe.Bernard@Acme.test", given: "Chloé", family: "Bernard" },
  { userName: "david.petit@acme.test", given: "David", family: "Petit", locked: true },
  { userName: "emma.leroy@acme.test", given: "Emma", family: "Leroy", managed: true, scimUpdatedAt: hoursAgo(3) },
  { userName: "noname@acme.test" }, // no display name: sorts last
  ...Array.from({ length: 21 }, (_, i) => ({
    userName: `user${String(i).padStart(2, "0")}@bulk.test`,
    given: "Bulk",
    family: `User${String(i).padStart(2, "0")}`,
  })),
];

describe("GET /api/organizations/[orgId]/members: search, filters, sorting and pagination in the database", () => {
  let org: TestOrganization;
  let cookie: string;
  const list = async (qs: string) => {
    const res = await consoleApi<MemberPage>(cookie, "GET", `/api/organizations/${org.orgId}/members?${qs}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    org = await createOrganization();
    await insertMembers(org.orgId, PEOPLE);
    cookie = (await signIn(org.owner.email, org.owner.password))!;
  });

  it("returns the first page of 25 by name, with the total and the viewer's rights", async () => {
    const page = await list("");
    expect(page).toMatchObject({ total: 30, page: 1, pageSize: 25, pageCount: 2, canManage: true });
    expect(page.items).toHaveLength(25);
    expect(page.items[0]).toMatchObject({
      userName: "alice.martin@acme.test",
      displayName: "Alice Martin",
      scimManaged: true,
      locked: false,
      roleLabel: "Member",
      isYou: false,
    });
    expect(page.items[0]!.scimUpdatedAt).toEqual(expect.any(String));
    expect(JSON.stringify(page)).not.toMatch(/passwordHash|scimAttributes/);
  });

  it("searches username, display name and email, case-insensitively", async () => {
    expect((await list("q=MARTIN")).items.map((m) => m.userName)).toEqual(["alice.martin@acme.test"]);
    expect((await list("q=chloe.bernard")).items.map((m) => m.userName)).toEqual(["Chloe.Bernard@Acme.test"]);
    expect((await list("q=emma%20leroy")).items.map((m) => m.userName)).toEqual(["emma.leroy@acme.test"]);
    expect((await list("q=%40bulk.test")).total).toBe(21);
    expect((await list("q=nobody-at-all")).total).toBe(0);
  });

  it("matches % _ and \\ in a search literally, as the SCIM filter does (one LIKE escaping)", async () => {
    expect((await list("q=user0")).total).toBe(10); // user00…user09
    expect((await list("q=user_0")).total).toBe(0); // `_` would match user00, user10 and user20 as a wildcard
    expect((await list("q=%25bulk")).total).toBe(0); // `%` likewise, every @bulk.test member
    expect((await list("q=%5C")).total).toBe(0);
  });

  it("filters by status and by managed / unmanaged, and combines filters", async () => {
    expect((await list("status=locked")).items.map((m) => m.userName).sort()).toEqual(["bob.durand@acme.test", "david.petit@acme.test"]);
    expect((await list("status=active")).total).toBe(28);
    expect((await list("managed=managed")).items.map((m) => m.userName)).toEqual([
      "alice.martin@acme.test",
      "bob.durand@acme.test",
      "emma.leroy@acme.test",
    ]);
    expect((await list("managed=unmanaged")).total).toBe(27);
    expect((await list("managed=managed&status=locked")).items.map((m) => m.userName)).toEqual(["bob.durand@acme.test"]);
    expect((await list("managed=unmanaged&q=acme.test")).items.map((m) => m.userName)).toEqual([
      "Chloe.Bernard@Acme.test",
      "david.petit@acme.test",
      "noname@acme.test",
    ]);
  });

  it("sorts by name both ways, members without a name last", async () => {
    const asc = (await list("pageSize=100")).items.map((m) => m.displayName);
    const desc = (await list("pageSize=100&order=desc")).items.map((m) => m.displayName);
    const named = asc.filter((n): n is string => n !== null);
    expect(named).toEqual([...named].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
    expect(asc.at(-1)).toBeNull();
    expect(desc.at(-1)).toBeNull();
    expect(desc.slice(0, -1)).toEqual(named.reverse());
  });

  it("sorts by last SCIM change, newest first by default, never-changed members last", async () => {
    const items = (await list("sort=lastChange&pageSize=100")).items;
    expect(items.slice(0, 3).map((m) => m.userName)).toEqual(["alice.martin@acme.test", "emma.leroy@acme.test", "bob.durand@acme.test"]);
    expect(items.slice(3).every((m) => m.scimUpdatedAt === null)).toBe(true);
    const oldest = (await list("sort=lastChange&order=asc&pageSize=3")).items.map((m) => m.userName);
    expect(oldest).toEqual(["bob.durand@acme.test", "emma.leroy@acme.test", "alice.martin@acme.test"]);
  });

  it("pages cover every member exactly once, in both sorts", async () => {
    for (const sort of ["name", "lastChange"]) {
      const ids: string[] = [];
      for (let page = 1; page <= 4; page++) {
        const body = await list(`sort=${sort}&pageSize=8&page=${page}`);
        expect(body).toMatchObject({ total: 30, pageCount: 4, page });
        ids.push(...body.items.map((m) => m.id));
      }
      expect(ids).toHaveLength(30);
      expect(new Set(ids).size).toBe(30);
    }
    expect((await list("page=9")).items).toEqual([]);
  });

  it.each(["status=bogus", "managed=yes", "sort=email", "order=up", "page=0", "pageSize=101", "page=abc"])(
    "answers %s with a readable 400",
    async (qs) => {
      const res = await consoleApi(cookie, "GET", `/api/organizations/${org.orgId}/members?${qs}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: "invalid_input", message: expect.stringContaining("The request is not valid") } });
    },
  );

  it("shows a managed member's SCIM attributes read-only, with the manager's name", async () => {
    const [managerId] = await insertMembers(org.orgId, [{ userName: "boss@acme.test", given: "Big", family: "Boss", managed: true }]);
    const [id] = await insertMembers(org.orgId, [
      {
        userName: "frank@acme.test",
        given: "Frank",
        family: "Moreau",
        managed: true,
        externalId: "00u-frank",
        attributes: {
          name: { givenName: "Frank", familyName: "Moreau" },
          title: "Engineer",
          emails: [
            { value: "frank@acme.test", type: "work", primary: true },
            { value: "frank@home.test", type: "home" },
          ],
          [ENTERPRISE]: { employeeNumber: "4242", department: "R&D", manager: { value: managerId } },
        },
      },
    ]);
    const res = await consoleApi<MemberDetail>(cookie, "GET", `/api/organizations/${org.orgId}/members/${id}`);
    expect(res.status).toBe(200);
    const rows = Object.fromEntries(res.body.scim!.rows.map((r) => [r.label, r.value]));
    expect(rows).toMatchObject({
      "External ID": "00u-frank",
      Title: "Engineer",
      Emails: "frank@acme.test (work, primary); frank@home.test (home)",
      "Employee number": "4242",
      Department: "R&D",
      Manager: `Big Boss (${managerId})`,
    });
    expect(res.body.scim!.raw).toMatchObject({ userName: "frank@acme.test", externalId: "00u-frank", active: true, title: "Engineer" });
    expect(res.body.refusals.toggleLock).toContain("managed by SCIM");

    const unmanaged = (await list("managed=unmanaged&pageSize=1")).items[0]!;
    expect((await consoleApi<MemberDetail>(cookie, "GET", `/api/organizations/${org.orgId}/members/${unmanaged.id}`)).body.scim).toBeNull();
  });
});
