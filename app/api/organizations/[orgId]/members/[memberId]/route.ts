import { can } from "@/lib/auth/permissions";
import { withOrg } from "@/lib/http/console-route";
import { json } from "@/lib/http/console-response";
import { readJson } from "@/lib/http/read-json";
import { getMember } from "@/lib/members/store";
import { setLockedInput } from "@/lib/members/member-query";
import { removeMember } from "@/lib/members/store";
import { setMemberLocked } from "@/lib/members/store";

type Params = { orgId: string; memberId: string };

// GET /api/organizations/[orgId]/members/[memberId] — one member, with its SCIM attributes when managed
export const GET = withOrg<Params>("members:read", async ({ orgId, params, access }) =>
  json(await getMember(orgId, params.memberId, { memberId: access.memberId, canManage: can(access, "members:manage") })),
);

// PATCH /api/organizations/[orgId]/members/[memberId] { locked } — unmanaged members only (409 otherwise)
export const PATCH = withOrg<Params>("members:manage", async ({ orgId, params, req, user, access }) => {
  const { locked } = setLockedInput.parse(await readJson(req));
  return json(await setMemberLocked(orgId, params.memberId, locked, { userId: user.id, email: user.email, memberId: access.memberId }));
});

// DELETE /api/organizations/[orgId]/members/[memberId] — unmanaged members only (409 otherwise)
export const DELETE = withOrg<Params>("members:manage", async ({ orgId, params, user, access }) => {
  await removeMember(orgId, params.memberId, { userId: user.id, email: user.email, memberId: access.memberId });
  return json({ removed: true });
});
