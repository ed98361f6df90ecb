import { recordEvent } from "../audit/record-event";
import { decide } from "../auth/org-access";
import { can } from "../auth/permissions";
import { ssoSessionCookie, type SsoSessionClaims } from "../auth/session-cookie";
import { membershipByUserName, recordMemberSignIn } from "../members/store";
import { REFUSAL_TEXT, SsoRefusal, type RefusalReason } from "./refusal";
import { saveRequest, newRequestId, type RequestData } from "./sso-requests";
import { safeReturnPath } from "./urls";

// After the IdP's answer verified: match the asserted username to a member of THAT
// organization (never create one), then either issue the session or, for a test sign-in,
// report what would have happened. The session is issued only if the access decision that
// every one of its requests will meet (lib/auth/org-access.ts) lets it act, from the same read.

export type Method = "saml" | "oidc";

export type SignInOutcome =
  { kind: "session"; location: string; cookie: Awaited<ReturnType<typeof ssoSessionCookie>> } | { kind: "test"; location: string };

export interface TestResult {
  method: Method;
  asserted: string | null;
  outcome: "match" | "refused";
  member: { id: string; userName: string; displayName: string | null; locked: boolean } | null;
  reason: RefusalReason | null;
  message: string;
  at: string;
}

/** Who a test sign-in matched, as the settings page shows it. */
export interface MatchedMember {
  id: string;
  userName: string;
  displayName: string | null;
  locked: boolean;
}

/** Why the access decision would refuse the session: the reason the person reads. */
function refusalOf(decision: Exclude<ReturnType<typeof decide>, { status: "ok" }>): RefusalReason {
  if (decision.status === "ended") return decision.reason === "no_account" ? "no_member" : decision.reason;
  return "locked"; // a lock (single sign-on is never "required" of a single sign-on session)
}

export async function completeSignIn(orgId: string, method: Method, username: string, request: RequestData): Promise<SignInOutcome> {
  const m = await membershipByUserName(orgId, username);
  const matched = m && { id: m.id, userName: m.profile.userName, displayName: m.profile.displayName, locked: m.locked };
  if (request.testBy) return reportTest(orgId, method, username, matched, request.testBy, null);
  if (!m) throw new SsoRefusal("no_member", undefined, username);
  const claims: SsoSessionClaims = { organizationId: orgId, memberId: m.id, method, userName: m.profile.userName };
  const decision = decide(claims, m);
  if (decision.status !== "ok") throw new SsoRefusal(refusalOf(decision), undefined, username);
  await recordMemberSignIn(m.id, method);
  await recordEvent({
    organizationId: orgId,
    actor: { type: "user", id: m.id, label: claims.userName },
    action: "sso.signin.succeeded",
    target: { type: "member", id: m.id, label: claims.userName },
    detail: method.toUpperCase(),
  });
  const cookie = await ssoSessionCookie(claims, {
    name: m.profile.displayName ?? claims.userName,
    email: m.profile.email ?? claims.userName,
  });
  // Only same-origin paths; by default managers (by hand or through a group) land on the console, members on My account.
  const landing = can(decision.access, "provisioning:manage") ? `/organizations/${orgId}` : "/account";
  return { kind: "session", location: safeReturnPath(request.returnTo) ?? landing, cookie };
}

export async function recordFailure(orgId: string, method: Method, refusal: SsoRefusal): Promise<void> {
  const asserted = refusal.asserted ?? null;
  await recordEvent({
    organizationId: orgId,
    actor: { type: "idp", label: asserted ?? undefined },
    action: "sso.signin.failed",
    outcome: "failure",
    target: asserted ? { type: "username", label: asserted } : undefined,
    detail: `${method.toUpperCase()}: ${refusal.reason}${refusal.detail ? ` — ${refusal.detail}` : ""}`,
  });
}

/** A test sign-in never issues a session: it stores what was asserted and what it matched, for the settings page. */
export async function reportTest(
  orgId: string,
  method: Method,
  asserted: string | null,
  member: MatchedMember | null,
  by: { id: string; label: string },
  refusal: SsoRefusal | null,
): Promise<SignInOutcome> {
  let reason: RefusalReason | null = refusal?.reason ?? null;
  if (!reason) reason = !member ? "no_member" : member.locked ? "locked" : null;
  const result: TestResult = {
    method,
    asserted,
    outcome: reason ? "refused" : "match",
    member: member ? { id: member.id, userName: member.userName, displayName: member.displayName, locked: member.locked } : null,
    reason,
    message: reason
      ? `${REFUSAL_TEXT[reason]}${refusal?.detail ? ` (${refusal.detail})` : ""}`
      : `The IdP asserted "${asserted}", which matches the member ${member?.userName}: they can sign in.`,
    at: new Date().toISOString(),
  };
  const id = newRequestId();
  await saveRequest(id, orgId, "test-result", { result, testBy: by });
  await recordEvent({
    organizationId: orgId,
    actor: { type: "user", id: by.id, label: by.label },
    action: "sso.test",
    outcome: reason ? "failure" : "success",
    detail: `${method.toUpperCase()}: ${asserted ?? "no identity"} → ${reason ?? `member ${member?.userName}`}`,
  });
  return { kind: "test", location: `/organizations/${orgId}/settings/sso?test=${id}` };
}
