import { withOrgOrApiKey } from "@/lib/http/console-route";
import { json } from "@/lib/http/console-response";
import { getScimSettings } from "@/lib/provisioning/get-scim-settings";

// GET /api/organizations/[orgId]/scim — status, base URL and tokens (never a token's secret)
export const GET = withOrgOrApiKey<{ orgId: string }>("provisioning:manage", "scim:manage", async ({ orgId, origin }) =>
  json(await getScimSettings(orgId, origin)),
);
