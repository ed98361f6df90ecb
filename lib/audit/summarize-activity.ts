import { db } from "../db";
import { failureGroups, type FailureGroup } from "./failure-reasons";

export const FAILURE_WINDOW_HOURS = 24;

export interface ActivitySummary {
  windowHours: number;
  since: string;
  failedRequests: number;
  lastFailureAt: string | null;
  /** Last time any of the organization's tokens authenticated (throttled to a minute); shows whether the IdP recovered. */
  lastTokenUseAt: string | null;
  failures: FailureGroup[];
}

// GET /api/organizations/[orgId]/activity/summary — failing SCIM requests of the last 24 hours,
// grouped in the database on the (organizationId, action, createdAt) index.
export async function summarizeActivity(orgId: string, now = new Date()): Promise<ActivitySummary> {
  const since = new Date(now.getTime() - FAILURE_WINDOW_HOURS * 3_600_000);
  const scope = (action: string) => ({ organizationId: orgId, action, createdAt: { gte: since } });
  const [auth, rejected, tokens] = await Promise.all([
    db.auditEvent.groupBy({ by: ["detail"], where: scope("scim.auth.failed"), _count: { _all: true }, _max: { createdAt: true } }),
    db.auditEvent.groupBy({ by: ["status"], where: scope("scim.request.rejected"), _count: { _all: true }, _max: { createdAt: true } }),
    db.scimToken.aggregate({ where: { organizationId: orgId }, _max: { lastUsedAt: true } }),
  ]);
  const failures = failureGroups(
    auth.map((g) => ({ detail: g.detail, count: g._count._all, lastAt: g._max.createdAt ?? since })),
    rejected.map((g) => ({ status: g.status, count: g._count._all, lastAt: g._max.createdAt ?? since })),
  );
  const lastFailureAt = failures.reduce<string | null>((last, g) => (last === null || g.lastAt > last ? g.lastAt : last), null);
  return {
    windowHours: FAILURE_WINDOW_HOURS,
    since: since.toISOString(),
    failedRequests: failures.reduce((n, g) => n + g.count, 0),
    lastFailureAt,
    lastTokenUseAt: tokens._max.lastUsedAt?.toISOString() ?? null,
    failures,
  };
}
