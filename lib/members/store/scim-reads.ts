import { db, sql, type Prisma } from "../../db";
import type { Row } from "../../db/sql";
import { memberGroupsFrom, type MemberGroup } from "../../groups/store";
import { MEMBER_FIELDS, memberFromRow, memberSelect, type MemberRow } from "./columns";
import { refineLikes } from "./like-refinement";
import { MANAGERS, SCIM_MEMBER_BY_USERNAME, SCIM_MEMBER_WITH_GROUPS_BY_ID, SCIM_MEMBER_COUNT, SCIM_MEMBER_PAGE } from "./statements";

// What the SCIM face reads: only members the IdP manages, only in the caller's organization.
// The lookups Entra and Okta make all day are prepared statements; a general filter is a
// Prisma where clause built from the SCIM filter (lib/scim/filter/filter-to-where.ts).

export const MAX_ID_LENGTH = 200;

export interface MemberPage {
  total: number;
  rows: MemberRow[];
}

/** One member as the SCIM face answers it: the row, and its read-only groups read with it. */
export interface ScimMember {
  row: MemberRow;
  groups: MemberGroup[];
}

const scimMemberFrom = (r: Row | undefined): ScimMember | null =>
  r ? { row: memberFromRow(r), groups: memberGroupsFrom(r[MEMBER_FIELDS.length]) } : null;

export function scimMemberById(orgId: string, id: string): Promise<ScimMember | null> {
  if (id.length > MAX_ID_LENGTH) return Promise.resolve(null);
  return sql.row(SCIM_MEMBER_WITH_GROUPS_BY_ID, { id, orgId }).then(scimMemberFrom);
}

export function scimMemberByUserName(orgId: string, userName: string): Promise<ScimMember | null> {
  return sql.row(SCIM_MEMBER_BY_USERNAME, { orgId, userNameLower: userName.toLowerCase() }).then(scimMemberFrom);
}

/** Okta's import: every managed member in (createdAt, id) order, one page. */
export async function scimMemberPage(orgId: string, offset: number, limit: number): Promise<MemberPage> {
  const [count, rows] = await Promise.all([
    sql.row(SCIM_MEMBER_COUNT, { orgId }),
    limit > 0 ? sql.rows(SCIM_MEMBER_PAGE, { orgId, limit, offset }) : [],
  ]);
  return { total: Number(count?.[0] ?? 0), rows: rows.map(memberFromRow) };
}

/**
 * A SCIM filter's where clause (without scope: added here), counted and paged in the database.
 * Not a transaction: on SQLite that would take the write lock for a read, and under READ
 * COMMITTED it gave no common snapshot on PostgreSQL either.
 */
export async function scimMembersWhere(orgId: string, filter: Prisma.MemberWhereInput, offset: number, limit: number): Promise<MemberPage> {
  const scope: Prisma.MemberWhereInput = { organizationId: orgId, scimManaged: true };
  const where: Prisma.MemberWhereInput = { AND: [scope, await refineLikes(filter, scope)] };
  const [total, rows] = await Promise.all([
    db.member.count({ where }),
    limit > 0
      ? db.member.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip: offset, take: limit, select: memberSelect })
      : [],
  ]);
  return { total, rows };
}

export interface Manager {
  id: string;
  displayName: string | null;
  userName: string;
}

/**
 * The one manager lookup, for both faces: the member a manager id names, if the IdP manages
 * them in the same organization (the id is the IdP's reference to a SCIM User of ours).
 */
export async function managersOf(orgId: string, ids: readonly string[]): Promise<Map<string, Manager>> {
  if (!ids.length) return new Map();
  const rows = await sql.rows(MANAGERS, { orgId, ids: [...new Set(ids)] });
  return new Map(
    rows.map((r) => [String(r[0]), { id: String(r[0]), displayName: r[1] === null ? null : String(r[1]), userName: String(r[2]) }]),
  );
}
