import { asDate, asText, type Row } from "../db/sql";
import { bind, fragment, join, text, toStatement, type Fragment } from "../db/sql-fragment";
import { textMatch } from "../db/sql-like";
import { periodStart, type ActivityListQuery } from "./activity-query";
import type { ActivityRow } from "./activity-view";
import { actionsFor } from "./event-catalog";

// The activity list as statements: one count and one page around the same condition on
// "AuditEvent" e. Always scoped to one organization and ordered by time, so the
// (organizationId, createdAt), (organizationId, action, createdAt) and (organizationId,
// outcome, createdAt) indexes serve it. The search runs on the labels' lower-cased columns
// (lowered in JavaScript when written, as the term is here), so it is case-insensitive in every
// script on SQLite and PostgreSQL alike, and through the one LIKE escaping (lib/db/sql-like.ts):
// `%`, `_` and `\` match themselves.

const SEARCHED = [`e."actorLabelLower"`, `e."targetLabelLower"`];

export function activityCondition(orgId: string, query: ActivityListQuery, now = new Date()): Fragment {
  const parts = [fragment`e."organizationId" = ${bind(orgId)}`];
  if (query.action) {
    const actions = actionsFor(query.action);
    parts.push(
      fragment`e."action" IN (${join(
        actions.map((a) => fragment`${bind(a)}`),
        ", ",
      )})`,
    );
  }
  if (query.outcome) parts.push(fragment`e."outcome" = ${bind(query.outcome)}`);
  const from = periodStart(query.period, now);
  if (from) parts.push(fragment`e."createdAt" >= ${bind(from)}`);
  const term = query.q.toLowerCase();
  if (term)
    parts.push(
      fragment`(${join(
        SEARCHED.map((column) => textMatch(column, "contains", term, false)),
        " OR ",
      )})`,
    );
  return join(parts, " AND ");
}

const COLUMNS = [
  "id",
  "createdAt",
  "actorType",
  "actorLabel",
  "action",
  "targetType",
  "targetId",
  "targetLabel",
  "outcome",
  "status",
  "detail",
] as const;
const SELECT = text(COLUMNS.map((c) => `e."${c}"`).join(", "));

/** The count, and one page newest first (id last: pages never overlap or skip an event). */
export function activityStatements(condition: Fragment) {
  const where = fragment`FROM "AuditEvent" e WHERE ${condition}`;
  const page = toStatement(
    "activity_page",
    fragment`SELECT ${SELECT} ${where} ORDER BY e."createdAt" DESC, e."id" DESC LIMIT ${"limit"} OFFSET ${"offset"}`,
  );
  return { count: toStatement("activity_count", fragment`SELECT COUNT(*) ${where}`).statement, page: page.statement, values: page.values };
}

const at = Object.fromEntries(COLUMNS.map((c, i) => [c, i])) as Record<(typeof COLUMNS)[number], number>;

export function activityRowFrom(r: Row): ActivityRow {
  return {
    id: String(r[at.id]),
    createdAt: asDate(r[at.createdAt]),
    actorType: String(r[at.actorType]),
    actorLabel: asText(r[at.actorLabel]),
    action: String(r[at.action]),
    targetType: asText(r[at.targetType]),
    targetId: asText(r[at.targetId]),
    targetLabel: asText(r[at.targetLabel]),
    outcome: String(r[at.outcome]),
    status: r[at.status] === null || r[at.status] === undefined ? null : Number(r[at.status]),
    detail: asText(r[at.detail]),
  };
}
