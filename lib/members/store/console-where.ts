import type { Prisma } from "../../db";
import { defaultOrder, type MemberListQuery } from "../member-query";
import { likeCondition } from "./like-marker";

/**
 * The list's filter, always scoped to one organization. Search runs on the lower-cased
 * columns, so it is case-insensitive on SQLite and PostgreSQL alike. A term holding `%`, `_`
 * or a backslash matches them literally (like-marker.ts: the SCIM filter's escaping too).
 */
export function memberWhere(orgId: string, q: Pick<MemberListQuery, "q" | "status" | "managed"> & { group?: string }): Prisma.MemberWhereInput {
  const where: Prisma.MemberWhereInput = { organizationId: orgId };
  // The group is matched within the organization: another organization's group id matches nobody.
  if (q.group) where.groupMemberships = { some: { groupId: q.group, group: { organizationId: orgId } } };
  if (q.status !== "all") where.locked = q.status === "locked";
  if (q.managed !== "all") where.scimManaged = q.managed === "managed";
  const term = q.q.trim().toLowerCase();
  if (term) {
    where.OR = ["userNameLower", "displayNameLower", "emailLower"].map((column) => likeCondition("member", column, "contains", term));
  }
  return where;
}

/** A total order (id last), so pages never overlap or skip a member; missing values sort last either way. */
export function memberOrderBy(q: Pick<MemberListQuery, "sort" | "order">): Prisma.MemberOrderByWithRelationInput[] {
  const order = q.order ?? defaultOrder(q.sort);
  if (q.sort === "lastChange") {
    return [{ scimUpdatedAt: { sort: order, nulls: "last" } }, { userNameLower: "asc" }, { id: "asc" }];
  }
  return [{ displayNameLower: { sort: order, nulls: "last" } }, { userNameLower: order }, { id: "asc" }];
}
