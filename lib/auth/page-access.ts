import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { renderingData } from "../http/page-errors";
import { sessionClaims, type SessionUser } from "./session";
import { orgAccess, sessionAccess, type ActiveSession, type OrganizationRef } from "./org-access";
import { can, type MemberAccess, type Permission } from "./permissions";

export interface PageAccess {
  user: SessionUser;
  access: MemberAccess;
  organization: OrganizationRef;
  allowed: boolean;
}

const signInAgain = (path: string) => `/login?callbackUrl=${encodeURIComponent(path)}`;

// The access decision (lib/auth/org-access.ts) once per page render: the layout and the page
// both ask, React's cache makes it one read.
const pageOrgAccess = cache(async (orgId: string) => {
  const claims = await sessionClaims();
  return claims ? orgAccess(claims, orgId) : null;
});

/**
 * For server-rendered console pages: signed in, member of the organization (else 404),
 * and whether the permission is held. Pages check it themselves: layouts are not a boundary.
 * The database being unavailable surfaces as the readable 503 sentence (app/error.tsx).
 */
export function requirePageAccess(orgId: string, permission: Permission, path: string): Promise<PageAccess> {
  return renderingData(() => checkPageAccess(orgId, permission, path));
}

async function checkPageAccess(orgId: string, permission: Permission, path: string): Promise<PageAccess> {
  const result = await pageOrgAccess(orgId);
  if (!result || result.status === "ended") redirect(signInAgain(path));
  if (result.status === "locked") redirect("/login?error=locked");
  if (result.status === "sso_required") redirect(`/login?error=sso_required&org=${encodeURIComponent(orgId)}`);
  if (result.status === "none") notFound();
  return { user: result.user, access: result.access, organization: result.organization, allowed: can(result.access, permission) };
}

/** For pages outside an organization (/, My account): the session's decision in every organization it reaches. */
export async function requireSession(path: string): Promise<ActiveSession> {
  const session = await renderingData(async () => {
    const claims = await sessionClaims();
    return claims ? sessionAccess(claims) : null;
  });
  if (!session || session.status === "ended") redirect(signInAgain(path));
  return session;
}

/** A session that may act nowhere: the sign-in page says why. */
export function refusedEverywhere(session: ActiveSession): never {
  const ssoRequired = session.organizations.find((d) => d.status === "sso_required");
  if (ssoRequired) redirect(`/login?error=sso_required&org=${encodeURIComponent(ssoRequired.organization.id)}`);
  redirect("/login?error=locked");
}
