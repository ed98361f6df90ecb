import { withOrg } from "@/lib/http/console-route";
import { json } from "@/lib/http/console-response";
import { parseActivityListQuery } from "@/lib/audit/activity-query";
import { listActivity } from "@/lib/audit/list-activity";

// GET /api/organizations/[orgId]/activity?action=&outcome=&period=&q=&page=&pageSize= — newest first, with the total
export const GET = withOrg<{ orgId: string }>("activity:read", async ({ orgId, req }) =>
  json(await listActivity(orgId, parseActivityListQuery(req.nextUrl.searchParams))),
);
