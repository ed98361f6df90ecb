import { withOrg } from "@/lib/http/console-route";
import { json } from "@/lib/http/console-response";
import { listGroups } from "@/lib/groups/store";

// GET /api/organizations/[orgId]/groups — the groups the IdP provisioned, with member counts and mappings
export const GET = withOrg<{ orgId: string }>("members:read", async ({ orgId }) => json(await listGroups(orgId)));
