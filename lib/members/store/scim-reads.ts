import { sql } from "../../db";
import type { Row } from "../../db/sql";
import type { Fragment } from "../../db/sql-fragment";
import { memberGroupsFrom, type MemberGroup } from "../../groups/store";
import { MEMBER_FIELDS, memberFromRow, type MemberRow } from "./columns";
import {
  MANAGERS,
  SCIM_MEMBER_BY_USERNAME,
  SCIM_MEMBER_WITH_GROUPS_BY_ID,
  SCIM_MEMBER_COUNT,
  SCIM_MEMBER_PAGE,
  scimMemberFilter,
} from "./statements";

// What the SCIM face reads: only members the IdP manages, only in the caller's organization.
// The lookups Entra and Okta make all day are prepared statements; a general filter is one
// condition compiled from the SCIM filter (lib/scim/filter/compile-filter.ts, over MEMBER_FILTER).

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
 * A compiled filter's condition (over MEMBER_FILTER; scope added here), counted and paged in the
 * database. Not a transaction: on SQLite that would take the write lock for a read, and under
 * READ COMMITTED it gave no common snapshot on PostgreSQL either.
 */
export async function scimMembersWhere(orgId: string, condition: Fragment, offset: number, limit: number): Promise<MemberPage> {
  const { count, page, values } = scimMemberFilter(condition);
  const [total, rows] = await Promise.all([
    sql.row(count, { ...values, orgId }),
    limit > 0 ? sql.rows(page, { ...values, orgId, limit, offset }) : [],
  ]);
  return { total: Number(total?.[0] ?? 0), rows: rows.map(memberFromRow) };
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
