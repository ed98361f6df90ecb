import type { Metadata } from "next";
import { NoPermission } from "@/components/layout/no-permission";
import { MembersPage } from "@/components/members/members-page";
import { requirePageAccess } from "@/lib/auth/page-access";

export const metadata: Metadata = { title: "Members" };

export default async function MembersRoute({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { allowed } = await requirePageAccess(orgId, "members:read", `/organizations/${orgId}/members`);
  return (
    <div>
      <h1 className="text-2xl font-semibold">Members</h1>
      <p className="mt-1 mb-6 max-w-3xl text-sm text-slate-600">
        The IAM users of this organization. Members marked &ldquo;Managed by SCIM&rdquo; are created, updated, locked and removed by your
        identity provider.
      </p>
      {allowed ? <MembersPage orgId={orgId} /> : <NoPermission what="view and manage the members of this organization" />}
    </div>
  );
}
