"use client";

import { RowDeleteButton } from "@/components/ui/row-delete-button";
import { Badge } from "@/components/ui/badge";
import { CLIENT_LABELS } from "@/lib/provisioning/client-kind";
import type { TokenInfo } from "@/lib/provisioning/schemas";

const fmt = (iso: string | null) => (iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : "Never");
const fmtDate = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: "medium" });

export function TokensTable({ tokens, onDelete }: { tokens: TokenInfo[]; onDelete: (t: TokenInfo) => void }) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">SCIM tokens</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-4 py-2">
              Token
            </th>
            <th scope="col" className="px-4 py-2">
              Created
            </th>
            <th scope="col" className="px-4 py-2">
              Created by
            </th>
            <th scope="col" className="px-4 py-2">
              Expires
            </th>
            <th scope="col" className="px-4 py-2">
              Last used
            </th>
            <th scope="col" className="px-4 py-2">
              Last client
            </th>
            <th scope="col" className="px-4 py-2">
              Status
            </th>
            <th scope="col" className="px-4 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {tokens.map((t) => (
            <tr key={t.id} data-testid="token-row" className={t.expiresSoon ? "bg-amber-50" : undefined}>
              <td className="px-4 py-2 font-mono">{t.prefix}…</td>
              <td className="px-4 py-2">{fmt(t.createdAt)}</td>
              <td className="px-4 py-2">{t.createdBy ?? "—"}</td>
              <td className="px-4 py-2">
                {fmtDate(t.expiresAt)}
                {t.expiresSoon ? (
                  <span className="ml-2">
                    <Badge tone="amber">Expires soon</Badge>
                  </span>
                ) : null}
              </td>
              <td className="px-4 py-2">{fmt(t.lastUsedAt)}</td>
              <td className="px-4 py-2" data-testid="token-client">
                {t.lastUsedClient ? (
                  <>
                    {CLIENT_LABELS[t.lastUsedClient]}
                    {t.lastUsedAddress ? <span className="block font-mono text-xs text-slate-500">{t.lastUsedAddress}</span> : null}
                  </>
                ) : (
                  "—"
                )}
              </td>
              <td className="px-4 py-2">
                {t.status === "active" ? <Badge tone="green">Active</Badge> : <Badge tone="red">Expired</Badge>}
              </td>
              <td className="px-4 py-2 text-right">
                <RowDeleteButton label={`Delete token ${t.prefix}`} onClick={() => onDelete(t)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
