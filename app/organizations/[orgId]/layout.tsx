import type { ReactNode } from "react";
import { OrgHeader } from "@/components/layout/org-header";
import { HeaderTokenBanner } from "@/components/scim/header-token-banner";
import { can } from "@/lib/auth/permissions";
import { requirePageAccess } from "@/lib/auth/page-access";

// Chrome only: every page and API route checks access itself.
export default async function OrgLayout({ children, params }: { children: ReactNode; params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { user, organization, access } = await requirePageAccess(orgId, "members:read", `/organizations/${orgId}`);
  return (
    <>
      <OrgHeader orgId={orgId} orgName={organization.name} email={user.email} />
      {/* Token expiry warnings for those who can act on them; plain members never see them. */}
      {can(access, "provisioning:manage") ? <HeaderTokenBanner orgId={orgId} /> : null}
      <main className="mx-auto max-w-7xl px-6 py-8">{children}</main>
    </>
  );
}
