import { db } from "../db";
import type { MemberAccess } from "./permissions";

export type OrgAccessResult = { status: "ok"; access: MemberAccess } | { status: "locked" } | { status: "none" };

/** The session user's membership of one organization, read fresh on every request. */
export async function getOrgAccess(userId: string, orgId: string): Promise<OrgAccessResult> {
  const member = await db.member.findUnique({
    where: { organizationId_userId: { organizationId: orgId, userId } },
    select: { id: true, organizationId: true, role: true, iamPermission: true, locked: true },
  });
  if (!member) return { status: "none" };
  if (member.locked) return { status: "locked" };
  return { status: "ok", access: { memberId: member.id, organizationId: member.organizationId, role: member.role, iamPermission: member.iamPermission } };
}

/** Whether the user may use the console at all: at least one unlocked membership. */
export async function hasActiveMembership(userId: string): Promise<boolean> {
  return (await db.member.count({ where: { userId, locked: false } })) > 0;
}
