import type { NextRequest, NextResponse } from "next/server";
import { AppError } from "../errors";
import { sessionClaims, type SessionClaims, type SessionUser } from "../auth/session";
import { orgAccess, sessionAccess, type ActiveSession } from "../auth/org-access";
import { can, type MemberAccess, type Permission } from "../auth/permissions";
import { publicOrigin } from "../public-origin";
import { observeConsole } from "../ops/observe-console";
import { toConsoleErrorResponse } from "./console-response";
import { ApiKeyThrottled, authenticateApiKey, presentsBearer } from "../api-keys/authenticate-api-key";
import type { ApiKeyScope } from "../api-keys/schemas";
import type { TokenCreator } from "../provisioning/create-scim-token";

export interface ConsoleContext<P> {
  req: NextRequest;
  params: P;
  user: SessionUser;
  origin: string;
}
export interface SessionContext<P> extends ConsoleContext<P> {
  /** The session's decision in every organization it reaches (lib/auth/org-access.ts). */
  session: ActiveSession;
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
  if (!sent || !allowed.has(sent))
    throw new AppError("csrf", "This request did not come from the console (cross-site requests are refused).");
}

const signedOut = () => new AppError("unauthenticated", "You are not signed in.");

/** Every console request: request id and metrics, same-origin writes, a session cookie. */
function consoleRequest<P>(
  handler: (ctx: { req: NextRequest; params: P; origin: string; claims: SessionClaims }) => Promise<NextResponse>,
) {
  return (req: NextRequest, ctx: RouteCtx<P>): Promise<NextResponse> =>
    // Request id, metrics by route pattern, the log line: lib/ops/observe-console.ts.
    observeConsole("console", req, ctx.params, async () => {
      try {
        const origin = publicOrigin(req.headers);
        assertSameOrigin(req, origin);
        const claims = await sessionClaims();
        if (!claims) throw signedOut();
        return await handler({ req, params: await ctx.params, origin, claims });
      } catch (err) {
        return toConsoleErrorResponse(err);
      }
    });
}

/** Console API wrapper outside an organization: a session that still stands, and where it may act. */
export function withSession<P>(handler: (ctx: SessionContext<P>) => Promise<NextResponse>) {
  return consoleRequest<P>(async ({ claims, ...ctx }) => {
    const session = await sessionAccess(claims);
    if (session.status === "ended") throw signedOut();
    return handler({ ...ctx, user: session.user, session });
  });
}

/**
 * Console API wrapper for /api/organizations/[orgId]/…: the access decision (one read, one
 * rule: lib/auth/org-access.ts) on every request. Another organization is a 404, never a hint.
 */
export function withOrg<P extends { orgId: string }>(permission: Permission, handler: (ctx: OrgContext<P>) => Promise<NextResponse>) {
  return consoleRequest<P>(async ({ claims, ...ctx }) => {
    const orgId = ctx.params.orgId;
    const result = await orgAccess(claims, orgId);
    if (result.status === "ended") throw signedOut();
    if (result.status === "none") throw new AppError("not_found", "This organization does not exist.");
    if (result.status === "locked") throw new AppError("forbidden", "Your account is locked in this organization.");
    if (result.status === "sso_required")
      throw new AppError("forbidden", "This organization requires single sign-on: sign in through your identity provider.");
    if (!can(result.access, permission))
      throw new AppError("forbidden", "You don't have permission to do this. Ask an organization owner for the IAM permission.");
    return handler({ ...ctx, user: result.user, access: result.access, orgId });
  });
}

// ---- Organization API keys (lib/api-keys/). Opt-in per route: only the SCIM routes take
// `Authorization: Bearer <API key>` instead of a session. A bearer request never reaches the
// session code (nor its Origin check: no browser sends it, so it cannot be forged cross-site).

export interface CallerContext<P> {
  req: NextRequest;
  params: P;
  orgId: string;
  origin: string;
  /** The signed-in user, or the API key: who the audit trail names. */
  by: TokenCreator;
}

/** withOrg, or an API key of the URL's organization holding `scope`. */
export function withOrgOrApiKey<P extends { orgId: string }>(
  permission: Permission,
  scope: ApiKeyScope,
  handler: (ctx: CallerContext<P>) => Promise<NextResponse>,
) {
  const bySession = withOrg<P>(permission, (ctx) =>
    handler({
      req: ctx.req,
      params: ctx.params,
      orgId: ctx.orgId,
      origin: ctx.origin,
      by: { kind: "user", userId: ctx.user.id, label: ctx.user.email },
    }),
  );
  return async (req: NextRequest, ctx: RouteCtx<P>): Promise<NextResponse> => {
    if (!presentsBearer(req.headers)) return bySession(req, ctx);
    try {
      const params = await ctx.params;
      const key = await authenticateApiKey(req.headers.get("authorization"), params.orgId, scope);
      return await handler({
        req,
        params,
        orgId: key.organizationId,
        origin: publicOrigin(req.headers),
        by: { kind: "api_key", userId: key.id, label: key.prefix },
      });
    } catch (err) {
      const res = toConsoleErrorResponse(err);
      if (err instanceof ApiKeyThrottled) res.headers.set("Retry-After", String(err.retryAfterSeconds));
      if (res.status === 401) res.headers.set("WWW-Authenticate", 'Bearer realm="console"');
      return res;
    }
  };
}
