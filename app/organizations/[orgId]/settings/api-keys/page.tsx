import type { Metadata } from "next";
import { ApiKeysSettings } from "@/components/api-keys/api-keys-settings";
import { NoPermission } from "@/components/layout/no-permission";
import { requirePageAccess } from "@/lib/auth/page-access";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { allowed } = await requirePageAccess(orgId, "provisioning:manage", `/organizations/${orgId}/settings/api-keys`);
  return (
    <div>
      <h2 className="text-xl font-semibold">API keys</h2>
      <p className="mt-1 mb-6 max-w-3xl text-sm text-slate-600">
        Organization API keys let IAM managers&apos; scripts rotate SCIM tokens without a browser.
      </p>
      {allowed ? <ApiKeysSettings orgId={orgId} /> : <NoPermission what="manage API keys" />}
    </div>
  );
}
