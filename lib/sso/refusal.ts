// Why a single sign-on was refused: a code for the activity log and tests, and a sentence for
// the person (what happened and what to do).

export const REFUSAL_TEXT = {
  not_configured: "Single sign-on is not set up for this organization. Sign in with your password, or ask an organization owner.",
  sso_disabled:
    "Single sign-on is turned off for this organization. Ask an organization owner to turn it on, or sign in with your password.",
  no_member:
    "Your identity provider signed you in, but this organization has no member with that username. Ask your administrator to assign you to the application (SCIM provisioning), or check that the NameID / username claim equals your SCIM userName.",
  scim_disabled:
    "Automatic user provisioning (SCIM) is turned off for this organization, so the members it provisioned cannot sign in. Ask an organization owner.",
  locked: "Your account is locked in this organization. Ask your identity provider administrator or an organization owner to unlock it.",
  no_username:
    "The identity provider did not send a username (NameID or the configured attribute/claim, in the ID token or from UserInfo). Ask your administrator to check the application's claims.",
  bad_signature:
    "The identity provider's response was not signed with the configured certificate. Ask an administrator to check the signing certificate on the Single sign-on page.",
  expired: "The sign-in response has expired or is not yet valid (check the clocks). Start the sign-in again.",
  wrong_audience:
    "The sign-in response was meant for another application (audience). Ask an administrator to set the Identifier (entity ID) shown on the Single sign-on page.",
  wrong_destination:
    "The sign-in response was addressed to another URL. Ask an administrator to set the Reply URL (ACS) shown on the Single sign-on page.",
  wrong_recipient:
    "The sign-in response was addressed to another URL. Ask an administrator to set the Reply URL (ACS) shown on the Single sign-on page.",
  wrong_issuer:
    "The sign-in response came from another identity provider than the one configured. Ask an administrator to check the entity ID or issuer.",
  replayed: "This sign-in response was already used. Start the sign-in again.",
  unknown_request: "This sign-in response answers a request we did not make, or one that expired. Start the sign-in again.",
  malformed_nameid:
    "The sign-in response was tampered with (markup inside the NameID). Start the sign-in again; tell your administrator if it repeats.",
  bad_token:
    "The identity provider's ID token did not verify (signature, issuer, audience, expiry or nonce). Start the sign-in again; tell your administrator if it repeats.",
  idp_error: "The identity provider refused the sign-in. Try again, or ask your administrator.",
  userinfo_failed:
    "The ID token did not carry your username and the identity provider's UserInfo endpoint could not be read. Try again; if it repeats, ask your administrator to check the identity provider (or to send the username claim in the ID token).",
  userinfo_wrong_subject:
    "The identity provider's UserInfo answer was about another user than its ID token (sub), so it was not trusted. Start the sign-in again; tell your administrator if it repeats.",
  invalid: "The sign-in response could not be read. Start the sign-in again.",
} as const;

export type RefusalReason = keyof typeof REFUSAL_TEXT;

export class SsoRefusal extends Error {
  constructor(
    readonly reason: RefusalReason,
    /** Detail for the activity log (never shown to the person signing in). */
    readonly detail?: string,
    /** The username the IdP asserted, when it got that far. */
    readonly asserted?: string,
  ) {
    super(REFUSAL_TEXT[reason]);
    this.name = "SsoRefusal";
  }

  /** Set when the refused answer had already spent a Test sign-in's request: reported on the settings page (test-failure.ts). */
  testBy?: { id: string; label: string };
}

export function isRefusalReason(s: unknown): s is RefusalReason {
  return typeof s === "string" && Object.hasOwn(REFUSAL_TEXT, s);
}

/** node-saml's error messages, sorted into the reasons above. */
export function samlErrorReason(message: string): RefusalReason {
  if (/signature/i.test(message)) return "bad_signature";
  if (/expired|not yet valid|too old/i.test(message)) return "expired";
  if (/audience/i.test(message)) return "wrong_audience";
  if (/InResponseTo/i.test(message)) return "unknown_request";
  if (/provider returned/i.test(message)) return "idp_error";
  return "invalid";
}
