"use client";

import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";
import { toSearch } from "@/lib/client/to-search";
import type { ActivityListQuery } from "@/lib/audit/activity-query";
import type { ActivityPage } from "@/lib/audit/activity-view";
import type { ActivitySummary } from "@/lib/audit/summarize-activity";

// The one definition of the activity keys. Console changes (SCIM settings, members) record an
// event, so they invalidate the lists; the summary counts only the IdP's failures and polls.
export const activityKeys = {
  all: (orgId: string) => ["orgs", orgId, "activity"] as const,
  lists: (orgId: string) => [...activityKeys.all(orgId), "list"] as const,
  list: (orgId: string, params: ActivityListQuery) => [...activityKeys.lists(orgId), params] as const,
  summary: (orgId: string) => [...activityKeys.all(orgId), "summary"] as const,
};

const base = (orgId: string) => `/api/organizations/${orgId}/activity`;
// The IdP writes without the console knowing: compact views poll, the full page refreshes on focus or demand.
const POLL_MS = 30_000;

export const activityListQuery = (orgId: string, params: ActivityListQuery, poll = false) =>
  queryOptions({
    queryKey: activityKeys.list(orgId, params),
    queryFn: () => apiFetch<ActivityPage>(`${base(orgId)}?${toSearch(params)}`),
    placeholderData: keepPreviousData,
    refetchInterval: poll ? POLL_MS : false,
  });

export const activitySummaryQuery = (orgId: string) =>
  queryOptions({
    queryKey: activityKeys.summary(orgId),
    queryFn: () => apiFetch<ActivitySummary>(`${base(orgId)}/summary`),
    refetchInterval: POLL_MS,
  });
