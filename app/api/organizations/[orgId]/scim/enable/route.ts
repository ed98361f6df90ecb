import { withOrgOrApiKey } from "@/lib/http/console-route";
import { json } from "@/lib/http/console-response";
import { enableScim } from "@/lib/provisioning/enable-scim";
import { scimBaseUrl } from "@/lib/public-origin";

// POST /api/organizations/[orgId]/scim/enable — enables SCIM and returns the first token, once
export const POST = withOrgOrApiKey<{ orgId: string }>("provisioning:manage", "scim:manage", async ({ orgId, by, origin }) => {
  const created = await enableScim(orgId, by);
  return json({ ...created, baseUrl: scimBaseUrl(origin, orgId) }, { status: 201 });
});
