import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { renderingData } from "@/lib/http/page-errors";
import { listOrganizations } from "@/lib/organizations/list-organizations";

// "/" → the signed-in user's first organization.
export default async function Home() {
  const user = await renderingData(getSessionUser);
  if (!user) redirect("/login");
  const [first] = await renderingData(() => listOrganizations(user.id));
  if (!first) redirect("/login?error=locked");
  redirect(`/organizations/${first.id}/settings/scim`);
}
