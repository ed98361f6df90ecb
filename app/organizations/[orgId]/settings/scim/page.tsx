import type { Metadata } from "next";
import { NoPermission } from "@/components/layout/no-permission";
import { ScimSettings } from "@/components/scim/scim-settings";
import { requirePageAccess } from "@/lib/auth/page-access";

export const metadata: Metadata = { title: "Automatic user provisioning (SCIM)" };

export default async function ScimSettingsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { allowed } = await requirePageAccess(orgId, "provisioning:manage", `/organizations/${orgId}/settings/scim`);
  return (
    <div>
      <h2 className="text-xl font-semibold">Automatic user provisioning (SCIM)</h2>
      <p className="mt-1 mb-6 max-w-3xl text-sm text-slate-600">
        SCIM lets your identity provider automatically create, update, lock, unlock and delete the users of this organization.
      </p>
      {allowed ? <ScimSettings orgId={orgId} /> : <NoPermission what="manage automatic user provisioning" />}
    </div>
  );
}
