import { redirect } from "next/navigation";

export default async function SettingsIndex({ params }: { params: Promise<{ orgId: string }> }) {
  redirect(`/organizations/${(await params).orgId}/settings/scim`);
}
