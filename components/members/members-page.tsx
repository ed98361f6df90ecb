"use client";

import { useQuery } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useUrlState } from "@/components/ui/use-url-state";
import { defaultOrder, memberListParams, type MemberSort } from "@/lib/members/member-query";
import type { MemberListItem } from "@/lib/members/member-view";
import { GroupFilter } from "../groups/group-filter";
import { MemberActionDialog } from "./member-action-dialog";
import { MemberDetailsDialog } from "./member-details-dialog";
import { MembersTable, type MemberAction } from "./members-table";
import { memberListQuery, useRemoveMember, useSetMemberLocked } from "./queries";
import { SearchBox, SelectField } from "./search-box";

const STATUS = [
  ["all", "All statuses"],
  ["active", "Active"],
  ["locked", "Locked"],
] as const;
const MANAGED = [
  ["all", "All members"],
  ["managed", "Managed by SCIM"],
  ["unmanaged", "Not managed by SCIM"],
] as const;

const DONE: Record<MemberAction, string> = { lock: "is locked", unlock: "is unlocked", remove: "was removed" };

export function MembersPage({ orgId }: { orgId: string }) {
  // The URL is read with the API's own schema: what the table shows is what the API validates.
  const [params, setParams] = useUrlState(memberListParams);
  const list = useQuery(memberListQuery(orgId, params));
  const setLocked = useSetMemberLocked(orgId);
  const remove = useRemoveMember(orgId);
  const [detailId, setDetailId] = useState<string | null>(null);
  const [pending, setPending] = useState<{ member: MemberListItem; action: MemberAction } | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  // After a removal or a filter change the page may no longer exist: go to the last one.
  const pageCount = list.data?.pageCount;
  useEffect(() => {
    if (pageCount !== undefined && params.page > pageCount) setParams({ page: pageCount });
  }, [pageCount, params.page, setParams]);

  const filtered = params.q !== "" || params.status !== "all" || params.managed !== "all" || params.group !== "";
  const order = params.order ?? defaultOrder(params.sort);
  // A new column starts in its default order (left out of the URL: the API applies the same default).
  const onSort = (column: MemberSort) =>
    setParams(column === params.sort ? { order: order === "asc" ? "desc" : "asc", page: 1 } : { sort: column, order: undefined, page: 1 });

  const closeAction = () => {
    setPending(null);
    setActionError(null);
  };
  const confirmAction = () => {
    if (!pending) return;
    const { member, action } = pending;
    const options = {
      onSuccess: () => {
        closeAction();
        toast.success(`${member.userName} ${DONE[action]}`);
      },
      onError: (err: Error) => setActionError(err.message),
    };
    if (action === "remove") remove.mutate(member.id, options);
    else setLocked.mutate({ id: member.id, locked: action === "lock" }, options);
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <SearchBox
          label="Search members"
          placeholder="Username, name or email"
          value={params.q}
          onSearch={(q) => setParams({ q, page: 1 })}
        />
        <SelectField label="Status" value={params.status} options={STATUS} onChange={(status) => setParams({ status, page: 1 })} />
        <SelectField
          label="Provisioning"
          value={params.managed}
          options={MANAGED}
          onChange={(managed) => setParams({ managed, page: 1 })}
        />
        <GroupFilter orgId={orgId} value={params.group} onChange={(group) => setParams({ group, page: 1 })} />
        <Button variant="secondary" onClick={() => void list.refetch()} disabled={list.isFetching} aria-label="Refresh the member list">
          <RefreshCw className={`h-4 w-4 ${list.isFetching ? "animate-spin" : ""}`} aria-hidden /> Refresh
        </Button>
      </div>

      {list.isPending ? <LoadingState label="Loading members…" /> : null}
      {list.isError ? <ErrorState message={list.error.message} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        list.data.total === 0 ? (
          <EmptyState>
            {filtered ? (
              <>
                No members match these filters.{" "}
                <button
                  type="button"
                  className="font-medium text-violet-800 underline"
                  onClick={() => setParams({ q: "", status: "all", managed: "all", group: "", page: 1 })}
                >
                  Clear filters
                </button>
              </>
            ) : (
              "This organization has no members yet. Members your identity provider creates through SCIM appear here."
            )}
          </EmptyState>
        ) : (
          <div aria-busy={list.isFetching} className={list.isPlaceholderData ? "opacity-60 transition-opacity" : undefined}>
            <MembersTable
              items={list.data.items}
              sort={params.sort}
              order={order}
              canManage={list.data.canManage}
              onSort={onSort}
              onOpen={(m) => setDetailId(m.id)}
              onAction={(member, action) => setPending({ member, action })}
            />
          </div>
        )
      ) : null}
      {list.data && list.data.total > 0 ? (
        <Pagination
          label="Member list pages"
          page={params.page}
          pageCount={list.data.pageCount}
          pageSize={list.data.pageSize}
          total={list.data.total}
          onPage={(page) => setParams({ page })}
        />
      ) : null}

      <MemberDetailsDialog orgId={orgId} memberId={detailId} onClose={() => setDetailId(null)} />
      <MemberActionDialog
        target={pending}
        pending={setLocked.isPending || remove.isPending}
        error={actionError}
        onCancel={closeAction}
        onConfirm={confirmAction}
      />
    </div>
  );
}
