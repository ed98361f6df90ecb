"use client";

import { useQuery } from "@tanstack/react-query";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorState, LoadingState } from "@/components/ui/states";
import type { GroupListItem, MappingPreview } from "@/lib/groups/store";
import { mappingPreviewQuery, useSetMapping } from "./queries";

const members = (n: number) => `${n} member${n === 1 ? "" : "s"}`;

/** "3 members will gain the IAM permission, 1 will lose it" — the sentence shown before saving. */
export function previewSentence(p: Pick<MappingPreview, "gain" | "lose">): string {
  if (!p.gain.count && !p.lose.count)
    return "No member's permissions change: those in this group already hold the IAM permission another way, or are not in it.";
  const parts = [
    p.gain.count ? `${members(p.gain.count)} will gain the IAM permission` : "",
    p.lose.count ? `${members(p.lose.count)} will lose it` : "",
  ].filter(Boolean);
  return parts.join(", ") + ".";
}

export function MappingDialog({ orgId, group, onClose }: { orgId: string; group: GroupListItem | null; onClose: () => void }) {
  const next = group?.permission ? null : "iam";
  const preview = useQuery({ ...mappingPreviewQuery(orgId, group?.id ?? "", next), enabled: !!group });
  const save = useSetMapping(orgId);
  const title = next ? "Map this group to the IAM permission" : "Remove this group's mapping";
  const names = preview.data ? [...preview.data.gain.names, ...preview.data.lose.names] : [];
  const onSave = () => {
    if (!group) return;
    save.mutate(
      { groupId: group.id, permission: next },
      {
        onSuccess: (result) => {
          toast.success(`Saved: ${previewSentence(result)}`);
          onClose();
        },
      },
    );
  };
  return (
    <Dialog
      open={!!group}
      onOpenChange={(o) => !o && onClose()}
      title={title}
      description={
        group ? (
          <>
            Group <strong>{group.displayName}</strong>, mapped by its id: renaming it in the identity provider keeps the mapping.
          </>
        ) : undefined
      }
    >
      {preview.isPending ? <LoadingState label="Working out who is affected…" /> : null}
      {preview.isError ? <ErrorState message={preview.error.message} onRetry={() => void preview.refetch()} /> : null}
      {preview.data ? (
        <div className="space-y-3 text-sm">
          <p role="status" className="rounded-md border border-violet-200 bg-violet-50 p-3 font-medium text-violet-950">
            {previewSentence(preview.data)}
          </p>
          {names.length ? (
            <p className="text-slate-700">
              Including: {names.join(", ")}
              {preview.data.gain.count + preview.data.lose.count > names.length ? "…" : ""}
            </p>
          ) : null}
          <p className="text-slate-600">
            {next
              ? "Members the identity provider adds to this group get the IAM permission (manage provisioning) on their next request, and lose it when it removes them."
              : "Members keep the IAM permission if it was granted by hand or through another mapped group. The owner is never affected."}
          </p>
        </div>
      ) : null}
      {save.isError ? (
        <div className="mt-3">
          <ErrorState message={save.error.message} />
        </div>
      ) : null}
      <div className="mt-6 flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button variant={next ? "primary" : "danger"} onClick={onSave} disabled={!preview.data || save.isPending}>
          {next ? "Save mapping" : "Remove mapping"}
        </Button>
      </div>
    </Dialog>
  );
}
