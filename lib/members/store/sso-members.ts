import { db } from "../../db";

// Single sign-on reads the directory: who an IdP's assertion names (by userName, in that
// organization only), and on every request whether an SSO session still stands. Prisma: one
// indexed query each, on paths a person triggers (sign-in, a console request).

export interface SignInCandidate {
  id: string;
  organizationId: string;
  userName: string;
  email: string | null;
  displayName: string | null;
  role: string;
  iamPermission: boolean;
  locked: boolean;
  scimManaged: boolean;
}

const candidateSelect = { id: true, organizationId: true, userName: true, email: true, displayName: true, role: true, iamPermission: true, locked: true, scimManaged: true } as const;

/** The member of `orgId` whose userName equals `userName` case-insensitively, or null. Never another organization's. */
export async function memberForSignIn(orgId: string, userName: string): Promise<SignInCandidate | null> {
  return db.member.findUnique({ where: { organizationId_userNameLower: { organizationId: orgId, userNameLower: userName.toLowerCase() } }, select: candidateSelect });
}

export interface SsoSessionState {
  member: SignInCandidate & { organizationName: string };
  ssoEnabled: boolean;
  scimEnabled: boolean;
}

/** What an SSO session needs on each request, in one query: the member, its organization's SSO and SCIM switches. */
export async function ssoSessionState(memberId: string, orgId: string): Promise<SsoSessionState | null> {
  const m = await db.member.findFirst({
    where: { id: memberId, organizationId: orgId },
    select: { ...candidateSelect, organization: { select: { name: true, sso: { select: { enabled: true } }, scimConfig: { select: { enabled: true } } } } },
  });
  if (!m) return null;
  const { organization, ...member } = m;
  return { member: { ...member, organizationName: organization.name }, ssoEnabled: organization.sso?.enabled ?? false, scimEnabled: organization.scimConfig?.enabled ?? false };
}

/** Last sign-in and its method, shown on the members page. */
export async function recordMemberSignIn(memberId: string, method: "password" | "saml" | "oidc", at = new Date()): Promise<void> {
  await db.member.updateMany({ where: { id: memberId }, data: { lastSignInAt: at, lastSignInMethod: method } });
}

/** Password sign-in: the same for every membership of a console user. */
export async function recordUserSignIn(userId: string, at = new Date()): Promise<void> {
  await db.member.updateMany({ where: { userId }, data: { lastSignInAt: at, lastSignInMethod: "password" } });
}

export interface MemberProfile {
  id: string;
  userName: string;
  email: string | null;
  givenName: string | null;
  familyName: string | null;
  displayName: string | null;
  scimManaged: boolean;
  role: string;
  lastSignInAt: Date | null;
  lastSignInMethod: string | null;
}

/** My account: the member's own profile as the directory holds it. */
export async function memberProfile(memberId: string, orgId: string): Promise<MemberProfile | null> {
  return db.member.findFirst({
    where: { id: memberId, organizationId: orgId },
    select: { id: true, userName: true, email: true, givenName: true, familyName: true, displayName: true, scimManaged: true, role: true, lastSignInAt: true, lastSignInMethod: true },
  });
}
