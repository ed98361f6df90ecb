import type { ReactNode } from "react";
import { SettingsNav } from "@/components/layout/settings-nav";

export default async function SettingsLayout({ children, params }: { children: ReactNode; params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  return (
    <div>
      <h1 className="text-2xl font-semibold">Organization Settings</h1>
      <div className="mt-6 flex gap-8">
        <SettingsNav orgId={orgId} />
        <div className="min-w-0 flex-1">{children}</div>
      </div>
    </div>
  );
}
