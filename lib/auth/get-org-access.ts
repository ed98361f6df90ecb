import { membershipOf } from "../members/store";
import type { MemberAccess } from "./permissions";

export type OrgAccessResult = { status: "ok"; access: MemberAccess } | { status: "locked" } | { status: "none" };

/** The session user's membership of one organization, read fresh on every request. */
export async function getOrgAccess(userId: string, orgId: string): Promise<OrgAccessResult> {
  const member = await membershipOf(userId, orgId);
  if (!member) return { status: "none" };
  if (member.locked) return { status: "locked" };
  return { status: "ok", access: { memberId: member.id, organizationId: member.organizationId, role: member.role, iamPermission: member.iamPermission } };
}
