import { redirect } from "next/navigation";
import { refusedEverywhere, requireSession } from "@/lib/auth/page-access";
import { listOrganizations } from "@/lib/organizations/list-organizations";

// "/" → the signed-in user's first organization.
export default async function Home() {
  const session = await requireSession("/");
  const [first] = listOrganizations(session);
  if (!first) refusedEverywhere(session);
  // A member without the IAM permission lands on their own account, not a "no permission" page.
  redirect(first.permissions.includes("provisioning:manage") ? `/organizations/${first.id}/settings/scim` : "/account");
}
