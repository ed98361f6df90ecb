import { deleteApiKey } from "@/lib/api-keys/manage-api-keys";
import { withOrg } from "@/lib/http/console-route";
import { json } from "@/lib/http/console-response";

// DELETE /api/organizations/[orgId]/api-keys/[keyId] — the key is refused from its next request on
export const DELETE = withOrg<{ orgId: string; keyId: string }>("provisioning:manage", async ({ orgId, params, user }) => {
  await deleteApiKey(orgId, params.keyId, { userId: user.id, email: user.email });
  return json({ deleted: true });
});
