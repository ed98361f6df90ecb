"use client";

import type { ActivityItem } from "@/lib/audit/activity-view";
import { actorText, targetText } from "@/lib/audit/event-catalog";
import { TimeAgo } from "../members/time-ago";
import { OutcomeBadge } from "./event-cells";

export function ActivityTable({ items }: { items: ActivityItem[] }) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Activity, newest first</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-4 py-2">
              Time
            </th>
            <th scope="col" className="px-4 py-2">
              Actor
            </th>
            <th scope="col" className="px-4 py-2">
              Event
            </th>
            <th scope="col" className="px-4 py-2">
              Target
            </th>
            <th scope="col" className="px-4 py-2">
              Outcome
            </th>
            <th scope="col" className="px-4 py-2">
              Details
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((e) => (
            <tr key={e.id} data-testid="activity-row" className={e.outcome === "failure" ? "bg-red-50/40" : undefined}>
              <td className="px-4 py-2 whitespace-nowrap">
                <TimeAgo iso={e.createdAt} />
              </td>
              <td className="px-4 py-2">
                <span className={e.actor.type === "token" || e.actor.type === "anonymous" ? "font-mono text-xs" : undefined}>
                  {actorText(e.actor)}
                </span>
              </td>
              <td className="px-4 py-2">
                <div className="font-medium">{e.actionLabel}</div>
                <div className="font-mono text-xs text-slate-500">{e.action}</div>
              </td>
              <td className="px-4 py-2 break-all">{targetText(e.target)}</td>
              <td className="px-4 py-2 whitespace-nowrap">
                <OutcomeBadge item={e} />
              </td>
              <td className="max-w-md px-4 py-2 text-slate-700">{e.detail ?? <span className="text-slate-500">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
