import { db, fastReads, type Prisma } from "../../db";
import { normalizeAttrPath } from "../filter/filter-columns";
import type { Filter } from "scim2-parse-filter";
import { filterToWhere, parseFilter } from "../filter/filter-to-where";
import { refineLikes } from "../filter/like-refinement";
import type { ScimObject } from "../json";
import type { Paging } from "../list-response";
import { memberSelect } from "../member-row";
import { toResources, type ScimContext } from "./context";

export interface UserPage {
  totalResults: number;
  resources: ScimObject[];
}

/** `userName eq "x"`: how Entra and Okta look a user up before every create or update. */
function userNameEquals(node: Filter): string | null {
  if (node.op !== "eq" || normalizeAttrPath(node.attrPath) !== "username" || typeof node.compValue !== "string") return null;
  return node.compValue.toLowerCase();
}

// GET /Users — filtered in the database, ordered by (createdAt, id) so pages are stable.
export async function listUsers(ctx: ScimContext, filter: string | null, paging: Paging): Promise<UserPage> {
  const ast = filter?.trim() ? parseFilter(filter) : null; // parsed once, for both paths
  const byUserName = ast ? userNameEquals(ast) : null;
  if (byUserName !== null) {
    // The hot path: one prepared read on the unique (organizationId, userNameLower) index.
    const row = await fastReads.scimMemberByUserName(ctx.caller.organizationId, byUserName);
    const rows = row && paging.startIndex === 1 && paging.count > 0 ? [row] : [];
    return { totalResults: row ? 1 : 0, resources: await toResources(db, ctx, rows) };
  }
  if (!ast) {
    // Okta's import, page after page: two prepared reads (count, page) instead of Prisma's.
    const page = await fastReads.scimMemberPage(ctx.caller.organizationId, paging.startIndex - 1, paging.count);
    return { totalResults: page.total, resources: await toResources(db, ctx, page.rows) };
  }
  const scope: Prisma.MemberWhereInput = { organizationId: ctx.caller.organizationId, scimManaged: true };
  const where: Prisma.MemberWhereInput = { AND: [scope, await refineLikes(filterToWhere(ast), scope)] };
  if (paging.count === 0) return { totalResults: await db.member.count({ where }), resources: [] };
  // Not a transaction: on SQLite that would take the write lock for a read. Under READ COMMITTED
  // a transaction gave no common snapshot on PostgreSQL either.
  const [totalResults, rows] = await Promise.all([
    db.member.count({ where }),
    db.member.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip: paging.startIndex - 1, take: paging.count, select: memberSelect }),
  ]);
  return { totalResults, resources: await toResources(db, ctx, rows) };
}
