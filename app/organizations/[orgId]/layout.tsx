import type { ReactNode } from "react";
import { OrgHeader } from "@/components/layout/org-header";
import { requirePageAccess } from "@/lib/auth/page-access";

// Chrome only: every page and API route checks access itself.
export default async function OrgLayout({ children, params }: { children: ReactNode; params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { user, organization } = await requirePageAccess(orgId, "members:read", `/organizations/${orgId}`);
  return (
    <>
      <OrgHeader orgId={orgId} orgName={organization.name} email={user.email} />
      <main className="mx-auto max-w-7xl px-6 py-8">{children}</main>
    </>
  );
}
