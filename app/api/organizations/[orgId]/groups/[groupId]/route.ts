import { withOrg } from "@/lib/http/console-route";
import { json } from "@/lib/http/console-response";
import { groupMembersParams } from "@/lib/groups/group-query";
import { getGroupMembers } from "@/lib/groups/store";

type Params = { orgId: string; groupId: string };

// GET /api/organizations/[orgId]/groups/[groupId]?page=&pageSize= — the group and one page of its members
export const GET = withOrg<Params>("members:read", async ({ orgId, params, req }) => {
  const { page, pageSize } = groupMembersParams.parse(Object.fromEntries(req.nextUrl.searchParams));
  return json(await getGroupMembers(orgId, params.groupId, page, pageSize));
});
