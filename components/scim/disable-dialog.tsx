"use client";

import { useId, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { CONFIRM_WORD, isDisableConfirmed } from "@/lib/provisioning/confirm-word";

export function DisableDialog({
  open,
  onOpenChange,
  onConfirm,
  pending,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  onConfirm: (text: string) => void;
  pending: boolean;
}) {
  const [text, setText] = useState("");
  const id = useId();
  const close = (o: boolean) => {
    if (!o) setText("");
    onOpenChange(o);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title="Disable automatic user provisioning"
      description="Your identity provider will no longer be able to perform any actions on users, even if its configuration is correct. Every SCIM token is deleted."
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (isDisableConfirmed(text)) onConfirm(text);
        }}
      >
        <label htmlFor={id} className="block text-sm text-slate-700">
          Type <strong className="font-mono">{CONFIRM_WORD}</strong> to confirm
        </label>
        <input
          id={id}
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoComplete="off"
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        <div className="mt-6 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => close(false)}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={!isDisableConfirmed(text) || pending}>
            {pending ? "Disabling…" : "Disable SCIM"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
