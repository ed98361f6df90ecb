"use client";

import { Button } from "@/components/ui/button";
import { ShownOnceNote } from "@/components/ui/shown-once-note";
import { CopyField } from "@/components/ui/copy-field";
import { Dialog } from "@/components/ui/dialog";
import type { CreatedApiKey } from "@/lib/api-keys/schemas";

/** Shows a new API key exactly once. Closing it forgets the key for good. */
export function KeyRevealDialog({ created, onClose }: { created: CreatedApiKey | null; onClose: () => void }) {
  return (
    <Dialog
      open={!!created}
      onOpenChange={(open) => !open && onClose()}
      dismissible={false}
      title="Your API key"
      description="Copy the API key now and store it in your script's secret store."
    >
      {created ? (
        <div className="space-y-4">
          <ShownOnceNote>
            The API key is <strong>only displayed once</strong>. It can create and delete this organization&apos;s SCIM tokens: treat it as
            a password.
          </ShownOnceNote>
          <CopyField label="API key" value={created.key} secret />
          <p className="text-xs text-slate-500">
            It expires on {new Date(created.apiKey.expiresAt).toLocaleDateString(undefined, { dateStyle: "long" })}.
          </p>
          <div className="flex justify-end">
            <Button onClick={onClose}>Close</Button>
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
