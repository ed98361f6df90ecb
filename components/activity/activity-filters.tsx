"use client";

import { useId } from "react";
import type { UrlPatch } from "@/components/ui/use-url-state";
import { activityListParams, type ActivityListQuery, type ActivityPeriod } from "@/lib/audit/activity-query";
import { ACTION_GROUPS, EVENT_ACTIONS, KNOWN_ACTIONS } from "@/lib/audit/event-catalog";
import { SearchBox, SelectField } from "../members/search-box";

type Outcome = NonNullable<ActivityListQuery["outcome"]>;
// "" is the "all" option of a select; the query leaves the filter out instead.
const OUTCOMES = [
  ["", "All outcomes"],
  ["success", "Success"],
  ["failure", "Failed"],
] as const satisfies readonly (readonly ["" | Outcome, string])[];
const PERIODS = [
  ["all", "All time"],
  ["24h", "Last 24 hours"],
  ["7d", "Last 7 days"],
  ["30d", "Last 30 days"],
] as const satisfies readonly (readonly [ActivityPeriod, string])[];
// The select's value back through the API's schema: only actions it accepts reach the URL.
const toAction = (value: string) => activityListParams.shape.action.safeParse(value || undefined).data;

function EventSelect({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        Event
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
      >
        <option value="">All events</option>
        {(Object.keys(ACTION_GROUPS) as (keyof typeof ACTION_GROUPS)[]).map((group) => (
          <optgroup key={group} label={ACTION_GROUPS[group]}>
            <option value={group}>All {ACTION_GROUPS[group].toLowerCase()}</option>
            {KNOWN_ACTIONS.filter((a) => EVENT_ACTIONS[a].source === group).map((a) => (
              <option key={a} value={a}>
                {EVENT_ACTIONS[a].label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

export function ActivityFilters({
  params,
  onChange,
}: {
  params: ActivityListQuery;
  onChange: (patch: UrlPatch<typeof activityListParams>) => void;
}) {
  return (
    <>
      <SearchBox
        label="Search actor or target"
        placeholder="Email, username or token prefix"
        value={params.q}
        onSearch={(q) => onChange({ q, page: 1 })}
      />
      <EventSelect value={params.action ?? ""} onChange={(action) => onChange({ action: toAction(action), page: 1 })} />
      <SelectField
        label="Outcome"
        value={params.outcome ?? ""}
        options={OUTCOMES}
        onChange={(outcome) => onChange({ outcome: outcome || undefined, page: 1 })}
      />
      <SelectField label="Period" value={params.period} options={PERIODS} onChange={(period) => onChange({ period, page: 1 })} />
    </>
  );
}
