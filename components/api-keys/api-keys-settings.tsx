"use client";

import { useQuery } from "@tanstack/react-query";
import { RowDeleteButton } from "@/components/ui/row-delete-button";
import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import type { ApiKeyInfo, CreatedApiKey } from "@/lib/api-keys/schemas";
import { CreateKeyDialog } from "./create-key-dialog";
import { KeyRevealDialog } from "./key-reveal-dialog";
import { apiKeysQuery, useCreateApiKey, useDeleteApiKey } from "./queries";

const fmt = (iso: string | null) => (iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : "Never");

export function ApiKeysSettings({ orgId }: { orgId: string }) {
  const keys = useQuery(apiKeysQuery(orgId));
  const create = useCreateApiKey(orgId);
  const remove = useDeleteApiKey(orgId);
  const [createOpen, setCreateOpen] = useState(false);
  const [revealed, setRevealed] = useState<CreatedApiKey | null>(null);
  const [toDelete, setToDelete] = useState<ApiKeyInfo | null>(null);
  const fail = (err: Error) => toast.error(err.message);

  if (keys.isPending) return <LoadingState label="Loading API keys…" />;
  if (keys.isError) return <ErrorState message={keys.error.message} onRetry={() => void keys.refetch()} />;

  return (
    <section aria-labelledby="api-keys" className="rounded-lg border border-slate-200 bg-white p-5">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h2 id="api-keys" className="text-base font-semibold">
            API keys
          </h2>
          <p className="mt-1 max-w-2xl text-sm text-slate-600">
            Scripts send <code className="font-mono">Authorization: Bearer &lt;API key&gt;</code> to the SCIM routes of the console API to
            rotate tokens (see the OpenAPI document at{" "}
            <a className="underline" href="/api/openapi.json">
              /api/openapi.json
            </a>
            ). Keys live at most one year.
          </p>
        </div>
        <Button onClick={() => setCreateOpen(true)}>Create API key</Button>
      </div>
      <div className="mt-4">
        {keys.data.apiKeys.length === 0 ? (
          <EmptyState>No API keys.</EmptyState>
        ) : (
          <div className="overflow-x-auto rounded-md border border-slate-200">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">API keys</caption>
              <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
                <tr>
                  {["Name", "Key", "Scope", "Created", "Expires", "Last used", "Status"].map((h) => (
                    <th key={h} scope="col" className="px-4 py-2">
                      {h}
                    </th>
                  ))}
                  <th scope="col" className="px-4 py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {keys.data.apiKeys.map((k) => (
                  <tr key={k.id} data-testid="api-key-row">
                    <td className="px-4 py-2">{k.name}</td>
                    <td className="px-4 py-2 font-mono">{k.prefix}…</td>
                    <td className="px-4 py-2 font-mono">{k.scope}</td>
                    <td className="px-4 py-2">
                      {fmt(k.createdAt)}
                      {k.createdBy ? <span className="block text-xs text-slate-500">{k.createdBy}</span> : null}
                    </td>
                    <td className="px-4 py-2">{fmt(k.expiresAt)}</td>
                    <td className="px-4 py-2">{fmt(k.lastUsedAt)}</td>
                    <td className="px-4 py-2">
                      {k.status === "active" ? <Badge tone="green">Active</Badge> : <Badge tone="red">Expired</Badge>}
                    </td>
                    <td className="px-4 py-2 text-right">
                      <RowDeleteButton label={`Delete API key ${k.name}`} onClick={() => setToDelete(k)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      <CreateKeyDialog
        open={createOpen}
        onOpenChange={setCreateOpen}
        pending={create.isPending}
        onCreate={(input) =>
          create.mutate(input, {
            onSuccess: (c) => {
              setCreateOpen(false);
              setRevealed(c);
            },
            onError: fail,
          })
        }
      />
      <KeyRevealDialog created={revealed} onClose={() => setRevealed(null)} />
      <Dialog
        open={!!toDelete}
        onOpenChange={(o) => !o && setToDelete(null)}
        title="Delete this API key?"
        description={toDelete ? `Scripts using ${toDelete.prefix}… are refused from their next request.` : undefined}
      >
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setToDelete(null)}>
            Cancel
          </Button>
          <Button
            variant="danger"
            disabled={remove.isPending}
            onClick={() =>
              toDelete &&
              remove.mutate(toDelete.id, {
                onSuccess: () => {
                  toast.success(`API key ${toDelete.name} deleted`);
                  setToDelete(null);
                },
                onError: fail,
              })
            }
          >
            {remove.isPending ? "Deleting…" : "Delete API key"}
          </Button>
        </div>
      </Dialog>
    </section>
  );
}
