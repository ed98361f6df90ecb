import { notFound, redirect } from "next/navigation";
import { db } from "../db";
import { renderingData } from "../http/page-errors";
import { getSessionUser, type SessionUser } from "./session";
import { getOrgAccess } from "./get-org-access";
import { can, type MemberAccess, type Permission } from "./permissions";

export interface PageAccess {
  user: SessionUser;
  access: MemberAccess;
  organization: { id: string; name: string };
  allowed: boolean;
}

/**
 * For server-rendered console pages: signed in, member of the organization (else 404),
 * and whether the permission is held. Pages check it themselves: layouts are not a boundary.
 * The database being unavailable surfaces as the readable 503 sentence (app/error.tsx).
 */
export function requirePageAccess(orgId: string, permission: Permission, path: string): Promise<PageAccess> {
  return renderingData(() => checkPageAccess(orgId, permission, path));
}

async function checkPageAccess(orgId: string, permission: Permission, path: string): Promise<PageAccess> {
  const user = await getSessionUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  const result = await getOrgAccess(user, orgId);
  if (result.status === "locked") redirect("/login?error=locked");
  if (result.status === "sso_required") redirect(`/login?error=sso_required&org=${encodeURIComponent(orgId)}`);
  if (result.status === "none") notFound();
  const organization = await db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { id: true, name: true } });
  return { user, access: result.access, organization, allowed: can(result.access, permission) };
}
