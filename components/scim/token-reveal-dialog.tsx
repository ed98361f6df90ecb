"use client";

import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { ShownOnceNote } from "@/components/ui/shown-once-note";
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
          <ShownOnceNote>
            The SCIM token and base URL are <strong>only displayed once</strong>. Copy and store them securely before closing this window:
            you will need both to set up SCIM on your identity provider. Treat the token as a password and do not share it.
          </ShownOnceNote>
          <CopyField label="SCIM token" value={created.token} secret />
          <CopyField label="Base URL" value={created.baseUrl} />
          <p className="text-xs text-slate-500">
            This token expires on {new Date(created.tokenInfo.expiresAt).toLocaleDateString(undefined, { dateStyle: "long" })}.
          </p>
          <div className="flex justify-end">
            <Button onClick={onClose}>Close</Button>
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
