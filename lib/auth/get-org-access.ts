import { membershipOf } from "../members/store";
import type { MemberAccess } from "./permissions";
import type { SessionUser } from "./session";

export type OrgAccessResult = { status: "ok"; access: MemberAccess } | { status: "locked" } | { status: "sso_required" } | { status: "none" };

/**
 * The session user's membership of one organization, read fresh on every request. A single
 * sign-on session grants its own organization only; a password session is refused where the
 * organization requires single sign-on, except for an owner (break-glass).
 */
export async function getOrgAccess(user: SessionUser, orgId: string): Promise<OrgAccessResult> {
  if (user.sso) {
    const m = user.sso.state.member;
    if (user.sso.organizationId !== orgId || m.organizationId !== orgId) return { status: "none" };
    if (m.locked) return { status: "locked" };
    return { status: "ok", access: { memberId: m.id, organizationId: orgId, role: m.role, iamPermission: m.iamPermission } };
  }
  const member = await membershipOf(user.id, orgId);
  if (!member) return { status: "none" };
  if (member.locked) return { status: "locked" };
  if (member.ssoRequired && member.role !== "owner") return { status: "sso_required" };
  return { status: "ok", access: { memberId: member.id, organizationId: member.organizationId, role: member.role, iamPermission: member.iamPermission } };
}
