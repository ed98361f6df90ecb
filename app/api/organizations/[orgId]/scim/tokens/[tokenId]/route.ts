import { withOrgOrApiKey } from "@/lib/http/console-route";
import { json } from "@/lib/http/console-response";
import { deleteScimToken } from "@/lib/provisioning/delete-scim-token";

// DELETE /api/organizations/[orgId]/scim/tokens/[tokenId] — the token stops working at once
export const DELETE = withOrgOrApiKey<{ orgId: string; tokenId: string }>(
  "provisioning:manage",
  "scim:manage",
  async ({ orgId, params, by }) => {
    await deleteScimToken(orgId, params.tokenId, by);
    return json({ deleted: true });
  },
);
