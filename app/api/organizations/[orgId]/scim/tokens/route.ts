import { withOrgOrApiKey } from "@/lib/http/console-route";
import { json } from "@/lib/http/console-response";
import { createScimToken } from "@/lib/provisioning/create-scim-token";
import { scimBaseUrl } from "@/lib/public-origin";

// POST /api/organizations/[orgId]/scim/tokens — creates a token, at most two active (409 otherwise)
export const POST = withOrgOrApiKey<{ orgId: string }>("provisioning:manage", "scim:manage", async ({ orgId, by, origin }) => {
  const created = await createScimToken(orgId, by);
  return json({ ...created, baseUrl: scimBaseUrl(origin, orgId) }, { status: 201 });
});
