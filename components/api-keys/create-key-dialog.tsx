"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { API_KEY_EXPIRY_CHOICES } from "@/lib/api-keys/key-constants";
import type { CreateApiKeyInput } from "@/lib/api-keys/schemas";

export function CreateKeyDialog({
  open,
  onOpenChange,
  pending,
  onCreate,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  pending: boolean;
  onCreate: (input: CreateApiKeyInput) => void;
}) {
  const [name, setName] = useState("");
  const [days, setDays] = useState<number>(90);
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Create an API key"
      description="For scripts that manage SCIM tokens (scope scim:manage). The key is shown once."
    >
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          onCreate({ name: name.trim(), expiresInDays: days, scope: "scim:manage" });
        }}
      >
        <label className="block text-sm font-medium">
          Name
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={100}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2"
            placeholder="Token rotation script"
          />
        </label>
        <label className="block text-sm font-medium">
          Expires after
          <select
            value={days}
            onChange={(e) => setDays(Number(e.target.value))}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2"
          >
            {API_KEY_EXPIRY_CHOICES.map((d) => (
              <option key={d} value={d}>
                {d === 365 ? "1 year" : `${d} days`}
              </option>
            ))}
          </select>
        </label>
        <p className="text-xs text-slate-600">
          Scope: scim:manage — read the SCIM status, create and delete SCIM tokens, enable and disable SCIM. It cannot create API keys.
        </p>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" disabled={pending || !name.trim()}>
            {pending ? "Creating…" : "Create key"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
