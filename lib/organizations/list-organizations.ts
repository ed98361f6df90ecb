import { db } from "../db";
import { permissionsOf } from "../auth/permissions";

export interface OrganizationSummary {
  id: string;
  name: string;
  role: string;
  permissions: string[];
}

// GET /api/organizations — the organizations where the user has an unlocked membership.
export async function listOrganizations(userId: string): Promise<OrganizationSummary[]> {
  const members = await db.member.findMany({
    where: { userId, locked: false },
    select: { id: true, organizationId: true, role: true, iamPermission: true, organization: { select: { name: true } } },
    orderBy: { organization: { name: "asc" } },
  });
  return members.map((m) => ({
    id: m.organizationId,
    name: m.organization.name,
    role: m.role,
    permissions: [...permissionsOf({ memberId: m.id, organizationId: m.organizationId, role: m.role, iamPermission: m.iamPermission })],
  }));
}
