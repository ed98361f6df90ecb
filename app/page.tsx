import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { renderingData } from "@/lib/http/page-errors";
import { listOrganizations } from "@/lib/organizations/list-organizations";

// "/" → the signed-in user's first organization.
export default async function Home() {
  const user = await renderingData(getSessionUser);
  if (!user) redirect("/login");
  const [first] = await renderingData(() => listOrganizations(user));
  if (!first) redirect("/login?error=locked");
  // A member without the IAM permission lands on their own account, not a "no permission" page.
  redirect(first.permissions.includes("provisioning:manage") ? `/organizations/${first.id}/settings/scim` : "/account");
}
