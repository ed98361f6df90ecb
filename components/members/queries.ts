"use client";

import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";
import { toSearch } from "@/lib/client/to-search";
import type { MemberListQuery } from "@/lib/members/member-query";
import type { MemberDetail } from "@/lib/members/member-view";
import type { MemberListItem, MemberPage } from "@/lib/members/member-view";
import { activityKeys } from "../activity/queries";

// ["orgs", orgId, "members", …]: lists by their (parsed, so canonical) parameters, one member by id.
export const memberKeys = {
  all: (orgId: string) => ["orgs", orgId, "members"] as const,
  lists: (orgId: string) => [...memberKeys.all(orgId), "list"] as const,
  list: (orgId: string, params: MemberListQuery) => [...memberKeys.lists(orgId), params] as const,
  detail: (orgId: string, memberId: string) => [...memberKeys.all(orgId), "detail", memberId] as const,
};

const base = (orgId: string) => `/api/organizations/${orgId}/members`;

export const memberListQuery = (orgId: string, params: MemberListQuery) =>
  queryOptions({
    queryKey: memberKeys.list(orgId, params),
    queryFn: () => apiFetch<MemberPage>(`${base(orgId)}?${toSearch(params)}`),
    placeholderData: keepPreviousData, // the table stays while the next page or filter loads
  });

export const memberDetailQuery = (orgId: string, memberId: string) =>
  queryOptions({
    queryKey: memberKeys.detail(orgId, memberId),
    queryFn: () => apiFetch<MemberDetail>(`${base(orgId)}/${encodeURIComponent(memberId)}`),
  });

/** Locking a member changes the lists it shows in, its details and the activity log (it records an event), nothing else. */
export function useSetMemberLocked(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, locked }: { id: string; locked: boolean }) =>
      apiFetch<MemberListItem>(`${base(orgId)}/${encodeURIComponent(id)}`, { method: "PATCH", body: { locked } }),
    onSettled: async (_data, _err, { id }) => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: memberKeys.lists(orgId) }),
        qc.invalidateQueries({ queryKey: memberKeys.detail(orgId, id) }),
        qc.invalidateQueries({ queryKey: activityKeys.lists(orgId) }),
      ]);
    },
  });
}

/** A removal changes the lists and the activity log; the removed member's detail would only answer 404 now. */
export function useRemoveMember(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<{ removed: true }>(`${base(orgId)}/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: (_data, id) => qc.removeQueries({ queryKey: memberKeys.detail(orgId, id) }),
    onSettled: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: memberKeys.lists(orgId) }),
        qc.invalidateQueries({ queryKey: activityKeys.lists(orgId) }),
      ]);
    },
  });
}
