import type { NextRequest, NextResponse } from "next/server";
import { AppError } from "../errors";
import { getSessionUser, type SessionUser } from "../auth/session";
import { getOrgAccess } from "../auth/get-org-access";
import { can, type MemberAccess, type Permission } from "../auth/permissions";
import { publicOrigin } from "../public-origin";
import { toConsoleErrorResponse } from "./console-response";

export interface ConsoleContext<P> {
  req: NextRequest;
  params: P;
  user: SessionUser;
  origin: string;
}
export interface OrgContext<P> extends ConsoleContext<P> {
  access: MemberAccess;
  orgId: string;
}

type RouteCtx<P> = { params: Promise<P> };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** State-changing requests must come from our own pages: the browser's Origin must be ours. */
function assertSameOrigin(req: NextRequest, origin: string): void {
  if (SAFE_METHODS.has(req.method)) return;
  const sent = req.headers.get("origin");
  const allowed = new Set([origin, req.nextUrl.origin]);
  if (!sent || !allowed.has(sent)) throw new AppError("csrf", "This request did not come from the console (cross-site requests are refused).");
}

/** Console API wrapper: signed-in user, same-origin writes. */
export function withSession<P>(handler: (ctx: ConsoleContext<P>) => Promise<NextResponse>) {
  return async (req: NextRequest, ctx: RouteCtx<P>): Promise<NextResponse> => {
    try {
      const origin = publicOrigin(req.headers);
      assertSameOrigin(req, origin);
      const user = await getSessionUser();
      if (!user) throw new AppError("unauthenticated", "You are not signed in.");
      return await handler({ req, params: await ctx.params, user, origin });
    } catch (err) {
      return toConsoleErrorResponse(err);
    }
  };
}

/**
 * Console API wrapper for /api/organizations/[orgId]/…: membership and permission are
 * checked on the server on every request. Another organization is a 404, never a hint.
 */
export function withOrg<P extends { orgId: string }>(permission: Permission, handler: (ctx: OrgContext<P>) => Promise<NextResponse>) {
  return withSession<P>(async (ctx) => {
    const orgId = ctx.params.orgId;
    const result = await getOrgAccess(ctx.user, orgId);
    if (result.status === "none") throw new AppError("not_found", "This organization does not exist.");
    if (result.status === "locked") throw new AppError("forbidden", "Your account is locked in this organization.");
    if (result.status === "sso_required") throw new AppError("forbidden", "This organization requires single sign-on: sign in through your identity provider.");
    if (!can(result.access, permission)) throw new AppError("forbidden", "You don't have permission to do this. Ask an organization owner for the IAM permission.");
    return handler({ ...ctx, access: result.access, orgId });
  });
}
