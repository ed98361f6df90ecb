import { sql } from "../../db";
import type { MemberListQuery } from "../member-query";
import { toMemberListItem, type MemberPage, type Viewer } from "../member-view";
import { pageCount, pageWindow } from "../pagination";
import { CONSOLE_MEMBERS_BY_IDS, memberListRowFrom } from "./console-rows";
import { memberListCondition, memberListOrder, memberListStatements } from "./console-where";

// GET /api/organizations/[orgId]/members — one page, filtered, sorted and counted in the database.
// The search and the page are one statement (the one LIKE escaping is SQL: lib/db/sql-like.ts);
// the page's rows, at most a page size of ids, are then read by key through the console's one
// column list (console-rows.ts), which the member's details and its lock answer share.
export async function listMembers(orgId: string, query: MemberListQuery, viewer: Viewer): Promise<MemberPage> {
  const { count, page, values } = memberListStatements(memberListCondition(orgId, query), memberListOrder(query));
  const { skip, take } = pageWindow(query.page, query.pageSize);
  const [counted, idRows] = await Promise.all([sql.row(count, values), sql.rows(page, { ...values, limit: take, offset: skip })]);
  const ids = idRows.map((r) => String(r[0]));
  const rows = ids.length ? (await sql.rows(CONSOLE_MEMBERS_BY_IDS, { ids, orgId })).map(memberListRowFrom) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const total = Number(counted?.[0] ?? 0);
  return {
    // A member removed between the two reads is left out of the page.
    items: ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toMemberListItem(row, viewer)] : [];
    }),
    total,
    page: query.page,
    pageSize: query.pageSize,
    pageCount: pageCount(total, query.pageSize),
    canManage: viewer.canManage,
  };
}
