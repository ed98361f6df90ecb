"use client";

import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { MemberSort } from "@/lib/members/member-query";
import type { MemberListItem } from "@/lib/members/member-view";
import { TimeAgo } from "./time-ago";

const SIGN_IN_METHOD: Record<string, string> = { password: "password", saml: "SAML", oidc: "OIDC" };

export type MemberAction = "lock" | "unlock" | "remove";
type SortOrder = "asc" | "desc";

function SortHeader({
  label,
  column,
  sort,
  order,
  onSort,
}: {
  label: string;
  column: MemberSort;
  sort: MemberSort;
  order: SortOrder;
  onSort: (c: MemberSort) => void;
}) {
  const active = sort === column;
  const Icon = !active ? ArrowUpDown : order === "asc" ? ArrowUp : ArrowDown;
  return (
    <th scope="col" className="px-3 py-2 whitespace-nowrap" aria-sort={active ? (order === "asc" ? "ascending" : "descending") : "none"}>
      <button type="button" onClick={() => onSort(column)} className="inline-flex items-center gap-1 uppercase hover:text-slate-900">
        {label} <Icon className="h-3.5 w-3.5" aria-hidden />
      </button>
    </th>
  );
}

function ActionButton({
  label,
  who,
  refusal,
  danger,
  onClick,
}: {
  label: string;
  who: string;
  refusal: string | null;
  danger?: boolean;
  onClick: () => void;
}) {
  // Refused actions stay clickable: the dialog explains why, which a disabled button cannot do.
  const tone = refusal ? "text-slate-500 hover:bg-slate-50" : danger ? "text-red-700 hover:bg-red-50" : "text-slate-700 hover:bg-slate-100";
  return (
    <button
      type="button"
      onClick={onClick}
      title={refusal ?? undefined}
      aria-label={`${label} ${who}`}
      aria-haspopup="dialog"
      className={`rounded px-2 py-1 text-sm font-medium ${tone}`}
    >
      {label}
    </button>
  );
}

export function MembersTable({
  items,
  sort,
  order,
  canManage,
  onSort,
  onOpen,
  onAction,
}: {
  items: MemberListItem[];
  sort: MemberSort;
  order: SortOrder;
  canManage: boolean;
  onSort: (column: MemberSort) => void;
  onOpen: (m: MemberListItem) => void;
  onAction: (m: MemberListItem, action: MemberAction) => void;
}) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Members of this organization</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2">
              Username
            </th>
            <SortHeader label="Name and email" column="name" sort={sort} order={order} onSort={onSort} />
            <th scope="col" className="px-3 py-2">
              Status
            </th>
            <th scope="col" className="px-3 py-2">
              Provisioning
            </th>
            <SortHeader label="Last SCIM change" column="lastChange" sort={sort} order={order} onSort={onSort} />
            <th scope="col" className="px-3 py-2">
              Last sign-in
            </th>
            <th scope="col" className="px-3 py-2">
              Role
            </th>
            {canManage ? (
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((m) => (
            <tr key={m.id} data-testid="member-row" data-username={m.userName}>
              <td className="px-3 py-2">
                <button
                  type="button"
                  onClick={() => onOpen(m)}
                  aria-haspopup="dialog"
                  className="text-left font-medium text-violet-800 hover:underline"
                >
                  {m.userName}
                </button>
                {m.isYou ? <span className="ml-1 text-xs text-slate-500">(you)</span> : null}
              </td>
              <td className="px-3 py-2">
                <div>{m.displayName ?? <span className="text-slate-500">No name</span>}</div>
                <div className="text-xs text-slate-600">{m.email ?? "No email"}</div>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                {m.locked ? <Badge tone="red">Locked</Badge> : <Badge tone="green">Active</Badge>}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                {m.scimManaged ? <Badge tone="violet">Managed by SCIM</Badge> : <span className="text-slate-500">Not managed</span>}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                <TimeAgo iso={m.scimUpdatedAt} empty="Never" />
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                <TimeAgo iso={m.lastSignIn?.at ?? null} empty="Never" />
                {m.lastSignIn ? (
                  <span className="ml-1 text-xs text-slate-500">({SIGN_IN_METHOD[m.lastSignIn.method] ?? m.lastSignIn.method})</span>
                ) : null}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                {m.roleLabel}
                {m.iamSource ? <span className="ml-1 text-xs text-slate-500">({m.iamSource})</span> : null}
              </td>
              {canManage ? (
                <td className="px-3 py-2 text-right whitespace-nowrap">
                  <ActionButton
                    label={m.locked ? "Unlock" : "Lock"}
                    who={m.userName}
                    refusal={m.refusals.toggleLock}
                    onClick={() => onAction(m, m.locked ? "unlock" : "lock")}
                  />
                  <ActionButton label="Remove" who={m.userName} danger refusal={m.refusals.remove} onClick={() => onAction(m, "remove")} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
