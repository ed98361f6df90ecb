import { redirect } from "next/navigation";

export default async function OrgIndex({ params }: { params: Promise<{ orgId: string }> }) {
  redirect(`/organizations/${(await params).orgId}/settings/scim`);
}
