import { withOrg } from "@/lib/http/console-route";
import { json } from "@/lib/http/console-response";
import { createScimToken } from "@/lib/provisioning/create-scim-token";
import { scimBaseUrl } from "@/lib/public-origin";

// POST /api/organizations/[orgId]/scim/tokens — creates a token, at most two active (409 otherwise)
export const POST = withOrg<{ orgId: string }>("provisioning:manage", async ({ orgId, user, origin }) => {
  const created = await createScimToken(orgId, { userId: user.id, label: user.email });
  return json({ ...created, baseUrl: scimBaseUrl(origin, orgId) }, { status: 201 });
});
