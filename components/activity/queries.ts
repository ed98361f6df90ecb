"use client";

import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";
import type { ActivityPage } from "@/lib/audit/activity-view";
import type { ActivitySummary } from "@/lib/audit/summarize-activity";
import { toSearch } from "../members/queries";

export interface ActivityListParams {
  action: string; // "" = every action; an action or "console" / "provisioning"
  outcome: "" | "success" | "failure";
  period: "all" | "24h" | "7d" | "30d";
  q: string;
  page: number;
  pageSize: number;
}

// Under ["orgs", orgId, "activity"], the prefix SCIM settings and member changes invalidate.
export const activityKeys = {
  all: (orgId: string) => ["orgs", orgId, "activity"] as const,
  list: (orgId: string, params: ActivityListParams) => ["orgs", orgId, "activity", params] as const,
  summary: (orgId: string) => ["orgs", orgId, "activity", "summary"] as const,
};

const base = (orgId: string) => `/api/organizations/${orgId}/activity`;
// The IdP writes without the console knowing: compact views poll, the full page refreshes on focus or demand.
const POLL_MS = 30_000;

export const activityListQuery = (orgId: string, params: ActivityListParams, poll = false) =>
  queryOptions({
    queryKey: activityKeys.list(orgId, params),
    queryFn: () => apiFetch<ActivityPage>(`${base(orgId)}?${toSearch(params)}`),
    placeholderData: keepPreviousData,
    refetchInterval: poll ? POLL_MS : false,
  });

export const activitySummaryQuery = (orgId: string) =>
  queryOptions({ queryKey: activityKeys.summary(orgId), queryFn: () => apiFetch<ActivitySummary>(`${base(orgId)}/summary`), refetchInterval: POLL_MS });
