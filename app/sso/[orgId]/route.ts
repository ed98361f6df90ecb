import type { NextRequest } from "next/server";
import { publicOrigin } from "@/lib/public-origin";
import { startSignIn } from "@/lib/sso/start-sign-in";
import { ORG_ID, STATE_COOKIE, redirectTo, refusalResponse, refusedRedirect } from "@/lib/sso/http";
import { safeReturnPath } from "@/lib/sso/urls";
import { REQUEST_TTL_MS } from "@/lib/sso/sso-requests";

// GET /sso/[orgId] — the organization's sign-in link: off to its identity provider (SAML or OIDC).
export async function GET(req: NextRequest, { params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  if (!ORG_ID.test(orgId)) return refusedRedirect(req, "", "not_configured");
  try {
    const returnTo = safeReturnPath(req.nextUrl.searchParams.get("returnTo")) ?? undefined;
    const started = await startSignIn(orgId, publicOrigin(req.headers), { returnTo });
    const res = redirectTo(req, started.location);
    if (started.state)
      res.cookies.set(STATE_COOKIE, started.state, {
        httpOnly: true,
        sameSite: "lax",
        path: `/sso/${orgId}`,
        maxAge: REQUEST_TTL_MS / 1000,
        secure: req.nextUrl.protocol === "https:",
      });
    return res;
  } catch (err) {
    return refusalResponse(req, orgId, null, err);
  }
}
