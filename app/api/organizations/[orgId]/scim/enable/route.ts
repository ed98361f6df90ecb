import { withOrg } from "@/lib/http/console-route";
import { json } from "@/lib/http/console-response";
import { enableScim } from "@/lib/provisioning/enable-scim";
import { scimBaseUrl } from "@/lib/public-origin";

// POST /api/organizations/[orgId]/scim/enable — enables SCIM and returns the first token, once
export const POST = withOrg<{ orgId: string }>("provisioning:manage", async ({ orgId, user, origin }) => {
  const created = await enableScim(orgId, { userId: user.id, label: user.email });
  return json({ ...created, baseUrl: scimBaseUrl(origin, orgId) }, { status: 201 });
});
