import { z } from "zod";
import { ACTION_GROUPS, KNOWN_ACTIONS, type ActionFilter } from "./event-catalog";

// Query string of GET /api/organizations/[orgId]/activity. Unknown values are a 400, not ignored.
export const ACTIVITY_PERIODS = { "24h": 24, "7d": 7 * 24, "30d": 30 * 24, all: null } as const;
export type ActivityPeriod = keyof typeof ACTIVITY_PERIODS;
export const MAX_ACTIVITY_PAGE_SIZE = 100;

const actionFilters = [...KNOWN_ACTIONS, ...(Object.keys(ACTION_GROUPS) as (keyof typeof ACTION_GROUPS)[])] as [
  ActionFilter,
  ...ActionFilter[],
];

export const activityListParams = z.object({
  action: z.enum(actionFilters).optional(),
  outcome: z.enum(["success", "failure"]).optional(),
  period: z.enum(Object.keys(ACTIVITY_PERIODS) as [ActivityPeriod, ...ActivityPeriod[]]).default("all"),
  q: z.string().trim().max(200).default(""),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_ACTIVITY_PAGE_SIZE).default(25),
});

export type ActivityListQuery = z.infer<typeof activityListParams>;

export function parseActivityListQuery(params: URLSearchParams): ActivityListQuery {
  return activityListParams.parse(Object.fromEntries(params));
}

/** Start of the period, or null for "all" (retention bounds it anyway). */
export function periodStart(period: ActivityPeriod, now: Date): Date | null {
  const hours = ACTIVITY_PERIODS[period];
  return hours === null ? null : new Date(now.getTime() - hours * 3_600_000);
}
