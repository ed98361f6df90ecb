import { activeMembershipsOf, memberProfile, type MemberProfile } from "../members/store";
import type { SessionUser } from "./session";
import { getOrgAccess } from "./get-org-access";
import { can } from "./permissions";

export interface AccountEntry {
  organization: { id: string; name: string };
  profile: MemberProfile;
  canManage: boolean;
}

export interface MyAccount {
  /** How this session was established. */
  signedInWith: "saml" | "oidc" | "password";
  entries: AccountEntry[];
}

/** My account: the signed-in person's own profile in each organization the session is good for. */
export async function myAccount(user: SessionUser): Promise<MyAccount | "locked"> {
  if (user.sso) {
    const m = user.sso.state.member;
    const access = await getOrgAccess(user, m.organizationId);
    if (access.status !== "ok") return "locked";
    const profile = await memberProfile(m.id, m.organizationId);
    if (!profile) return "locked";
    return { signedInWith: user.sso.method, entries: [{ organization: { id: m.organizationId, name: m.organizationName }, profile, canManage: can(access.access, "provisioning:manage") }] };
  }
  const entries: AccountEntry[] = [];
  for (const m of await activeMembershipsOf(user.id)) {
    const profile = await memberProfile(m.id, m.organizationId);
    const access = { memberId: m.id, organizationId: m.organizationId, role: m.role, iamPermission: m.iamPermission };
    if (profile) entries.push({ organization: { id: m.organizationId, name: m.organizationName }, profile, canManage: can(access, "provisioning:manage") });
  }
  return entries.length ? { signedInWith: "password", entries } : "locked";
}
