"use client";

import { useQuery } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import type { GroupListItem } from "@/lib/groups/store";
import { TimeAgo } from "../members/time-ago";
import { GroupMembersDialog } from "./group-members-dialog";
import { MappingDialog } from "./mapping-dialog";
import { groupListQuery } from "./queries";

export function GroupsPage({ orgId, canMap }: { orgId: string; canMap: boolean }) {
  const list = useQuery(groupListQuery(orgId));
  const [open, setOpen] = useState<GroupListItem | null>(null);
  const [mapping, setMapping] = useState<GroupListItem | null>(null);
  return (
    <div className="space-y-4">
      <div className="flex justify-end">
        <Button variant="secondary" onClick={() => void list.refetch()} disabled={list.isFetching} aria-label="Refresh the group list">
          <RefreshCw className={`h-4 w-4 ${list.isFetching ? "animate-spin" : ""}`} aria-hidden /> Refresh
        </Button>
      </div>
      {list.isPending ? <LoadingState label="Loading groups…" /> : null}
      {list.isError ? <ErrorState message={list.error.message} onRetry={() => void list.refetch()} /> : null}
      {list.data && list.data.total === 0 ? (
        <EmptyState>
          No groups yet. Groups your identity provider provisions through SCIM (Entra ID: &ldquo;Provision Microsoft Entra ID Groups&rdquo;;
          Okta: Push Groups) appear here.
        </EmptyState>
      ) : null}
      {list.data && list.data.total > 0 ? (
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-3 font-medium">
                Group
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Members
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Last change
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Permission in this organization
              </th>
              <th scope="col" className="py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {list.data.items.map((g) => (
              <tr key={g.id}>
                <td className="py-2 pr-3">
                  <button type="button" className="font-medium text-violet-800 underline" onClick={() => setOpen(g)}>
                    {g.displayName}
                  </button>{" "}
                  <Badge tone="violet">Managed by SCIM</Badge>
                </td>
                <td className="py-2 pr-3">{g.memberCount}</td>
                <td className="py-2 pr-3">
                  <TimeAgo iso={g.updatedAt} />
                </td>
                <td className="py-2 pr-3">
                  {g.permission ? <Badge tone="green">IAM permission</Badge> : <span className="text-slate-500">None</span>}
                </td>
                <td className="py-2 text-right">
                  {canMap ? (
                    <Button
                      variant="secondary"
                      onClick={() => setMapping(g)}
                      aria-label={`${g.permission ? "Remove the mapping of" : "Map"} ${g.displayName}`}
                    >
                      {g.permission ? "Remove mapping" : "Map to IAM permission"}
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <GroupMembersDialog orgId={orgId} group={open} onClose={() => setOpen(null)} />
      <MappingDialog orgId={orgId} group={mapping} onClose={() => setMapping(null)} />
    </div>
  );
}
