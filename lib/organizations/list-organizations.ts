import { usableOrganizations, type ActiveSession } from "../auth/org-access";
import { permissionsOf } from "../auth/permissions";

export interface OrganizationSummary {
  id: string;
  name: string;
  role: string;
  permissions: string[];
}

// GET /api/organizations — the organizations where the session may act, as the access decision
// (lib/auth/org-access.ts) has just decided: a single sign-on session has at most one (the
// organization whose IdP signed it in); a lock, or single sign-on required of a password
// session, leaves an organization out.
export function listOrganizations(session: ActiveSession): OrganizationSummary[] {
  return usableOrganizations(session).map(({ organization, access }) => ({
    id: organization.id,
    name: organization.name,
    role: access.role,
    permissions: [...permissionsOf(access)],
  }));
}
