import { db } from "../../db";

// A console user's memberships, read fresh on every request (a lock or a removal counts at
// once). Prisma: one indexed query per console request, beside the page's own.

export interface Membership {
  id: string;
  organizationId: string;
  organizationName: string;
  role: string;
  iamPermission: boolean;
  locked: boolean;
  /** The organization requires single sign-on: a password session is good only for an owner (break-glass). */
  ssoRequired: boolean;
}

const select = { id: true, organizationId: true, role: true, iamPermission: true, locked: true, organization: { select: { name: true, sso: { select: { enabled: true, requireSso: true } } } } } as const;

type Selected = { id: string; organizationId: string; role: string; iamPermission: boolean; locked: boolean; organization: { name: string; sso: { enabled: boolean; requireSso: boolean } | null } };
const toMembership = (m: Selected): Membership => ({
  id: m.id,
  organizationId: m.organizationId,
  organizationName: m.organization.name,
  role: m.role,
  iamPermission: m.iamPermission,
  locked: m.locked,
  ssoRequired: !!m.organization.sso?.enabled && m.organization.sso.requireSso,
});

export async function membershipOf(userId: string, orgId: string): Promise<Membership | null> {
  const m = await db.member.findUnique({ where: { organizationId_userId: { organizationId: orgId, userId } }, select });
  return m ? toMembership(m) : null;
}

/** Unlocked memberships, by organization name. */
export async function activeMembershipsOf(userId: string): Promise<Membership[]> {
  const rows = await db.member.findMany({ where: { userId, locked: false }, select, orderBy: { organization: { name: "asc" } } });
  return rows.map(toMembership);
}

export async function hasActiveMembership(userId: string): Promise<boolean> {
  return (await db.member.count({ where: { userId, locked: false } })) > 0;
}
