import type { NextRequest } from "next/server";
import { publicOrigin } from "@/lib/public-origin";
import { completeSignIn } from "@/lib/sso/complete-sign-in";
import { ORG_ID, STATE_COOKIE, outcomeResponse, refusalResponse, refusedRedirect } from "@/lib/sso/http";
import { connectionForSignIn } from "@/lib/sso/load-connection";
import { receiveOidcCallback } from "@/lib/sso/oidc/callback-oidc";
import { testFailureOutcome } from "@/lib/sso/test-failure";
import { ssoUrls } from "@/lib/sso/urls";

// GET /sso/[orgId]/oidc/callback — the OIDC redirect URI (authorization code + PKCE).
export async function GET(req: NextRequest, { params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  if (!ORG_ID.test(orgId)) return refusedRedirect(req, "", "not_configured");
  const state = req.nextUrl.searchParams.get("state");
  try {
    const conn = await connectionForSignIn(orgId, "oidc", true);
    const identity = await receiveOidcCallback(
      conn,
      ssoUrls(publicOrigin(req.headers), orgId),
      req.nextUrl,
      req.cookies.get(STATE_COOKIE)?.value,
    );
    if (!conn.enabled && !identity.request.testBy) return refusedRedirect(req, orgId, "sso_disabled");
    return outcomeResponse(req, await completeSignIn(orgId, "oidc", identity.username, identity.request));
  } catch (err) {
    const test = await testFailureOutcome(orgId, "oidc", "oidc", state, err);
    return test ? outcomeResponse(req, test) : refusalResponse(req, orgId, "oidc", err);
  }
}
