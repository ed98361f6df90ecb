"use client";

import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";

export function EnableDialog({
  open,
  onOpenChange,
  onConfirm,
  pending,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  onConfirm: () => void;
  pending: boolean;
}) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Enable automatic user provisioning"
      description="A token is required to enable SCIM. Your identity provider uses it to authenticate when it creates, updates, locks, unlocks and deletes users in this organization."
    >
      <p className="text-sm text-slate-600">
        The token is valid for one year and is displayed only once, together with the base URL, in the next step.
      </p>
      <div className="mt-6 flex justify-end gap-2">
        <Button variant="secondary" onClick={() => onOpenChange(false)}>
          Cancel
        </Button>
        <Button onClick={onConfirm} disabled={pending}>
          {pending ? "Enabling…" : "Enable SCIM and create token"}
        </Button>
      </div>
    </Dialog>
  );
}
