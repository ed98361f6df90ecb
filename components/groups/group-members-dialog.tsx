"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Dialog } from "@/components/ui/dialog";
import { Pagination } from "@/components/ui/pagination";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import type { GroupListItem } from "@/lib/groups/store";
import { groupMembersQuery } from "./queries";

export function GroupMembersDialog({ orgId, group, onClose }: { orgId: string; group: GroupListItem | null; onClose: () => void }) {
  const [page, setPage] = useState(1);
  const members = useQuery({ ...groupMembersQuery(orgId, group?.id ?? "", page), enabled: !!group });
  const close = () => {
    setPage(1);
    onClose();
  };
  return (
    <Dialog
      open={!!group}
      onOpenChange={(o) => !o && close()}
      title={group ? `Members of ${group.displayName}` : "Group members"}
      description="Managed by your identity provider: read-only here."
    >
      {members.isPending ? <LoadingState label="Loading members…" /> : null}
      {members.isError ? <ErrorState message={members.error.message} onRetry={() => void members.refetch()} /> : null}
      {members.data ? (
        members.data.total === 0 ? (
          <EmptyState>This group has no members.</EmptyState>
        ) : (
          <div className="space-y-3">
            <ul className="max-h-[50vh] divide-y divide-slate-100 overflow-y-auto text-sm">
              {members.data.members.map((m) => (
                <li key={m.id} className="flex items-center justify-between gap-3 py-2">
                  <span>
                    <span className="font-medium">{m.displayName ?? m.userName}</span> <span className="text-slate-500">{m.userName}</span>
                  </span>
                  {m.locked ? <Badge tone="red">Locked</Badge> : null}
                </li>
              ))}
            </ul>
            <Pagination
              label="Group member pages"
              page={page}
              pageCount={Math.max(1, Math.ceil(members.data.total / members.data.pageSize))}
              pageSize={members.data.pageSize}
              total={members.data.total}
              onPage={setPage}
            />
            {group ? (
              <Link
                href={`/organizations/${orgId}/members?group=${encodeURIComponent(group.id)}`}
                className="text-sm font-medium text-violet-800 underline"
              >
                Open in the members list
              </Link>
            ) : null}
          </div>
        )
      ) : null}
    </Dialog>
  );
}
