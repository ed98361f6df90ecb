import { withOrg } from "@/lib/http/console-route";
import { json } from "@/lib/http/console-response";
import { readJson } from "@/lib/http/read-json";
import { AppError } from "@/lib/errors";
import { disableScim, disableScimInput } from "@/lib/provisioning/disable-scim";

// POST /api/organizations/[orgId]/scim/disable — body { "confirm": "Disable" }; deletes every token
export const POST = withOrg<{ orgId: string }>("provisioning:manage", async ({ orgId, req, user }) => {
  if (!disableScimInput.safeParse(await readJson(req)).success) {
    throw new AppError("invalid_input", 'Type "Disable" to confirm that SCIM should be disabled.');
  }
  await disableScim(orgId, { userId: user.id, label: user.email });
  return json({ enabled: false });
});
