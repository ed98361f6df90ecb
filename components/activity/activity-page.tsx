"use client";

import { useQuery } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useUrlState } from "@/components/ui/use-url-state";
import { activityListParams } from "@/lib/audit/activity-query";
import { ActivityFilters } from "./activity-filters";
import { ActivityTable } from "./activity-table";
import { FailingRequestsBanner } from "./failing-requests-banner";
import { activityListQuery } from "./queries";

const CLEARED = { action: undefined, outcome: undefined, period: undefined, q: undefined, page: undefined };

export function ActivityPage({ orgId }: { orgId: string }) {
  // The URL is read with the API's own schema: a filter the API would refuse falls back to its default.
  const [params, setParams] = useUrlState(activityListParams);
  const list = useQuery(activityListQuery(orgId, params));

  const pageCount = list.data?.pageCount;
  useEffect(() => {
    if (pageCount !== undefined && params.page > pageCount) setParams({ page: pageCount });
  }, [pageCount, params.page, setParams]);

  const filtered = params.action !== undefined || params.outcome !== undefined || params.period !== "all" || params.q !== "";
  return (
    <div className="space-y-4">
      <FailingRequestsBanner orgId={orgId} />
      <div className="flex flex-wrap items-end gap-3">
        <ActivityFilters params={params} onChange={setParams} />
        <Button variant="secondary" onClick={() => void list.refetch()} disabled={list.isFetching} aria-label="Refresh the activity">
          <RefreshCw className={`h-4 w-4 ${list.isFetching ? "animate-spin" : ""}`} aria-hidden /> Refresh
        </Button>
      </div>

      {list.isPending ? <LoadingState label="Loading activity…" /> : null}
      {list.isError ? <ErrorState message={list.error.message} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        list.data.total === 0 ? (
          <EmptyState>
            {filtered ? (
              <>
                No events match these filters.{" "}
                <button type="button" className="font-medium text-violet-800 underline" onClick={() => setParams(CLEARED)}>
                  Clear filters
                </button>
              </>
            ) : (
              "No activity yet. Enabling SCIM, managing tokens and every request from your identity provider will be recorded here."
            )}
          </EmptyState>
        ) : (
          <div aria-busy={list.isFetching} className={list.isPlaceholderData ? "opacity-60 transition-opacity" : undefined}>
            <ActivityTable items={list.data.items} />
          </div>
        )
      ) : null}
      {list.data && list.data.total > 0 ? (
        <Pagination
          label="Activity pages"
          page={params.page}
          pageCount={list.data.pageCount}
          pageSize={list.data.pageSize}
          total={list.data.total}
          onPage={(page) => setParams({ page })}
        />
      ) : null}
      {list.data ? <p className="text-xs text-slate-500">Events are kept for {list.data.retentionDays} days.</p> : null}
    </div>
  );
}
