"use client";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { MemberListItem } from "@/lib/members/member-view";
import type { MemberAction } from "./members-table";

const COPY: Record<
  MemberAction,
  { title: (u: string) => string; body: (u: string) => string; confirm: string; busy: string; danger: boolean }
> = {
  lock: {
    title: (u) => `Lock ${u}?`,
    body: (u) => `${u} will no longer be able to sign in, and any open session stops working at once. You can unlock them later.`,
    confirm: "Lock member",
    busy: "Locking…",
    danger: true,
  },
  unlock: {
    title: (u) => `Unlock ${u}?`,
    body: (u) => `${u} will be able to sign in again.`,
    confirm: "Unlock member",
    busy: "Unlocking…",
    danger: false,
  },
  remove: {
    title: (u) => `Remove ${u}?`,
    body: (u) =>
      `${u} loses access to this organization. This cannot be undone; their sign-in account is kept if they belong to other organizations.`,
    confirm: "Remove member",
    busy: "Removing…",
    danger: true,
  },
};

/** Confirms a lock, unlock or removal — or, when the server says it is refused, explains why. */
export function MemberActionDialog({
  target,
  pending,
  error,
  onCancel,
  onConfirm,
}: {
  target: { member: MemberListItem; action: MemberAction } | null;
  pending: boolean;
  error: string | null;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const member = target?.member;
  const action = target?.action ?? "lock";
  const refusal = member ? (action === "remove" ? member.refusals.remove : member.refusals.toggleLock) : null;
  const copy = COPY[action];
  const verb = action === "remove" ? "remove" : action;
  return (
    <Dialog
      open={!!target}
      onOpenChange={(o) => !o && onCancel()}
      title={member ? (refusal ? `You can't ${verb} ${member.userName} here` : copy.title(member.userName)) : ""}
      description={member ? (refusal ?? copy.body(member.userName)) : undefined}
    >
      {error ? (
        <p role="alert" className="mb-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        {refusal ? (
          <Button onClick={onCancel}>OK</Button>
        ) : (
          <>
            <Button variant="secondary" onClick={onCancel}>
              Cancel
            </Button>
            <Button variant={copy.danger ? "danger" : "primary"} disabled={pending} onClick={onConfirm}>
              {pending ? copy.busy : copy.confirm}
            </Button>
          </>
        )}
      </div>
    </Dialog>
  );
}
