import type { Metadata } from "next";
import { ActivityPage } from "@/components/activity/activity-page";
import { NoPermission } from "@/components/layout/no-permission";
import { requirePageAccess } from "@/lib/auth/page-access";

export const metadata: Metadata = { title: "Activity" };

export default async function ActivityRoute({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { allowed } = await requirePageAccess(orgId, "activity:read", `/organizations/${orgId}/activity`);
  return (
    <div>
      <h1 className="text-2xl font-semibold">Activity</h1>
      <p className="mt-1 mb-6 max-w-3xl text-sm text-slate-600">
        Every change made in the console and every request from your identity provider, newest first. Request bodies and tokens are never
        recorded.
      </p>
      {allowed ? <ActivityPage orgId={orgId} /> : <NoPermission what="view the activity of this organization" />}
    </div>
  );
}
