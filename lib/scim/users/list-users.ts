import { db, type Prisma } from "../../db";
import { filterToWhere } from "../filter/filter-to-where";
import { refineLikes } from "../filter/like-refinement";
import type { ScimObject } from "../json";
import type { Paging } from "../list-response";
import { memberSelect } from "../member-row";
import { toResources, type ScimContext } from "./context";

export interface UserPage {
  totalResults: number;
  resources: ScimObject[];
}

// GET /Users — filtered in the database, ordered by (createdAt, id) so pages are stable.
export async function listUsers(ctx: ScimContext, filter: string | null, paging: Paging): Promise<UserPage> {
  const scope: Prisma.MemberWhereInput = { organizationId: ctx.caller.organizationId, scimManaged: true };
  const where: Prisma.MemberWhereInput = filter?.trim() ? { AND: [scope, await refineLikes(filterToWhere(filter), scope)] } : scope;
  if (paging.count === 0) return { totalResults: await db.member.count({ where }), resources: [] };
  const [totalResults, rows] = await db.$transaction([
    db.member.count({ where }),
    db.member.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip: paging.startIndex - 1, take: paging.count, select: memberSelect }),
  ]);
  return { totalResults, resources: await toResources(db, ctx, rows) };
}
