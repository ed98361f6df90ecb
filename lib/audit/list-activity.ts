import { db, type Prisma } from "../db";
import { pageCount, pageWindow } from "../members/pagination";
import { periodStart, type ActivityListQuery } from "./activity-query";
import { activitySelect, toActivityItem, type ActivityPage } from "./activity-view";
import { actionsFor } from "./event-catalog";
import { retentionDays } from "./retention";

/**
 * Always scoped to one organization and ordered by time, so the (organizationId, createdAt)
 * and (organizationId, action, createdAt) indexes serve it. The label search is case-insensitive
 * on SQLite; on PostgreSQL it matches the text as typed or in lower case (labels are mostly lower case).
 */
export function activityWhere(orgId: string, query: ActivityListQuery, now = new Date()): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput = { organizationId: orgId };
  if (query.action) {
    const actions = actionsFor(query.action);
    where.action = actions.length === 1 ? actions[0] : { in: actions };
  }
  if (query.outcome) where.outcome = query.outcome;
  const from = periodStart(query.period, now);
  if (from) where.createdAt = { gte: from };
  const terms = [...new Set([query.q, query.q.toLowerCase()])].filter(Boolean);
  if (terms.length) where.OR = terms.flatMap((t) => [{ actorLabel: { contains: t } }, { targetLabel: { contains: t } }]);
  return where;
}

// GET /api/organizations/[orgId]/activity — newest first, one page, counted in the database.
export async function listActivity(orgId: string, query: ActivityListQuery): Promise<ActivityPage> {
  const where = activityWhere(orgId, query);
  const [total, rows] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...pageWindow(query.page, query.pageSize), select: activitySelect }),
  ]);
  return { items: rows.map(toActivityItem), total, page: query.page, pageSize: query.pageSize, pageCount: pageCount(total, query.pageSize), retentionDays: retentionDays() };
}
