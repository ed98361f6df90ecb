import type { Metadata } from "next";
import { GroupsPage } from "@/components/groups/groups-page";
import { NoPermission } from "@/components/layout/no-permission";
import { requirePageAccess } from "@/lib/auth/page-access";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Groups" };

export default async function GroupsRoute({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { allowed, access } = await requirePageAccess(orgId, "members:read", `/organizations/${orgId}/groups`);
  return (
    <div>
      <h1 className="text-2xl font-semibold">Groups</h1>
      <p className="mt-1 mb-6 max-w-3xl text-sm text-slate-600">
        The groups your identity provider provisions through SCIM. They are read-only here: membership changes come from the identity
        provider. Map a group to the IAM permission and its members can manage provisioning, for as long as they are in it.
      </p>
      {allowed ? (
        <GroupsPage orgId={orgId} canMap={can(access, "provisioning:manage")} />
      ) : (
        <NoPermission what="view the groups of this organization" />
      )}
    </div>
  );
}
