"use client";

import { useQuery } from "@tanstack/react-query";
import { Info } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Dialog } from "@/components/ui/dialog";
import { ErrorState, LoadingState } from "@/components/ui/states";
import type { MemberDetail } from "@/lib/members/member-view";
import { memberDetailQuery } from "./queries";
import { fullDate } from "./time-ago";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-3 py-1.5">
      <dt className="text-slate-600">{label}</dt>
      <dd className="col-span-2 break-words text-slate-900">{children}</dd>
    </div>
  );
}

function ScimAttributes({ scim }: { scim: NonNullable<MemberDetail["scim"]> }) {
  return (
    <section aria-labelledby="scim-attributes" className="mt-4 rounded-md border border-violet-200 bg-violet-50/50 p-3">
      <h3 id="scim-attributes" className="text-sm font-semibold">
        SCIM attributes
      </h3>
      <p className="mt-1 flex gap-2 text-sm text-slate-700">
        <Info className="mt-0.5 h-4 w-4 shrink-0 text-violet-700" aria-hidden />
        Your identity provider owns these attributes: they are read-only here. Change them in the identity provider; the next sync brings
        the change.
      </p>
      {scim.rows.length ? (
        <dl className="mt-2 divide-y divide-violet-100 text-sm">
          {scim.rows.map((r) => (
            <Field key={r.label} label={r.label}>
              {r.value}
            </Field>
          ))}
        </dl>
      ) : (
        <p className="mt-2 text-sm text-slate-600">The identity provider sent no attributes besides the username.</p>
      )}
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-violet-800">Show the resource as stored (JSON)</summary>
        <pre className="mt-2 max-h-60 overflow-auto rounded bg-white p-2 font-mono text-xs">{JSON.stringify(scim.raw, null, 2)}</pre>
      </details>
    </section>
  );
}

function Details({ orgId, member }: { orgId: string; member: MemberDetail }) {
  return (
    <div className="max-h-[70vh] overflow-y-auto pr-1">
      <dl className="divide-y divide-slate-100 text-sm">
        <Field label="Username">{member.userName}</Field>
        <Field label="Display name">{member.displayName ?? "—"}</Field>
        <Field label="Email">{member.email ?? "—"}</Field>
        <Field label="Status">{member.locked ? <Badge tone="red">Locked</Badge> : <Badge tone="green">Active</Badge>}</Field>
        <Field label="Provisioning">{member.scimManaged ? <Badge tone="violet">Managed by SCIM</Badge> : "Not managed by SCIM"}</Field>
        <Field label="Last SCIM change">{member.scimUpdatedAt ? fullDate(member.scimUpdatedAt) : "Never"}</Field>
        <Field label="Role">
          {member.roleLabel}
          {member.iamSource ? ` (IAM permission ${member.iamSource})` : null}
        </Field>
        <Field label="Groups">
          {member.groups.length
            ? member.groups.map((g, i) => (
                <span key={g.id}>
                  {i ? ", " : null}
                  <Link href={`/organizations/${orgId}/members?group=${encodeURIComponent(g.id)}`} className="text-violet-800 underline">
                    {g.displayName}
                  </Link>
                </span>
              ))
            : "None"}
        </Field>
        <Field label="Member since">{fullDate(member.createdAt)}</Field>
      </dl>
      {member.scim ? <ScimAttributes scim={member.scim} /> : null}
      <p className="mt-4 text-sm">
        <Link
          href={`/organizations/${orgId}/activity?q=${encodeURIComponent(member.userName)}`}
          className="font-medium text-violet-800 underline"
        >
          View this member&apos;s activity
        </Link>
      </p>
    </div>
  );
}

export function MemberDetailsDialog({ orgId, memberId, onClose }: { orgId: string; memberId: string | null; onClose: () => void }) {
  const detail = useQuery({ ...memberDetailQuery(orgId, memberId ?? ""), enabled: !!memberId });
  return (
    <Dialog
      open={!!memberId}
      onOpenChange={(o) => !o && onClose()}
      title={detail.data ? (detail.data.displayName ?? detail.data.userName) : "Member details"}
    >
      {detail.isPending ? <LoadingState label="Loading member…" /> : null}
      {detail.isError ? <ErrorState message={detail.error.message} onRetry={() => void detail.refetch()} /> : null}
      {detail.data ? <Details orgId={orgId} member={detail.data} /> : null}
    </Dialog>
  );
}
