"use client";

import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-fetch";
import type { SsoConnectionInput } from "@/lib/sso/connection-input";
import type { SsoConnectionView } from "@/lib/sso/connection-view";
import { activityKeys } from "../activity/queries";

// ["orgs", orgId, "sso"]: the single sign-on connection.
export const ssoKeys = {
  connection: (orgId: string) => ["orgs", orgId, "sso"] as const,
};

export const ssoConnectionQuery = (orgId: string) =>
  queryOptions({ queryKey: ssoKeys.connection(orgId), queryFn: () => apiFetch<SsoConnectionView>(`/api/organizations/${orgId}/sso`) });

export function useSaveSso(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SsoConnectionInput) =>
      apiFetch<SsoConnectionView>(`/api/organizations/${orgId}/sso`, { method: "PUT", body: input }),
    onSuccess: (view) => qc.setQueryData(ssoKeys.connection(orgId), view),
    onSettled: () => qc.invalidateQueries({ queryKey: activityKeys.lists(orgId) }),
  });
}

/** Starts a Test sign-in: the browser goes to the IdP and comes back to this page with the result. */
export function useTestSso(orgId: string) {
  return useMutation({
    mutationFn: () => apiFetch<{ location: string }>(`/api/organizations/${orgId}/sso/test`, { method: "POST", body: {} }),
    onSuccess: ({ location }) => window.location.assign(location),
  });
}
