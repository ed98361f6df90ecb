"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ErrorState } from "@/components/ui/states";
import { activityListParams } from "@/lib/audit/activity-query";
import { actorText, targetText } from "@/lib/audit/event-catalog";
import { TimeAgo } from "../members/time-ago";
import { OutcomeBadge } from "./event-cells";
import { activityListQuery } from "./queries";

const RECENT = activityListParams.parse({ pageSize: 10 });

/** The last ten events, for the SCIM settings page; polls so the IdP's requests show up without a reload. */
export function RecentActivityPanel({ orgId }: { orgId: string }) {
  const recent = useQuery(activityListQuery(orgId, RECENT, true));
  return (
    <section aria-labelledby="recent-activity" className="rounded-lg border border-slate-200 bg-white p-5">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="recent-activity" className="text-base font-semibold">
          Recent provisioning activity
        </h2>
        <Link href={`/organizations/${orgId}/activity`} className="text-sm font-medium text-violet-800 underline">
          View all activity
        </Link>
      </div>
      <div className="mt-3">
        {recent.isPending ? <p className="text-sm text-slate-600">Loading recent activity…</p> : null}
        {recent.isError ? <ErrorState message={recent.error.message} onRetry={() => void recent.refetch()} /> : null}
        {recent.data && recent.data.items.length === 0 ? (
          <p className="text-sm text-slate-600">No activity yet. Requests from your identity provider will appear here.</p>
        ) : null}
        {recent.data && recent.data.items.length > 0 ? (
          <ol className="divide-y divide-slate-100 text-sm" aria-label="Last 10 events, newest first">
            {recent.data.items.map((e) => (
              <li key={e.id} data-testid="recent-event" className="flex flex-wrap items-center justify-between gap-2 py-2">
                <div className="min-w-0">
                  <span className="font-medium">{e.actionLabel}</span>
                  {e.target ? <span className="text-slate-700"> · {targetText(e.target)}</span> : null}
                  <div className="text-xs text-slate-500">
                    {actorText(e.actor)} · <TimeAgo iso={e.createdAt} />
                    {e.outcome === "failure" && e.detail ? ` · ${e.detail}` : null}
                  </div>
                </div>
                <OutcomeBadge item={e} />
              </li>
            ))}
          </ol>
        ) : null}
      </div>
    </section>
  );
}
