import { can } from "@/lib/auth/permissions";
import { withOrg } from "@/lib/http/console-route";
import { json } from "@/lib/http/console-response";
import { listMembers } from "@/lib/members/store";
import { parseMemberListQuery } from "@/lib/members/member-query";

// GET /api/organizations/[orgId]/members?q=&status=&managed=&sort=&order=&page=&pageSize= — one page and the total
export const GET = withOrg<{ orgId: string }>("members:read", async ({ orgId, req, access }) =>
  json(
    await listMembers(orgId, parseMemberListQuery(req.nextUrl.searchParams), {
      memberId: access.memberId,
      canManage: can(access, "members:manage"),
    }),
  ),
);
