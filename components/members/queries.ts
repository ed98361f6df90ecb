"use client";

import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";
import type { MemberDetail } from "@/lib/members/member-view";
import type { MemberListItem, MemberPage } from "@/lib/members/member-view";

/** The list's parameters as the URL holds them; defaults are left out of the URL and the request. */
export interface MemberListParams {
  q: string;
  status: "all" | "active" | "locked";
  managed: "all" | "managed" | "unmanaged";
  sort: "name" | "lastChange";
  order: "asc" | "desc";
  page: number;
  pageSize: number;
}

// ["orgs", orgId, "members", …]: lists by their parameters, one member by id.
export const memberKeys = {
  all: (orgId: string) => ["orgs", orgId, "members"] as const,
  list: (orgId: string, params: MemberListParams) => ["orgs", orgId, "members", params] as const,
  detail: (orgId: string, memberId: string) => ["orgs", orgId, "members", "detail", memberId] as const,
};
const activityKey = (orgId: string) => ["orgs", orgId, "activity"] as const;

const base = (orgId: string) => `/api/organizations/${orgId}/members`;

export function toSearch(params: object): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== "" && v !== undefined) sp.set(k, String(v));
  return sp.toString();
}

export const memberListQuery = (orgId: string, params: MemberListParams) =>
  queryOptions({
    queryKey: memberKeys.list(orgId, params),
    queryFn: () => apiFetch<MemberPage>(`${base(orgId)}?${toSearch(params)}`),
    placeholderData: keepPreviousData, // the table stays while the next page or filter loads
  });

export const memberDetailQuery = (orgId: string, memberId: string) =>
  queryOptions({ queryKey: memberKeys.detail(orgId, memberId), queryFn: () => apiFetch<MemberDetail>(`${base(orgId)}/${encodeURIComponent(memberId)}`) });

/** A member change refreshes the member lists and details and the activity log (it records an event), nothing else. */
function useMemberMutation<TVars, TData>(orgId: string, fn: (vars: TVars) => Promise<TData>, after?: (vars: TVars) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (_data, vars) => after?.(vars),
    onSettled: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: memberKeys.all(orgId) }), qc.invalidateQueries({ queryKey: activityKey(orgId) })]);
    },
  });
}

export function useSetMemberLocked(orgId: string) {
  return useMemberMutation(orgId, ({ id, locked }: { id: string; locked: boolean }) =>
    apiFetch<MemberListItem>(`${base(orgId)}/${encodeURIComponent(id)}`, { method: "PATCH", body: { locked } }),
  );
}

export function useRemoveMember(orgId: string) {
  const qc = useQueryClient();
  return useMemberMutation(
    orgId,
    (id: string) => apiFetch<{ removed: true }>(`${base(orgId)}/${encodeURIComponent(id)}`, { method: "DELETE" }),
    // The removed member's detail would only answer 404 now.
    (id) => qc.removeQueries({ queryKey: memberKeys.detail(orgId, id) }),
  );
}
