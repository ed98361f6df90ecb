"use client";

import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import type { TokenInfo } from "@/lib/provisioning/schemas";

export function DeleteTokenDialog({
  token,
  onCancel,
  onConfirm,
  pending,
}: {
  token: TokenInfo | null;
  onCancel: () => void;
  onConfirm: (t: TokenInfo) => void;
  pending: boolean;
}) {
  return (
    <Dialog
      open={!!token}
      onOpenChange={(o) => !o && onCancel()}
      title="Delete this token?"
      description={
        token
          ? `Token ${token.prefix}… stops working immediately. An identity provider still using it will fail to provision users.`
          : undefined
      }
    >
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button variant="danger" disabled={pending} onClick={() => token && onConfirm(token)}>
          {pending ? "Deleting…" : "Delete token"}
        </Button>
      </div>
    </Dialog>
  );
}
