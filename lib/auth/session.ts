import { getServerSession } from "next-auth";
import { authOptions } from "./options";
import type { SsoSessionClaims } from "./session-cookie";

/**
 * What the signed session cookie says: who signed in, and how. Claims only: whether the session
 * still stands and what it may do are decided on every request from the directory, by
 * lib/auth/org-access.ts.
 */
export type SessionClaims = { method: "password"; userId: string } | SsoSessionClaims;

/** Who a request acts as, for the audit trail and the page header. */
export interface SessionUser {
  id: string; // the User id; for a single sign-on session, the member id
  email: string;
  name: string;
}

export async function sessionClaims(): Promise<SessionClaims | null> {
  const session = await getServerSession(authOptions);
  if (session?.sso) return session.sso;
  const id = session?.user?.id;
  return id ? { method: "password", userId: id } : null;
}
