"use client";

import { AlertTriangle } from "lucide-react";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import type { CreatedTokenResponse } from "./queries";

/** Shows a new token and the base URL exactly once. Closing it forgets the token for good. */
export function TokenRevealDialog({ created, onClose }: { created: CreatedTokenResponse | null; onClose: () => void }) {
  return (
    <Dialog
      open={!!created}
      onOpenChange={(open) => !open && onClose()}
      dismissible={false}
      title="Your SCIM token"
      description="Copy the SCIM token and the base URL now, and paste them into your identity provider."
    >
      {created ? (
        <div className="space-y-4">
          <div role="note" className="flex gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
            <p>
              The SCIM token and base URL are <strong>only displayed once</strong>. Copy and store them securely before closing this window: you will need both to set up
              SCIM on your identity provider. Treat the token as a password and do not share it.
            </p>
          </div>
          <CopyField label="SCIM token" value={created.token} secret />
          <CopyField label="Base URL" value={created.baseUrl} />
          <p className="text-xs text-slate-500">This token expires on {new Date(created.tokenInfo.expiresAt).toLocaleDateString(undefined, { dateStyle: "long" })}.</p>
          <div className="flex justify-end">
            <Button onClick={onClose}>Close</Button>
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
