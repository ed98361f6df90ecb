import { recordEvent } from "../audit/record-event";
import { can } from "../auth/permissions";
import { ssoSessionCookie } from "../auth/session-cookie";
import { memberForSignIn, recordMemberSignIn, ssoSessionState, type SignInCandidate } from "../members/store";
import { REFUSAL_TEXT, SsoRefusal, type RefusalReason } from "./refusal";
import { saveRequest, newRequestId, type RequestData } from "./sso-requests";
import { safeReturnPath } from "./urls";

// After the IdP's answer verified: match the asserted username to a member of THAT
// organization (never create one), then either issue the session or, for a test sign-in,
// report what would have happened.

export type Method = "saml" | "oidc";

export type SignInOutcome =
  | { kind: "session"; location: string; cookie: Awaited<ReturnType<typeof ssoSessionCookie>> }
  | { kind: "test"; location: string };

export interface TestResult {
  method: Method;
  asserted: string | null;
  outcome: "match" | "refused";
  member: { id: string; userName: string; displayName: string | null; locked: boolean } | null;
  reason: RefusalReason | null;
  message: string;
  at: string;
}

function matchable(member: SignInCandidate | null, asserted: string): SignInCandidate {
  if (!member) throw new SsoRefusal("no_member", undefined, asserted);
  if (member.locked) throw new SsoRefusal("locked", undefined, asserted);
  return member;
}

export async function completeSignIn(orgId: string, method: Method, username: string, request: RequestData): Promise<SignInOutcome> {
  const member = await memberForSignIn(orgId, username);
  if (request.testBy) return reportTest(orgId, method, username, member, request.testBy, null);
  const m = matchable(member, username);
  // The same conditions every request of the session will be held to (lib/auth/session.ts).
  const state = await ssoSessionState(m.id, orgId);
  if (!state?.ssoEnabled) throw new SsoRefusal("sso_disabled", undefined, username);
  if (state.member.scimManaged && !state.scimEnabled) throw new SsoRefusal("scim_disabled", undefined, username);
  await recordMemberSignIn(m.id, method);
  await recordEvent({ organizationId: orgId, actor: { type: "user", id: m.id, label: m.userName }, action: "sso.signin.succeeded", target: { type: "member", id: m.id, label: m.userName }, detail: method.toUpperCase() });
  const cookie = await ssoSessionCookie({ organizationId: orgId, memberId: m.id, method, userName: m.userName }, { name: m.displayName ?? m.userName, email: m.email ?? m.userName });
  // Only same-origin paths; by default managers land on the console, members on My account.
  const landing = can({ memberId: m.id, organizationId: orgId, role: m.role, iamPermission: m.iamPermission }, "provisioning:manage") ? `/organizations/${orgId}` : "/account";
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
export async function reportTest(orgId: string, method: Method, asserted: string | null, member: SignInCandidate | null, by: { id: string; label: string }, refusal: SsoRefusal | null): Promise<SignInOutcome> {
  let reason: RefusalReason | null = refusal?.reason ?? null;
  if (!reason) reason = !member ? "no_member" : member.locked ? "locked" : null;
  const result: TestResult = {
    method,
    asserted,
    outcome: reason ? "refused" : "match",
    member: member ? { id: member.id, userName: member.userName, displayName: member.displayName, locked: member.locked } : null,
    reason,
    message: reason ? `${REFUSAL_TEXT[reason]}${refusal?.detail ? ` (${refusal.detail})` : ""}` : `The IdP asserted "${asserted}", which matches the member ${member?.userName}: they can sign in.`,
    at: new Date().toISOString(),
  };
  const id = newRequestId();
  await saveRequest(id, orgId, "test-result", { result, testBy: by });
  await recordEvent({ organizationId: orgId, actor: { type: "user", id: by.id, label: by.label }, action: "sso.test", outcome: reason ? "failure" : "success", detail: `${method.toUpperCase()}: ${asserted ?? "no identity"} → ${reason ?? `member ${member?.userName}`}` });
  return { kind: "test", location: `/organizations/${orgId}/settings/sso?test=${id}` };
}
