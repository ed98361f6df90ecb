import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { render, type Statement } from "@/lib/db/sql-statement";
import type { FilterTable } from "@/lib/db/filter-table";
import { GROUP_FILTER } from "@/lib/groups/store/filter-table";
import * as groups from "@/lib/groups/store/statements";
import { MEMBER_FILTER } from "@/lib/members/store/filter-table";
import * as members from "@/lib/members/store/statements";
import * as access from "@/lib/members/store/memberships";
import * as consoleRows from "@/lib/members/store/console-rows";
import { PROVISIONING_MANAGERS } from "@/lib/members/store/provisioning-managers";
import { activityCondition, activityStatements } from "@/lib/audit/activity-where";
import { activityListParams } from "@/lib/audit/activity-query";
import { compileFilter } from "@/lib/scim/filter/compile-filter";
import { parseFilter } from "@/lib/scim/filter/parse-filter";
// @ts-expect-error -- plain ESM script without types
import { migrate } from "../../../scripts/migrate.mjs";

const migrateDb = migrate as (url: string) => Promise<string[]>;

// SQLite plans a statement without statistics (nothing runs ANALYZE) as if an index equality
// picked out ten rows. A lookup by a list of ids that it starts from the organization instead
// walks every member of it: 10,000 rows for a PATCH that adds one member to a group. These
// statements name members or groups by key, and must find them by key, whatever the
// organization's size.

let dir: string;
let db: Database.Database;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "query-plans-"));
  const file = path.join(dir, "plans.db");
  await migrateDb(`file:${file}`);
  db = new Database(file);
});
afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

function plan(s: Statement): string[] {
  const { text, order } = render(s, "sqlite");
  const args = order.map((p) => (p.list ? JSON.stringify(["a", "b"]) : "x"));
  return (db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...args) as { detail: string }[]).map((r) => r.detail);
}

const BY_MEMBER_KEY = /^SEARCH m USING (COVERING )?INDEX sqlite_autoindex_Member_1 \(id=\?\)$/;
const BY_GROUP_KEY = /^SEARCH g USING (COVERING )?INDEX sqlite_autoindex_Group_1 \(id=\?\)$/;
const MEMBERSHIPS_OF_MEMBER = /^SEARCH gm USING (COVERING )?INDEX GroupMember_memberId_idx \(memberId=\?\)$/;

describe("query plans on SQLite without statistics", () => {
  it.each([
    ["the manager lookup", members.MANAGERS, [BY_MEMBER_KEY]],
    ["adding members to a group", groups.ADD_MEMBERS, [BY_MEMBER_KEY]],
    ["the first names of a change", groups.NAMES_OF, [BY_MEMBER_KEY]],
    ["who holds the IAM permission through one group alone", groups.ONLY_THROUGH_GROUP, [BY_MEMBER_KEY]],
    ["the groups of a page of Users", groups.GROUPS_OF_MEMBERS, [MEMBERSHIPS_OF_MEMBER, BY_GROUP_KEY]],
    ["the groups of one User, read with it", members.SCIM_MEMBER_WITH_GROUPS_BY_ID, [MEMBERSHIPS_OF_MEMBER, BY_GROUP_KEY]],
    ["a page of the members page, with the IAM permission", consoleRows.CONSOLE_MEMBERS_BY_IDS, [BY_MEMBER_KEY, MEMBERSHIPS_OF_MEMBER]],
    ["a member's details, with the IAM permission", consoleRows.CONSOLE_MEMBER_BY_ID, [BY_MEMBER_KEY, MEMBERSHIPS_OF_MEMBER]],
  ] as const)("%s starts from the ids, never from the whole organization", (_, s, expected) => {
    const steps = plan(s);
    for (const step of expected)
      expect(
        steps.some((d) => step.test(d)),
        steps.join("\n"),
      ).toBe(true);
    expect(
      steps.filter((d) => /\(organizationId=\?\)$|^SCAN (m|Member|g|gm)\b/.test(d)),
      steps.join("\n"),
    ).toEqual([]);
  });

  // A job's read of one organization: its members by the organization's index, each one's groups by key.
  it("who is emailed about expiring tokens reads the organization's members, and each one's groups by key", () => {
    const steps = plan(PROVISIONING_MANAGERS);
    expect(
      steps.some((d) => /^SEARCH m USING INDEX \S+ \(organizationId=\?/.test(d)),
      steps.join("\n"),
    ).toBe(true);
    expect(
      steps.some((d) => MEMBERSHIPS_OF_MEMBER.test(d)),
      steps.join("\n"),
    ).toBe(true);
    expect(
      steps.filter((d) => /^SCAN /.test(d)),
      steps.join("\n"),
    ).toEqual([]);
  });

  it("removing members by id probes the group's key", () => {
    expect(plan(groups.REMOVE_MEMBERS)).toContainEqual(expect.stringMatching(/\(groupId=\? AND memberId=\?\)$/));
  });

  // The access decision's read, on every console request: from the session's key, never a walk of the organization.
  it.each([
    ["an SSO session's member", access.MEMBERSHIP_BY_MEMBER, BY_MEMBER_KEY],
    [
      "the member an IdP names at sign-in",
      access.MEMBERSHIP_BY_USERNAME,
      /^SEARCH m USING INDEX Member_organizationId_userNameLower_key \(organizationId=\? AND userNameLower=\?\)$/,
    ],
    [
      "a password session in one organization",
      access.MEMBERSHIP_OF_USER,
      /^SEARCH m USING INDEX Member_organizationId_userId_key \(organizationId=\? AND userId=\?\) LEFT-JOIN$/,
    ],
    [
      "a password user in every organization",
      access.MEMBERSHIPS_OF_USER,
      /^SEARCH m USING INDEX Member_userId_idx \(userId=\?\) LEFT-JOIN$/,
    ],
  ] as const)("the access read of %s is by key", (_, s, expected) => {
    const steps = plan(s);
    expect(
      steps.some((d) => expected.test(d)),
      steps.join("\n"),
    ).toBe(true);
    expect(
      steps.filter((d) => /^SCAN /.test(d)),
      steps.join("\n"),
    ).toEqual([]);
  });
});

// The activity list: whatever the filters and the search, the organization's events through one of
// their (organizationId, …, createdAt) indexes, never a walk of every organization's events.
describe("activity statements", () => {
  it.each([
    {},
    { q: "a%_\\b" },
    { action: "scim.user.created" },
    { action: "console" },
    { outcome: "failure", period: "24h" },
    { q: "alice", action: "provisioning", outcome: "success", period: "7d" },
  ])("%o searches by index", (params) => {
    const { count, page } = activityStatements(activityCondition("org", activityListParams.parse(params)));
    for (const s of [count, page]) {
      const steps = plan(s);
      expect(
        steps.some((d) => /^SEARCH e USING (COVERING )?INDEX AuditEvent_organizationId_\S+ \(organizationId=\?/.test(d)),
        steps.join("\n"),
      ).toBe(true);
      expect(
        steps.filter((d) => /^SCAN /.test(d)),
        steps.join("\n"),
      ).toEqual([]);
    }
  });
});

// A SCIM filter is answered by the database, never by reading rows into memory to test them
// there: one count and one page statement, whose plans reach the organization's rows through an
// index and a multi-valued attribute's rows through their parent's key. Every attribute of both
// stores' tables, with every operator it takes, and negated.
describe("SCIM filter statements", () => {
  function filtersOf(table: FilterTable): string[] {
    const value = (type: string) => (type === "boolean" ? "true" : type === "date" ? '"2024-01-01T00:00:00Z"' : '"a%_\\b"');
    const ops = (type: string) =>
      type === "boolean"
        ? ["eq", "ne"]
        : type === "date"
          ? ["eq", "ne", "gt", "ge", "lt", "le"]
          : ["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"];
    const attrs = [
      ...Object.entries(table.columns).map(([name, c]) => [name, c.type] as const),
      ...Object.entries(table.children).flatMap(([name, child]) =>
        Object.entries(child.columns).map(([sub, c]) => [`${name}.${sub}`, c.type] as const),
      ),
    ];
    const each = attrs.flatMap(([name, type]) => [...ops(type).map((op) => `${name} ${op} ${value(type)}`), `${name} pr`]);
    const paths = Object.entries(table.children).map(
      ([name, child]) =>
        `${name}[${Object.keys(child.columns)
          .map((sub) => `${sub} pr`)
          .join(" and ")}]`,
    );
    return [...each, ...each.map((f) => `not (${f})`), ...paths, `not (${paths[0]})`, each.slice(0, 8).join(" or ")];
  }

  it.each([
    ["Users", MEMBER_FILTER, members.scimMemberFilter, /^SEARCH m USING (COVERING )?INDEX \S+ \((organizationId=\?|id=\?)/],
    ["Groups", GROUP_FILTER, groups.groupFilter, /^SEARCH g USING (COVERING )?INDEX \S+ \((organizationId=\?|id=\?)/],
  ] as const)("%s: every attribute and operator searches by index, never scans", (_, table, statements, outer) => {
    for (const filter of filtersOf(table)) {
      const { count, page } = statements(compileFilter(parseFilter(filter), table));
      for (const s of [count, page]) {
        const steps = plan(s);
        expect(
          steps.filter((d) => /^SCAN /.test(d)),
          `${filter}\n${steps.join("\n")}`,
        ).toEqual([]);
        expect(
          steps.some((d) => outer.test(d)),
          `${filter}\n${steps.join("\n")}`,
        ).toBe(true);
      }
    }
  });
});
