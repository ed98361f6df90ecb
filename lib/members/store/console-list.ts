import { db } from "../../db";
import type { MemberListQuery } from "../member-query";
import { memberListSelect, toMemberListItem, type MemberPage, type Viewer } from "../member-view";
import { pageCount, pageWindow } from "../pagination";
import { memberOrderBy, memberWhere } from "./console-where";
import { refineLikes } from "./like-refinement";

// GET /api/organizations/[orgId]/members — one page, filtered, sorted and counted in the database
// (Prisma: the filters and sorts vary, and a person is waiting, not an IdP by the thousand).
export async function listMembers(orgId: string, query: MemberListQuery, viewer: Viewer): Promise<MemberPage> {
  const where = await refineLikes(memberWhere(orgId, query), { organizationId: orgId });
  const [total, rows] = await Promise.all([
    db.member.count({ where }),
    db.member.findMany({ where, orderBy: memberOrderBy(query), ...pageWindow(query.page, query.pageSize), select: memberListSelect }),
  ]);
  return {
    items: rows.map((row) => toMemberListItem(row, viewer)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    pageCount: pageCount(total, query.pageSize),
    canManage: viewer.canManage,
  };
}
