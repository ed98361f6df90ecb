import { bind, fragment, join, text, toStatement, type Fragment } from "../../db/sql-fragment";
import { textMatch } from "../../db/sql-like";
import { defaultOrder, type MemberListQuery } from "../member-query";

const SEARCHED = [`m."userNameLower"`, `m."displayNameLower"`, `m."emailLower"`];

/**
 * The list's condition on "Member" m, always scoped to one organization. Search runs on the
 * lower-cased columns, so it is case-insensitive on SQLite and PostgreSQL alike, and through
 * the one LIKE escaping (lib/db/sql-like.ts, the SCIM filter's too): `%`, `_` and `\` match themselves.
 */
export function memberListCondition(orgId: string, q: Pick<MemberListQuery, "q" | "status" | "managed"> & { group?: string }): Fragment {
  const parts = [fragment`m."organizationId" = ${bind(orgId)}`];
  // The group is matched within the organization: another organization's group id matches nobody.
  if (q.group) {
    parts.push(fragment`EXISTS (SELECT 1 FROM "GroupMember" gm JOIN "Group" g ON g."id" = gm."groupId"
      WHERE gm."memberId" = m."id" AND gm."groupId" = ${bind(q.group)} AND g."organizationId" = ${bind(orgId)})`);
  }
  if (q.status !== "all") parts.push(fragment`m."locked" = ${bind(q.status === "locked")}`);
  if (q.managed !== "all") parts.push(fragment`m."scimManaged" = ${bind(q.managed === "managed")}`);
  const term = q.q.trim().toLowerCase();
  if (term)
    parts.push(
      fragment`(${join(
        SEARCHED.map((column) => textMatch(column, "contains", term, false)),
        " OR ",
      )})`,
    );
  return join(parts, " AND ");
}

/** A total order (id last), so pages never overlap or skip a member; missing values sort last either way. */
export function memberListOrder(q: Pick<MemberListQuery, "sort" | "order">): string {
  const order = (q.order ?? defaultOrder(q.sort)) === "asc" ? "ASC" : "DESC";
  if (q.sort === "lastChange") return `m."scimUpdatedAt" ${order} NULLS LAST, m."userNameLower" ASC, m."id" ASC`;
  return `m."displayNameLower" ${order} NULLS LAST, m."userNameLower" ${order}, m."id" ASC`;
}

/** The count, and the ids of one page in order (the rows are read by id: console-list.ts). */
export function memberListStatements(condition: Fragment, orderBy: string) {
  const page = toStatement(
    "member_list_page",
    fragment`SELECT m."id" FROM "Member" m WHERE ${condition} ORDER BY ${text(orderBy)} LIMIT ${"limit"} OFFSET ${"offset"}`,
  );
  return {
    count: toStatement("member_list_count", fragment`SELECT COUNT(*) FROM "Member" m WHERE ${condition}`).statement,
    page: page.statement,
    values: page.values,
  };
}
