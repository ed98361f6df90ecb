import { db } from "../db";
import type { MemberListQuery } from "./member-query";
import { memberListSelect, toMemberListItem, type MemberPage, type Viewer } from "./member-view";
import { memberOrderBy, memberWhere } from "./member-where";
import { pageCount, pageWindow } from "./pagination";

// GET /api/organizations/[orgId]/members — one page, filtered, sorted and counted in the database.
export async function listMembers(orgId: string, query: MemberListQuery, viewer: Viewer): Promise<MemberPage> {
  const where = memberWhere(orgId, query);
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
