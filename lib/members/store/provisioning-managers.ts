import { db } from "../../db";

// Who is told about the organization's SCIM tokens (expiry emails): members with a console
// login, not locked, who are owners or hold the IAM permission — by hand or through a group
// mapped to it (memberships.ts computes the same rule for the console). Prisma: a job's query, rare.

export interface ManagerContact {
  email: string;
  name: string;
}

export async function provisioningManagerContacts(orgId: string): Promise<ManagerContact[]> {
  const rows = await db.member.findMany({
    where: {
      organizationId: orgId,
      locked: false,
      userId: { not: null },
      OR: [{ role: "owner" }, { iamPermission: true }, { groupMemberships: { some: { group: { mapping: { is: { permission: "iam" } } } } } }],
    },
    select: { user: { select: { email: true, name: true } } },
    orderBy: { id: "asc" },
  });
  return rows.flatMap((r) => (r.user ? [{ email: r.user.email, name: r.user.name }] : []));
}
