"use client";

import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";
import type { GroupListItem, GroupMembersPage, MappingPreview } from "@/lib/groups/store";
import { activityKeys } from "../activity/queries";
import { memberKeys } from "../members/queries";

// ["orgs", orgId, "groups", …]: the list, one group's members by page, a mapping preview.
export const groupKeys = {
  all: (orgId: string) => ["orgs", orgId, "groups"] as const,
  list: (orgId: string) => [...groupKeys.all(orgId), "list"] as const,
  members: (orgId: string, groupId: string, page: number) => [...groupKeys.all(orgId), "members", groupId, page] as const,
  preview: (orgId: string, groupId: string, permission: "iam" | null) =>
    [...groupKeys.all(orgId), "preview", groupId, permission ?? "none"] as const,
};

const base = (orgId: string) => `/api/organizations/${orgId}/groups`;

export const groupListQuery = (orgId: string) =>
  queryOptions({ queryKey: groupKeys.list(orgId), queryFn: () => apiFetch<{ items: GroupListItem[]; total: number }>(base(orgId)) });

export const groupMembersQuery = (orgId: string, groupId: string, page: number) =>
  queryOptions({
    queryKey: groupKeys.members(orgId, groupId, page),
    queryFn: () => apiFetch<GroupMembersPage>(`${base(orgId)}/${encodeURIComponent(groupId)}?page=${page}`),
  });

export const mappingPreviewQuery = (orgId: string, groupId: string, permission: "iam" | null) =>
  queryOptions({
    queryKey: groupKeys.preview(orgId, groupId, permission),
    queryFn: () => apiFetch<MappingPreview>(`${base(orgId)}/${encodeURIComponent(groupId)}/mapping?permission=${permission ?? "none"}`),
    staleTime: 0,
  });

/** A saved mapping changes the groups (their mapping), members' roles, and the activity log. */
export function useSetMapping(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ groupId, permission }: { groupId: string; permission: "iam" | null }) =>
      apiFetch<MappingPreview>(`${base(orgId)}/${encodeURIComponent(groupId)}/mapping`, { method: "PUT", body: { permission } }),
    onSettled: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: groupKeys.all(orgId) }),
        qc.invalidateQueries({ queryKey: memberKeys.all(orgId) }),
        qc.invalidateQueries({ queryKey: activityKeys.lists(orgId) }),
      ]);
    },
  });
}
