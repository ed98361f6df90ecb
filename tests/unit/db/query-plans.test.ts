import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { render, type Statement } from "@/lib/db/sql-statement";
import * as groups from "@/lib/groups/store/statements";
import * as members from "@/lib/members/store/statements";
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
  ] as const)("%s starts from the ids, never from the whole organization", (_, s, expected) => {
    const steps = plan(s);
    for (const step of expected) expect(steps.some((d) => step.test(d)), steps.join("\n")).toBe(true);
    expect(steps.filter((d) => /\(organizationId=\?\)$|^SCAN (m|Member|g|gm)\b/.test(d)), steps.join("\n")).toEqual([]);
  });

  it("removing members by id probes the group's key", () => {
    expect(plan(groups.REMOVE_MEMBERS)).toContainEqual(expect.stringMatching(/\(groupId=\? AND memberId=\?\)$/));
  });
});
