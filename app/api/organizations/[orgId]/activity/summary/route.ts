import { withOrg } from "@/lib/http/console-route";
import { json } from "@/lib/http/console-response";
import { summarizeActivity } from "@/lib/audit/summarize-activity";

// GET /api/organizations/[orgId]/activity/summary — failing SCIM requests of the last 24 hours, by cause
export const GET = withOrg<{ orgId: string }>("activity:read", async ({ orgId }) => json(await summarizeActivity(orgId)));
