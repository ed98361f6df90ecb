"use client";

import { CheckCircle2, Loader2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { TokenInfo } from "@/lib/provisioning/schemas";

export interface Rotation {
  newTokenId: string;
  oldTokenIds: string[];
}

const time = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });

/** After "Generate replacement": waits for the identity provider's first request with the new token, then offers to delete the old one. */
export function RotationPanel({
  rotation,
  tokens,
  pending,
  onDeleteOld,
  onDismiss,
}: {
  rotation: Rotation;
  tokens: TokenInfo[];
  pending: boolean;
  onDeleteOld: (oldTokens: TokenInfo[]) => void;
  onDismiss: () => void;
}) {
  const fresh = tokens.find((t) => t.id === rotation.newTokenId);
  const old = tokens.filter((t) => rotation.oldTokenIds.includes(t.id));
  if (!fresh) return null;
  if (!fresh.lastUsedAt) {
    return (
      <section aria-live="polite" data-testid="rotation" className="rounded-lg border border-violet-200 bg-violet-50 p-4 text-sm text-violet-950">
        <p className="flex items-center gap-2 font-medium">
          <Loader2 className="h-4 w-4 shrink-0 animate-spin" aria-hidden />
          Waiting for your identity provider&apos;s first request with <span className="font-mono">{fresh.prefix}…</span>
        </p>
        <p className="mt-1">
          Paste the new token into Microsoft Entra ID (Provisioning → Admin credentials → Secret token) or Okta (Provisioning → Integration → API token); the base URL stays the same. This page checks every few seconds.
        </p>
        <div className="mt-3">
          <Button variant="secondary" onClick={onDismiss}>
            Stop watching
          </Button>
        </div>
      </section>
    );
  }
  return (
    <section aria-live="polite" data-testid="rotation" className="rounded-lg border border-green-300 bg-green-50 p-4 text-sm text-green-950">
      <p className="flex items-center gap-2 font-medium">
        <CheckCircle2 className="h-4 w-4 shrink-0" aria-hidden />
        Your identity provider switched to <span className="font-mono">{fresh.prefix}…</span> at {time(fresh.lastUsedAt)}.{old.length ? " Delete the old token?" : ""}
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
