import { NextResponse, type NextRequest } from "next/server";
import { isDatabaseUnavailable } from "../db/errors";
import { publicOrigin } from "../public-origin";
import { recordFailure, type Method, type SignInOutcome } from "./complete-sign-in";
import { SsoRefusal } from "./refusal";

// The browser-facing SSO endpoints answer with redirects: to the IdP, into the console, or to
// /login with the reason (a code from a fixed list; the page shows its sentence).

export const STATE_COOKIE = "sso-state";

export const ORG_ID = /^[A-Za-z0-9-]{1,100}$/;

export function redirectTo(req: NextRequest, location: string): NextResponse {
  // 303: the browser follows a POST (the ACS) with a GET.
  return NextResponse.redirect(new URL(location, publicOrigin(req.headers)), { status: 303, headers: { "Cache-Control": "no-store" } });
}

export function refusedRedirect(req: NextRequest, orgId: string, reason: string): NextResponse {
  return redirectTo(req, `/login?sso_error=${encodeURIComponent(reason)}&org=${encodeURIComponent(orgId)}`);
}

export function outcomeResponse(req: NextRequest, outcome: SignInOutcome): NextResponse {
  const res = redirectTo(req, outcome.location);
  if (outcome.kind === "session") res.cookies.set(outcome.cookie.name, outcome.cookie.value, outcome.cookie.options);
  res.cookies.delete(STATE_COOKIE);
  return res;
}

/** A refusal is recorded in activity and shown as a sentence; anything else is logged, generic. */
export async function refusalResponse(req: NextRequest, orgId: string, method: Method | null, err: unknown): Promise<NextResponse> {
  if (err instanceof SsoRefusal) {
    if (method && err.reason !== "not_configured") await recordFailure(orgId, method, err).catch(() => undefined);
    return refusedRedirect(req, orgId, err.reason);
  }
  if (isDatabaseUnavailable(err)) return refusedRedirect(req, orgId, "unavailable");
  console.error("Single sign-on failed", err);
  return refusedRedirect(req, orgId, "invalid");
}
