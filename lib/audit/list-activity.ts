import { sql } from "../db";
import { pageCount, pageWindow } from "../members/pagination";
import type { ActivityListQuery } from "./activity-query";
import { toActivityItem, type ActivityPage } from "./activity-view";
import { activityCondition, activityRowFrom, activityStatements } from "./activity-where";
import { retentionDays } from "./retention";

// GET /api/organizations/[orgId]/activity — newest first, one page, filtered, searched and
// counted in the database (activity-where.ts).
export async function listActivity(orgId: string, query: ActivityListQuery): Promise<ActivityPage> {
  const { count, page, values } = activityStatements(activityCondition(orgId, query));
  const { skip, take } = pageWindow(query.page, query.pageSize);
  const [counted, rows] = await Promise.all([sql.row(count, values), sql.rows(page, { ...values, limit: take, offset: skip })]);
  const total = Number(counted?.[0] ?? 0);
  return {
    items: rows.map(activityRowFrom).map(toActivityItem),
    total,
    page: query.page,
    pageSize: query.pageSize,
    pageCount: pageCount(total, query.pageSize),
    retentionDays: retentionDays(),
  };
}
