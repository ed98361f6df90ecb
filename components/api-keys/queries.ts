"use client";

import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";
import type { ApiKeyInfo, CreateApiKeyInput, CreatedApiKey } from "@/lib/api-keys/schemas";
import { activityKeys } from "../activity/queries";

// ["orgs", orgId, "api-keys"]: the organization's API keys.
export const apiKeyKeys = { list: (orgId: string) => ["orgs", orgId, "api-keys"] as const };

const base = (orgId: string) => `/api/organizations/${orgId}/api-keys`;

export const apiKeysQuery = (orgId: string) =>
  queryOptions({ queryKey: apiKeyKeys.list(orgId), queryFn: () => apiFetch<{ apiKeys: ApiKeyInfo[] }>(base(orgId)) });

function useKeyMutation<TVars, TData>(orgId: string, fn: (vars: TVars) => Promise<TData>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: apiKeyKeys.list(orgId) }),
        qc.invalidateQueries({ queryKey: activityKeys.lists(orgId) }),
      ]);
    },
  });
}

export const useCreateApiKey = (orgId: string) =>
  useKeyMutation(orgId, (input: CreateApiKeyInput) => apiFetch<CreatedApiKey>(base(orgId), { method: "POST", body: input }));
export const useDeleteApiKey = (orgId: string) =>
  useKeyMutation(orgId, (keyId: string) => apiFetch<{ deleted: true }>(`${base(orgId)}/${keyId}`, { method: "DELETE" }));
