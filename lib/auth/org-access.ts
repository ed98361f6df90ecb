import { membershipOfMember, membershipsOfUser, type MemberProfile, type Membership } from "../members/store";
import { holdsIam, type IamGrant, type MemberAccess } from "./permissions";
import type { SessionClaims, SessionUser } from "./session";

// The one access rule, for every session (password, SAML, OIDC) and every organization: the
// console API (lib/http/console-route.ts), the pages (page-access.ts), the organization list,
// My account, the password sign-in (options.ts) and the single sign-on completion
// (lib/sso/complete-sign-in.ts) all ask it. It decides from one fresh read per request
// (lib/members/store/memberships.ts), so a lock, a group change, SSO or SCIM turned off count
// on the very next request, on every instance.

/** Why a session no longer stands (the person must sign in again). */
export type SessionEnd = "no_account" | "sso_disabled" | "scim_disabled";

export interface OrganizationRef {
  id: string;
  name: string;
}

/** What a session may do in one organization it is a member of. */
export type OrgDecision =
  | { status: "ok"; organization: OrganizationRef; access: MemberAccess; iam: IamGrant; profile: MemberProfile }
  | { status: "locked"; organization: OrganizationRef }
  | { status: "sso_required"; organization: OrganizationRef };

/**
 * THE rule, for one session and one membership as just read. A single sign-on session is
 * one member of one organization and stands on that organization's IdP: it ends when SSO is
 * turned off, and, for a member the IdP provisions, when SCIM is. A lock refuses any session.
 * Where the organization requires single sign-on a password session is good only for an
 * owner (break-glass). The IAM permission is effective by hand OR through a mapped group.
 */
export function decide(session: SessionClaims, m: Membership): OrgDecision | { status: "ended"; reason: SessionEnd } {
  const organization = { id: m.organizationId, name: m.organizationName };
  if (session.method !== "password") {
    if (m.id !== session.memberId || m.organizationId !== session.organizationId) return { status: "ended", reason: "no_account" };
    if (!m.ssoEnabled) return { status: "ended", reason: "sso_disabled" };
    if (m.scimManaged && !m.scimEnabled) return { status: "ended", reason: "scim_disabled" };
  }
  if (m.locked) return { status: "locked", organization };
  if (session.method === "password" && m.ssoEnabled && m.requireSso && m.role !== "owner") return { status: "sso_required", organization };
  const iam = { byHand: m.iamByHand, byGroup: m.iamByGroup };
  return {
    status: "ok",
    organization,
    iam,
    profile: m.profile,
    access: { memberId: m.id, organizationId: m.organizationId, role: m.role, iamPermission: holdsIam(iam) },
  };
}

export interface ActiveSession {
  status: "active";
  user: SessionUser;
  signedInWith: SessionClaims["method"];
  /** The session's decision in each organization read (by organization name). */
  organizations: OrgDecision[];
}

export type SessionAccess = ActiveSession | { status: "ended"; reason: SessionEnd };

/** A single sign-on session acts as its member: the directory's name and email, not the IdP's. */
function memberAsUser(m: Membership): SessionUser {
  return { id: m.id, email: m.profile.email ?? m.profile.userName, name: m.profile.displayName ?? m.profile.userName };
}

/**
 * The session's decisions, from one read: in `orgId` only when given (a console request),
 * else in every organization the session reaches (the organization list, My account).
 */
export async function sessionAccess(session: SessionClaims, orgId?: string): Promise<SessionAccess> {
  if (session.method === "password") {
    const read = await membershipsOfUser(session.userId, orgId);
    if (!read) return { status: "ended", reason: "no_account" };
    const organizations = read.memberships.map((m) => decide(session, m)).filter((d) => d.status !== "ended");
    return { status: "active", user: read.user, signedInWith: "password", organizations };
  }
  // Always its own organization's member: whether the session stands is decided there, even
  // when the request names another organization (which it then simply does not reach).
  const m = await membershipOfMember(session.memberId, session.organizationId);
  if (!m) return { status: "ended", reason: "no_account" };
  const decision = decide(session, m);
  if (decision.status === "ended") return decision;
  return { status: "active", user: memberAsUser(m), signedInWith: session.method, organizations: [decision] };
}

/** A console request's answer: the session ended (401), not a member here (404), or the decision with who acts. */
export type OrgAccess =
  { status: "ended"; reason: SessionEnd } | { status: "none"; user: SessionUser } | (OrgDecision & { user: SessionUser });

/** May this session act in `orgId`, and with which effective permission: one read, one rule. */
export async function orgAccess(session: SessionClaims, orgId: string): Promise<OrgAccess> {
  const s = await sessionAccess(session, orgId);
  if (s.status === "ended") return s;
  const decision = s.organizations.find((d) => d.organization.id === orgId);
  return decision ? { ...decision, user: s.user } : { status: "none", user: s.user };
}

/** The organizations where the session may act. */
export function usableOrganizations(s: ActiveSession): Extract<OrgDecision, { status: "ok" }>[] {
  return s.organizations.filter((d) => d.status === "ok");
}
