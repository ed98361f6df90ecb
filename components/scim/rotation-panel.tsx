"use client";

import { CheckCircle2, Loader2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { TokenInfo } from "@/lib/provisioning/schemas";
import type { RotationView } from "@/lib/provisioning/token-health-view";

const time = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });

/** After "Generate replacement": waits for the identity provider's first request with the new token, then offers to delete the old one. */
export function RotationPanel({
  view,
  pending,
  onDeleteOld,
  onDismiss,
}: {
  view: RotationView;
  pending: boolean;
  onDeleteOld: (oldTokens: TokenInfo[]) => void;
  onDismiss: () => void;
}) {
  const { fresh } = view;
  if (view.phase === "waiting") {
    return (
      <section
        aria-live="polite"
        data-testid="rotation"
        className="rounded-lg border border-violet-200 bg-violet-50 p-4 text-sm text-violet-950"
      >
        <p className="flex items-center gap-2 font-medium">
          <Loader2 className="h-4 w-4 shrink-0 animate-spin" aria-hidden />
          Waiting for your identity provider&apos;s first request with <span className="font-mono">{fresh.prefix}…</span>
        </p>
        <p className="mt-1">
          Paste the new token into Microsoft Entra ID (Provisioning → Admin credentials → Secret token) or Okta (Provisioning → Integration
          → API token); the base URL stays the same. This page checks every few seconds.
        </p>
        <div className="mt-3">
          <Button variant="secondary" onClick={onDismiss}>
            Stop watching
          </Button>
        </div>
      </section>
    );
  }
  const { old } = view;
  return (
    <section
      aria-live="polite"
      data-testid="rotation"
      className="rounded-lg border border-green-300 bg-green-50 p-4 text-sm text-green-950"
    >
      <p className="flex items-center gap-2 font-medium">
        <CheckCircle2 className="h-4 w-4 shrink-0" aria-hidden />
        Your identity provider switched to <span className="font-mono">{fresh.prefix}…</span> at {time(view.fresh.lastUsedAt)}.
        {old.length ? " Delete the old token?" : ""}
      </p>
      <div className="mt-3 flex gap-2">
        {old.length ? (
          <Button variant="danger" disabled={pending} onClick={() => onDeleteOld(old)}>
            {pending ? "Deleting…" : old.length === 1 ? `Delete old token ${old[0]?.prefix}…` : "Delete the old tokens"}
          </Button>
        ) : null}
        <Button variant="secondary" onClick={onDismiss}>
          {old.length ? "Keep both" : "Done"}
        </Button>
      </div>
    </section>
  );
}
