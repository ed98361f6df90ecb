import type { NextRequest } from "next/server";
import { publicOrigin } from "@/lib/public-origin";
import { completeSignIn } from "@/lib/sso/complete-sign-in";
import { ORG_ID, outcomeResponse, refusalResponse, refusedRedirect } from "@/lib/sso/http";
import { connectionForSignIn } from "@/lib/sso/load-connection";
import { receiveSamlResponse } from "@/lib/sso/saml/receive-saml";
import { rawInResponseTo, testFailureOutcome } from "@/lib/sso/test-failure";
import { ssoUrls } from "@/lib/sso/urls";

// POST /sso/[orgId]/saml/acs — Assertion Consumer Service (HTTP-POST binding), SP- and IdP-initiated.
export async function POST(req: NextRequest, { params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  if (!ORG_ID.test(orgId)) return refusedRedirect(req, "", "not_configured");
  let samlResponse = "";
  try {
    const form = await req.formData();
    samlResponse = String(form.get("SAMLResponse") ?? "");
    const relayState = form.get("RelayState");
    const inResponseTo = rawInResponseTo(samlResponse);
    const urls = ssoUrls(publicOrigin(req.headers), orgId);
    // A test sign-in may run while the connection is still disabled.
    const conn = await connectionForSignIn(orgId, "saml", !!inResponseTo);
    const received = await receiveSamlResponse(conn, urls, samlResponse, typeof relayState === "string" ? relayState : null);
    if (!conn.enabled && !received.request.testBy) return refusedRedirect(req, orgId, "sso_disabled");
    return outcomeResponse(req, await completeSignIn(orgId, "saml", received.username, received.request));
  } catch (err) {
    const test = await testFailureOutcome(orgId, "saml", "saml", rawInResponseTo(samlResponse), err);
    return test ? outcomeResponse(req, test) : refusalResponse(req, orgId, "saml", err);
  }
}
