import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { listOrganizations } from "@/lib/organizations/list-organizations";

// "/" → the signed-in user's first organization.
export default async function Home() {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  const [first] = await listOrganizations(user.id);
  if (!first) redirect("/login?error=locked");
  redirect(`/organizations/${first.id}/settings/scim`);
}
