import { activeMembershipsOf } from "../members/store";
import { permissionsOf } from "../auth/permissions";

export interface OrganizationSummary {
  id: string;
  name: string;
  role: string;
  permissions: string[];
}

// GET /api/organizations — the organizations where the user has an unlocked membership.
export async function listOrganizations(userId: string): Promise<OrganizationSummary[]> {
  const members = await activeMembershipsOf(userId);
  return members.map((m) => ({
    id: m.organizationId,
    name: m.organizationName,
    role: m.role,
    permissions: [...permissionsOf({ memberId: m.id, organizationId: m.organizationId, role: m.role, iamPermission: m.iamPermission })],
  }));
}
