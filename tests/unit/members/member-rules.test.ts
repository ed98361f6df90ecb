import { describe, expect, it } from "vitest";
import { memberListParams, parseMemberListQuery, setLockedInput } from "@/lib/members/member-query";
import { memberActionRefusal, roleLabel, type MemberAction } from "@/lib/members/member-rules";
import { toStatement } from "@/lib/db/sql-fragment";
import { render } from "@/lib/db/sql-statement";
import { memberListCondition, memberListOrder } from "@/lib/members/store/console-where";
import { pageCount, pageWindow } from "@/lib/members/pagination";

const subject = (over: Partial<{ id: string; role: string; scimManaged: boolean }> = {}) => ({
  id: "m1",
  userName: "alice@acme.test",
  role: "member",
  scimManaged: false,
  ...over,
});

describe("which console actions a member allows", () => {
  it.each<[string, ReturnType<typeof subject>, MemberAction, string | null]>([
    ["an unmanaged member can be locked", subject(), "lock", null],
    ["an unmanaged member can be unlocked", subject(), "unlock", null],
    ["an unmanaged member can be removed", subject(), "remove", null],
    ["the owner cannot be locked", subject({ role: "owner" }), "lock", "The organization owner cannot be locked."],
    ["the owner cannot be removed", subject({ role: "owner" }), "remove", "The organization owner cannot be removed."],
    ["a locked owner can be unlocked", subject({ role: "owner" }), "unlock", null],
    ["nobody locks themselves", subject({ id: "me" }), "lock", "You cannot lock your own account."],
    ["nobody removes themselves", subject({ id: "me" }), "remove", "You cannot remove your own account."],
  ])("%s", (_name, target, action, expected) => {
    expect(memberActionRefusal(action, target, "me")).toBe(expected);
  });

  it.each<MemberAction>(["lock", "unlock", "remove"])("a SCIM-managed member cannot be %sed here: the IdP would undo it", (action) => {
    const reason = memberActionRefusal(action, subject({ scimManaged: true, role: "owner", id: "me" }), "me");
    expect(reason).toMatch(/^alice@acme\.test is managed by SCIM\. .* identity provider .*undone/);
  });

  it("labels roles", () => {
    expect([roleLabel("owner", false), roleLabel("owner", true), roleLabel("member", true), roleLabel("member", false)]).toEqual([
      "Owner",
      "Owner",
      "IAM manager",
      "Member",
    ]);
  });
});

describe("member list query", () => {
  it("has defaults, and coerces numbers from the query string", () => {
    expect(parseMemberListQuery(new URLSearchParams(""))).toEqual({
      q: "",
      status: "all",
      managed: "all",
      group: "",
      sort: "name",
      page: 1,
      pageSize: 25,
    });
    expect(parseMemberListQuery(new URLSearchParams("q=%20Alice%20&page=3&pageSize=100&sort=lastChange&order=asc"))).toMatchObject({
      q: "Alice",
      page: 3,
      pageSize: 100,
      sort: "lastChange",
      order: "asc",
    });
  });

  it.each(["page=0", "page=1.5", "pageSize=0", "pageSize=101", "status=deleted", "managed=true", "sort=email", "order=random"])(
    "refuses %s",
    (qs) => {
      expect(memberListParams.safeParse(Object.fromEntries(new URLSearchParams(qs))).success).toBe(false);
    },
  );

  it("builds a condition scoped to the organization, searching the lower-cased columns with the one LIKE escaping", () => {
    const condition = (q: Parameters<typeof memberListCondition>[1]) => {
      const { statement, values } = toStatement("t", memberListCondition("o1", q));
      return { text: render(statement, "postgres").text, values };
    };
    expect(condition({ q: "", status: "all", managed: "all" })).toEqual({ text: `m."organizationId" = $1`, values: { b0: "o1" } });
    expect(condition({ q: " A_LICE% ", status: "locked", managed: "unmanaged" })).toEqual({
      text: `m."organizationId" = $1 AND m."locked" = $2 AND m."scimManaged" = $3 AND (m."userNameLower" LIKE $4 ESCAPE '\\' OR m."displayNameLower" LIKE $5 ESCAPE '\\' OR m."emailLower" LIKE $6 ESCAPE '\\')`,
      values: { b0: "o1", b1: true, b2: false, b3: "%a\\_lice\\%%", b4: "%a\\_lice\\%%", b5: "%a\\_lice\\%%" },
    });
    expect(condition({ q: "", status: "active", managed: "managed", group: "g1" }).values).toEqual({
      b0: "o1",
      b1: "g1",
      b2: "o1",
      b3: false,
      b4: true,
    });
  });

  it("orders totally (id last), missing values last, with a default direction per sort", () => {
    expect(memberListOrder({ sort: "name" })).toBe(`m."displayNameLower" ASC NULLS LAST, m."userNameLower" ASC, m."id" ASC`);
    expect(memberListOrder({ sort: "name", order: "desc" })).toBe(
      `m."displayNameLower" DESC NULLS LAST, m."userNameLower" DESC, m."id" ASC`,
    );
    expect(memberListOrder({ sort: "lastChange" })).toBe(`m."scimUpdatedAt" DESC NULLS LAST, m."userNameLower" ASC, m."id" ASC`);
  });

  it("pages", () => {
    expect(pageWindow(1, 25)).toEqual({ skip: 0, take: 25 });
    expect(pageWindow(4, 10)).toEqual({ skip: 30, take: 10 });
    expect([pageCount(0, 25), pageCount(25, 25), pageCount(26, 25), pageCount(10_000, 100)]).toEqual([1, 1, 2, 100]);
  });

  it("accepts only { locked: boolean } to lock or unlock", () => {
    expect(setLockedInput.safeParse({ locked: true }).success).toBe(true);
    for (const body of [{}, { locked: "true" }, { locked: 1 }, { locked: true, extra: 1 }, null])
      expect(setLockedInput.safeParse(body).success).toBe(false);
  });
});
