import Link from "next/link";
import { SignedInUser } from "./sign-out-button";

export function OrgHeader({ orgId, orgName, email }: { orgId: string; orgName: string; email: string }) {
  return (
    <header className="bg-slate-900 text-white">
      <div className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-6 py-3">
        <div className="flex items-center gap-6">
          <Link href={`/organizations/${orgId}/settings/scim`} className="font-semibold">
            {orgName}
          </Link>
          <nav aria-label="Organization" className="flex gap-1 text-sm">
            <Link href={`/organizations/${orgId}/settings/scim`} className="rounded px-2 py-1 text-slate-200 hover:bg-slate-700">
              Settings
            </Link>
            <Link href={`/organizations/${orgId}/members`} className="rounded px-2 py-1 text-slate-200 hover:bg-slate-700">
              Members
            </Link>
            <Link href={`/organizations/${orgId}/groups`} className="rounded px-2 py-1 text-slate-200 hover:bg-slate-700">
              Groups
            </Link>
            <Link href={`/organizations/${orgId}/activity`} className="rounded px-2 py-1 text-slate-200 hover:bg-slate-700">
              Activity
            </Link>
          </nav>
        </div>
        <SignedInUser email={email} />
      </div>
    </header>
  );
}
