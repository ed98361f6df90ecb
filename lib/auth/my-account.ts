import { iamSource, roleLabel, type RoleLabel } from "../members/member-rules";
import type { MemberProfile } from "../members/store";
import { usableOrganizations, type ActiveSession, type OrganizationRef } from "./org-access";
import { can, type IamGrant } from "./permissions";

export interface AccountEntry {
  organization: OrganizationRef;
  profile: MemberProfile;
  /** Where the IAM permission comes from, as the access decision read it. */
  iam: IamGrant;
  /** As the members page says it: "IAM manager" (by hand, through a group) or "Member". */
  roleLabel: RoleLabel;
  iamSource: string | null;
  canManage: boolean;
}

export interface MyAccount {
  /** How this session was established. */
  signedInWith: "saml" | "oidc" | "password";
  entries: AccountEntry[];
}

/**
 * My account: the signed-in person's own profile in each organization where the access
 * decision lets the session act (lib/auth/org-access.ts; the profile comes with its read).
 * Null when there is none: the caller says why (locked, or single sign-on required).
 */
export function myAccount(session: ActiveSession): MyAccount | null {
  const entries = usableOrganizations(session).map(({ organization, profile, iam, access }) => ({
    organization,
    profile,
    iam,
    roleLabel: roleLabel(access.role, access.iamPermission),
    iamSource: iamSource(access.role, iam),
    canManage: can(access, "provisioning:manage"),
  }));
  return entries.length ? { signedInWith: session.signedInWith, entries } : null;
}
