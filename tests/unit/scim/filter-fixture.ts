// A migrated SQLite database with a small directory in it, read through the raw runner the
// server uses (lib/db/sql.ts) and the stores' own filter statements: what the filter compiler
// answers is what the database answers, not what a test double says.
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Sql } from "@/lib/db/sql";
import { sqliteSql } from "@/lib/db/sqlite-sql";
import { SqliteWriter } from "@/lib/db/sqlite-writer";
import { groupFilter } from "@/lib/groups/store/statements";
import { GROUP_FILTER } from "@/lib/groups/store/filter-table";
import { MEMBER_FILTER } from "@/lib/members/store/filter-table";
import { scimMemberFilter } from "@/lib/members/store/statements";
import { compileFilter } from "@/lib/scim/filter/compile-filter";
import { parseFilter } from "@/lib/scim/filter/parse-filter";
// @ts-expect-error -- plain ESM script without types
import { migrate } from "../../../scripts/migrate.mjs";

export interface Person {
  userName: string;
  externalId?: string;
  given?: string;
  family?: string;
  displayName?: string;
  emails?: { value: string; type?: string; primary?: boolean }[];
  locked?: boolean;
  managed?: boolean;
  org?: string;
}

export interface Team {
  displayName: string;
  externalId?: string;
  members: string[]; // userNames
  org?: string;
}

export const ORG = "org1";
export const OTHER_ORG = "org2";

const lower = (v: string | undefined) => v?.toLowerCase() ?? null;

export class FilterFixture {
  private constructor(
    private readonly dir: string,
    readonly file: string,
    readonly raw: Database.Database,
    private readonly sql: Sql,
    readonly ids: Map<string, string>,
  ) {}

  static async open(people: Person[], teams: Team[]): Promise<FilterFixture> {
    const dir = mkdtempSync(path.join(tmpdir(), "filter-"));
    const file = path.join(dir, "filter.db");
    await (migrate as (url: string) => Promise<string[]>)(`file:${file}`);
    const raw = new Database(file);
    const ids = new Map<string, string>();
    const day = (n: number) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().replace("Z", "+00:00");
    raw.prepare(`INSERT INTO "Organization" ("id", "name") VALUES (?, 'one'), (?, 'two')`).run(ORG, OTHER_ORG);
    const member =
      raw.prepare(`INSERT INTO "Member" ("id", "organizationId", "userName", "userNameLower", "givenName", "givenNameLower", "familyName", "familyNameLower",
      "scimDisplayNameLower", "externalId", "locked", "scimManaged", "version", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`);
    const email = raw.prepare(`INSERT INTO "MemberEmail" ("memberId", "value", "valueLower", "type", "primary") VALUES (?, ?, ?, ?, ?)`);
    people.forEach((p, i) => {
      const id = `m${i}`;
      ids.set(`${p.org ?? ORG}/${p.userName}`, id);
      member.run(
        id,
        p.org ?? ORG,
        p.userName,
        p.userName.toLowerCase(),
        p.given ?? null,
        lower(p.given),
        p.family ?? null,
        lower(p.family),
        lower(p.displayName),
        p.externalId ?? null,
        p.locked ? 1 : 0,
        p.managed === false ? 0 : 1,
        day(i),
        day(i),
      );
      for (const e of p.emails ?? []) email.run(id, e.value, e.value.toLowerCase(), lower(e.type), e.primary ? 1 : 0);
    });
    const group = raw.prepare(
      `INSERT INTO "Group" ("id", "organizationId", "displayName", "displayNameLower", "externalId", "version", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
    );
    const groupMember = raw.prepare(`INSERT INTO "GroupMember" ("groupId", "memberId", "createdAt") VALUES (?, ?, ?)`);
    teams.forEach((t, i) => {
      const id = `g${i}`;
      ids.set(`${t.org ?? ORG}/group/${t.displayName}`, id);
      group.run(id, t.org ?? ORG, t.displayName, t.displayName.toLowerCase(), t.externalId ?? null, day(i), day(i));
      for (const userName of t.members) groupMember.run(id, ids.get(`${t.org ?? ORG}/${userName}`), day(i));
    });
    const sql = sqliteSql(() => new Database(file, { readonly: true }), new SqliteWriter(`file:${file}`));
    return new FilterFixture(dir, file, raw, sql, ids);
  }

  id(userName: string): string {
    return this.ids.get(`${ORG}/${userName}`)!;
  }

  /** GET /Users?filter= as the store answers it: the total and every userName, in the page order. */
  async users(filter: string, offset = 0, limit = 1000): Promise<{ total: number; names: string[] }> {
    const { count, page, values } = scimMemberFilter(compileFilter(parseFilter(filter), MEMBER_FILTER));
    const total = await this.sql.row(count, { ...values, orgId: ORG });
    const rows = await this.sql.rows(page, { ...values, orgId: ORG, limit, offset });
    return { total: Number(total?.[0]), names: rows.map((r) => String(r[3])) };
  }

  async groups(filter: string): Promise<string[]> {
    const { page, values } = groupFilter(compileFilter(parseFilter(filter), GROUP_FILTER));
    return (await this.sql.rows(page, { ...values, orgId: ORG, limit: 1000, offset: 0 })).map((r) => String(r[2]));
  }

  async close(): Promise<void> {
    await this.sql.close();
    this.raw.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
