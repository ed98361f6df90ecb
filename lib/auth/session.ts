import { getServerSession } from "next-auth";
import { db } from "../db";
import { ssoSessionState, type SsoSessionState } from "../members/store";
import { authOptions } from "./options";
import type { SsoSessionClaims } from "./session-cookie";

export interface SessionUser {
  id: string; // the User id; for a single sign-on session, the member id
  email: string;
  name: string;
  /** A single sign-on session: one member of one organization, re-read on this request. */
  sso?: SsoSessionClaims & { state: SsoSessionState };
}

/**
 * The signed-in user, re-read from the database on every request: a deleted account has no
 * session; an SSO session ends when its member is gone, SSO is turned off, or (for a member
 * SCIM manages) SCIM is turned off. A lock is reported by getOrgAccess.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  if (session?.sso) return ssoSessionUser(session.sso);
  const id = session?.user?.id;
  if (!id) return null;
  return db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
}

async function ssoSessionUser(claims: SsoSessionClaims): Promise<SessionUser | null> {
  const state = await ssoSessionState(claims.memberId, claims.organizationId);
  if (!state || !state.ssoEnabled) return null;
  if (state.member.scimManaged && !state.scimEnabled) return null;
  const m = state.member;
  return { id: m.id, email: m.email ?? m.userName, name: m.displayName ?? m.userName, sso: { ...claims, state } };
}
