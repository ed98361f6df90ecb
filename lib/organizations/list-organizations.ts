import { activeMembershipsOf } from "../members/store";
import { permissionsOf } from "../auth/permissions";
import type { SessionUser } from "../auth/session";

export interface OrganizationSummary {
  id: string;
  name: string;
  role: string;
  permissions: string[];
}

// GET /api/organizations — the organizations where the user has an unlocked membership; a
// single sign-on session has exactly one (the organization whose IdP signed it in).
export async function listOrganizations(user: SessionUser): Promise<OrganizationSummary[]> {
  if (user.sso) {
    const m = user.sso.state.member;
    if (m.locked) return [];
    return [{ id: m.organizationId, name: m.organizationName, role: m.role, permissions: [...permissionsOf({ memberId: m.id, organizationId: m.organizationId, role: m.role, iamPermission: m.iamPermission })] }];
  }
  const members = await activeMembershipsOf(user.id);
  return members.map((m) => ({
    id: m.organizationId,
    name: m.organizationName,
    role: m.role,
    permissions: [...permissionsOf({ memberId: m.id, organizationId: m.organizationId, role: m.role, iamPermission: m.iamPermission })],
  }));
}
