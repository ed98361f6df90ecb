"use client";

import { AlertTriangle, OctagonX } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import type { ExpiryWarning } from "@/lib/provisioning/schemas";
import type { HealthBanner } from "@/lib/provisioning/token-health-view";

const fmt = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

const WHEN: Record<Exclude<ExpiryWarning["threshold"], "expired">, string> = {
  "30d": "within 30 days",
  "7d": "within 7 days",
  "1d": "within a day",
};

/**
 * The last token running out, or provisioning having stopped (lib/provisioning/token-health-view.ts
 * decides which): on the SCIM page (with the "Generate replacement" button) and under the console
 * header (a link to that page).
 */
export function TokenHealthBanner({ banner, action }: { banner: HealthBanner | null; action: ReactNode }) {
  if (!banner) return null;
  if (banner.kind === "stopped") {
    const { expiry } = banner;
    const last = banner.stopped.lastRejected;
    return (
      <section
        role="alert"
        aria-labelledby="provisioning-stopped"
        data-testid="token-health"
        className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-950"
      >
        <h2 id="provisioning-stopped" className="flex items-center gap-2 font-semibold">
          <OctagonX className="h-4 w-4 shrink-0" aria-hidden />
          Provisioning has stopped
        </h2>
        <p className="mt-1">
          {expiry ? (
            <>
              Token <span className="font-mono">{expiry.prefix}…</span> expired on {fmt(expiry.expiresAt)} and no active token remains.
            </>
          ) : (
            "SCIM is enabled but no active token remains."
          )}{" "}
          Your identity provider can no longer create, update, lock or delete users: people who left keep their access.
        </p>
        {last ? (
          <p className="mt-1" data-testid="last-rejected">
            Last rejected request: {fmt(last.at)}
            {last.request ? ` — ${last.request}` : ""}
            {last.status ? ` (HTTP ${last.status})` : ""}
            {last.detail ? `: ${last.detail}` : ""}
          </p>
        ) : null}
        <div className="mt-3">{action}</div>
      </section>
    );
  }
  const { expiry } = banner;
  return (
    <section
      role="status"
      aria-labelledby="token-expiring"
      data-testid="token-health"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
    >
      <h2 id="token-expiring" className="flex items-center gap-2 font-semibold">
        <AlertTriangle className="h-4 w-4 shrink-0" aria-hidden />
        Your last SCIM token expires {WHEN[expiry.threshold]}
      </h2>
      <p className="mt-1">
        Token <span className="font-mono">{expiry.prefix}…</span> expires on {fmt(expiry.expiresAt)}. It is the organization&apos;s last
        active token: when it expires, provisioning stops. Generate a replacement and paste it into your identity provider.
      </p>
      <div className="mt-3">{action}</div>
    </section>
  );
}

export function ReplacementLink({ orgId }: { orgId: string }) {
  return (
    <Link
      href={`/organizations/${orgId}/settings/scim#token-health`}
      className="inline-flex rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700"
    >
      Generate replacement
    </Link>
  );
}
