"use client";

import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";
import type { ScimSettings } from "@/lib/provisioning/schemas";
import type { TokenInfo } from "@/lib/provisioning/schemas";
import { activityKeys } from "../activity/queries";

export interface CreatedTokenResponse {
  token: string;
  baseUrl: string;
  tokenInfo: TokenInfo;
}

// ["orgs", orgId, "scim"]: the settings with their tokens (the activity log has its own keys).
export const scimKeys = {
  settings: (orgId: string) => ["orgs", orgId, "scim"] as const,
};

export const scimSettingsQuery = (orgId: string) =>
  queryOptions({ queryKey: scimKeys.settings(orgId), queryFn: () => apiFetch<ScimSettings>(`/api/organizations/${orgId}/scim`) });

const base = (orgId: string) => `/api/organizations/${orgId}/scim`;

/** Every SCIM settings change refreshes the settings and the activity lists (it records an event), nothing else. */
function useScimMutation<TVars, TData>(orgId: string, fn: (vars: TVars) => Promise<TData>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: scimKeys.settings(orgId) }),
        qc.invalidateQueries({ queryKey: activityKeys.lists(orgId) }),
      ]);
    },
  });
}

export const useEnableScim = (orgId: string) =>
  useScimMutation(orgId, () => apiFetch<CreatedTokenResponse>(`${base(orgId)}/enable`, { method: "POST", body: {} }));

export const useCreateToken = (orgId: string) =>
  useScimMutation(orgId, () => apiFetch<CreatedTokenResponse>(`${base(orgId)}/tokens`, { method: "POST", body: {} }));

export const useDeleteToken = (orgId: string) =>
  useScimMutation(orgId, (tokenId: string) => apiFetch<{ deleted: true }>(`${base(orgId)}/tokens/${tokenId}`, { method: "DELETE" }));

export const useDisableScim = (orgId: string) =>
  useScimMutation(orgId, (confirm: string) =>
    apiFetch<{ enabled: false }>(`${base(orgId)}/disable`, { method: "POST", body: { confirm } }),
  );
