"use client";

import { AlertTriangle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { Dialog } from "@/components/ui/dialog";
import type { CreatedApiKey } from "@/lib/api-keys/schemas";

/** Shows a new API key exactly once. Closing it forgets the key for good. */
export function KeyRevealDialog({ created, onClose }: { created: CreatedApiKey | null; onClose: () => void }) {
  return (
    <Dialog open={!!created} onOpenChange={(open) => !open && onClose()} dismissible={false} title="Your API key" description="Copy the API key now and store it in your script's secret store.">
      {created ? (
        <div className="space-y-4">
          <div role="note" className="flex gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
            <p>
              The API key is <strong>only displayed once</strong>. It can create and delete this organization&apos;s SCIM tokens: treat it as a password.
            </p>
          </div>
          <CopyField label="API key" value={created.key} secret />
          <p className="text-xs text-slate-500">It expires on {new Date(created.apiKey.expiresAt).toLocaleDateString(undefined, { dateStyle: "long" })}.</p>
          <div className="flex justify-end">
            <Button onClick={onClose}>Close</Button>
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
