import { withOrg } from "@/lib/http/console-route";
import { json } from "@/lib/http/console-response";
import { deleteScimToken } from "@/lib/provisioning/delete-scim-token";

// DELETE /api/organizations/[orgId]/scim/tokens/[tokenId] — the token stops working at once
export const DELETE = withOrg<{ orgId: string; tokenId: string }>("provisioning:manage", async ({ orgId, params, user }) => {
  await deleteScimToken(orgId, params.tokenId, { userId: user.id, label: user.email });
  return json({ deleted: true });
});
