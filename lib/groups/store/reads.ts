import { sql } from "../../db";
import type { Fragment } from "../../db/sql-fragment";
import { groupFromRow, groupMemberFromRow, type GroupMemberRow, type GroupRow } from "./columns";
import {
  GROUP_BY_DISPLAY_NAME,
  GROUP_BY_ID,
  GROUP_COUNT,
  GROUP_PAGE,
  groupFilter,
  GROUPS_OF_MEMBERS,
  MEMBERS_OF_GROUPS,
} from "./statements";

// What the SCIM face reads, all prepared statements: a group's own row is one indexed lookup,
// its members a second query made only when the response carries them.

const MAX_ID_LENGTH = 200;

export interface GroupPage {
  total: number;
  rows: GroupRow[];
}

export async function scimGroupById(orgId: string, id: string): Promise<GroupRow | null> {
  if (id.length > MAX_ID_LENGTH) return null;
  const r = await sql.row(GROUP_BY_ID, { id, orgId });
  return r ? groupFromRow(r) : null;
}

export async function scimGroupByDisplayName(orgId: string, displayName: string): Promise<GroupRow | null> {
  const r = await sql.row(GROUP_BY_DISPLAY_NAME, { orgId, displayNameLower: displayName.toLowerCase() });
  return r ? groupFromRow(r) : null;
}

/** Okta's import: every group in (createdAt, id) order, one page, with the true total. */
export async function scimGroupPage(orgId: string, offset: number, limit: number): Promise<GroupPage> {
  const [count, rows] = await Promise.all([
    sql.row(GROUP_COUNT, { orgId }),
    limit > 0 ? sql.rows(GROUP_PAGE, { orgId, limit, offset }) : [],
  ]);
  return { total: Number(count?.[0] ?? 0), rows: rows.map(groupFromRow) };
}

/** Any other filter: its condition (compiled over GROUP_FILTER, filter-table.ts), counted and paged in the database. */
export async function scimGroupsWhere(orgId: string, condition: Fragment, offset: number, limit: number): Promise<GroupPage> {
  const { count, page, values } = groupFilter(condition);
  const [total, rows] = await Promise.all([
    sql.row(count, { ...values, orgId }),
    limit > 0 ? sql.rows(page, { ...values, orgId, limit, offset }) : [],
  ]);
  return { total: Number(total?.[0] ?? 0), rows: rows.map(groupFromRow) };
}

/** The members of these groups (ids already scoped to the organization), in the order they joined. */
export async function membersOfGroups(groupIds: readonly string[]): Promise<Map<string, GroupMemberRow[]>> {
  const out = new Map<string, GroupMemberRow[]>(groupIds.map((id) => [id, []]));
  if (!groupIds.length) return out;
  for (const r of await sql.rows(MEMBERS_OF_GROUPS, { groupIds: [...groupIds] }))
    out.get(String(r[0]))?.push(groupMemberFromRow(r.slice(1)));
  return out;
}

export interface MemberGroup {
  id: string;
  displayName: string;
}

/** The groups column of a member's own read (statements.ts GROUPS_OF_MEMBER_COLUMN): JSON text, none as null or []. */
export function memberGroupsFrom(column: unknown): MemberGroup[] {
  if (typeof column !== "string") return [];
  return (JSON.parse(column) as [string, string][]).map(([id, displayName]) => ({ id, displayName }));
}

/** Users' read-only `groups`: one query for every User of a response. */
export async function groupsOfMembers(orgId: string, memberIds: readonly string[]): Promise<Map<string, MemberGroup[]>> {
  const out = new Map<string, MemberGroup[]>();
  if (!memberIds.length) return out;
  for (const r of await sql.rows(GROUPS_OF_MEMBERS, { orgId, memberIds: [...memberIds] })) {
    const memberId = String(r[0]);
    const list = out.get(memberId) ?? [];
    list.push({ id: String(r[1]), displayName: String(r[2]) });
    out.set(memberId, list);
  }
  return out;
}
