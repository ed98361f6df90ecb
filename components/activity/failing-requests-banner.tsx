"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertTriangle } from "lucide-react";
import Link from "next/link";
import { TimeAgo } from "../members/time-ago";
import { activitySummaryQuery } from "./queries";

/** Shown only while SCIM requests of the last 24 hours are failing; renders nothing otherwise. */
export function FailingRequestsBanner({ orgId }: { orgId: string }) {
  const summary = useQuery(activitySummaryQuery(orgId));
  const s = summary.data;
  if (!s || s.failedRequests === 0) return null;
  return (
    <section
      role="alert"
      aria-labelledby="failing-requests"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
    >
      <h2 id="failing-requests" className="flex items-center gap-2 font-semibold">
        <AlertTriangle className="h-4 w-4 shrink-0" aria-hidden />
        Requests from your identity provider are failing
      </h2>
      <ul className="mt-2 space-y-1.5">
        {s.failures.map((f) => (
          <li key={`${f.reason}:${f.status ?? ""}`} data-testid="failure-reason">
            <span className="font-medium">
              {f.message} in the last {s.windowHours} hours.
            </span>{" "}
            {f.hint}
          </li>
        ))}
      </ul>
      <p className="mt-2 text-amber-900">
        Last failure <TimeAgo iso={s.lastFailureAt} />.{" "}
        {s.lastTokenUseAt ? (
          <>
            A token was last accepted <TimeAgo iso={s.lastTokenUseAt} />.
          </>
        ) : (
          "No token has been accepted yet."
        )}{" "}
        <Link href={`/organizations/${orgId}/activity?outcome=failure&period=24h`} className="font-medium underline">
          See the failed requests
        </Link>
      </p>
    </section>
  );
}
