import * as client from "openid-client";
import { SsoRefusal } from "../refusal";

// Where the configured username claim is read. Entra and Okta put it in the ID token: no extra
// round trip. A conforming OpenID Provider (oidc-provider with its defaults) answers the code
// flow with an ID token that carries only sub and the protocol claims; the claims the scopes
// asked for (profile → preferred_username, email → email) come from UserInfo (OpenID Connect
// Core §5.3, §5.4). UserInfo must be about the ID token's sub (§5.3.2): openid-client checks it.

export interface OidcTokens {
  access_token: string;
  claims: client.IDToken;
}

export function stringClaim(claims: Record<string, unknown>, name: string): string {
  const value = claims[name];
  return typeof value === "string" ? value.trim() : "";
}

export async function readUsernameClaim(cfg: client.Configuration, tokens: OidcTokens, claim: string): Promise<string> {
  const inIdToken = stringClaim(tokens.claims, claim);
  if (inIdToken) return inIdToken;
  if (!cfg.serverMetadata().userinfo_endpoint)
    throw new SsoRefusal("no_username", `The ID token has no ${claim} claim, and the identity provider publishes no UserInfo endpoint.`);
  let userInfo: client.UserInfoResponse;
  try {
    userInfo = await client.fetchUserInfo(cfg, tokens.access_token, tokens.claims.sub);
  } catch (err) {
    throw userInfoRefusal(err);
  }
  const fromUserInfo = stringClaim(userInfo, claim);
  if (!fromUserInfo) throw new SsoRefusal("no_username", `Neither the ID token nor UserInfo has a ${claim} claim.`);
  return fromUserInfo;
}

/** openid-client's errors, sorted: another subject is a forgery or a mix-up; anything else, an endpoint that failed. */
export function userInfoRefusal(err: unknown): SsoRefusal {
  if (err instanceof client.ClientError && err.code === "OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED") {
    return new SsoRefusal("userinfo_wrong_subject", "UserInfo answered for another sub than the ID token's.");
  }
  return new SsoRefusal("userinfo_failed", `UserInfo: ${describeError(err)}`);
}

export function describeError(err: unknown): string {
  if (err instanceof client.WWWAuthenticateChallengeError)
    return `HTTP ${err.status} (${err.cause.map((c) => c.parameters.error ?? c.scheme).join(", ")})`;
  if (!(err instanceof Error)) return String(err);
  if (err.cause instanceof Response) return `${err.message} (HTTP ${err.cause.status})`;
  return `${err.message}${err.cause instanceof Error ? ` (${err.cause.message})` : ""}`;
}
