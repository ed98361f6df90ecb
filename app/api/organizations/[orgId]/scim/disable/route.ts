import { withOrgOrApiKey } from "@/lib/http/console-route";
import { json } from "@/lib/http/console-response";
import { readJson } from "@/lib/http/read-json";
import { AppError } from "@/lib/errors";
import { disableScim, disableScimInput } from "@/lib/provisioning/disable-scim";

// POST /api/organizations/[orgId]/scim/disable — body { "confirm": "Disable" }; deletes every token
export const POST = withOrgOrApiKey<{ orgId: string }>("provisioning:manage", "scim:manage", async ({ orgId, req, by }) => {
  if (!disableScimInput.safeParse(await readJson(req)).success) {
    throw new AppError("invalid_input", 'Type "Disable" to confirm that SCIM should be disabled.');
  }
  await disableScim(orgId, by);
  return json({ enabled: false });
});
