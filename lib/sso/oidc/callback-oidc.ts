import * as client from "openid-client";
import type { SsoConnection } from "../../generated/prisma/client";
import { SsoRefusal } from "../refusal";
import { consumeRequest, type RequestData } from "../sso-requests";
import type { SsoUrls } from "../urls";
import { oidcClientFor } from "./start-oidc";

export interface OidcIdentity {
  username: string;
  request: RequestData;
}

/**
 * The redirect URI: the state must be one we issued to this browser, then openid-client
 * redeems the code with the PKCE verifier and checks the ID token: signature against the
 * issuer's JWKS (fetched when a key id is new, so the IdP may rotate), iss, aud, exp, nonce.
 */
export async function receiveOidcCallback(conn: SsoConnection, urls: SsoUrls, callbackUrl: URL, browserState: string | undefined): Promise<OidcIdentity> {
  const state = callbackUrl.searchParams.get("state") ?? "";
  if (!state || state !== browserState) throw new SsoRefusal("unknown_request", "The state is missing or was not issued to this browser.");
  const request = await consumeRequest(state, conn.organizationId, "oidc");
  if (!request?.codeVerifier || !request.nonce) throw new SsoRefusal("unknown_request", "The state was already used or has expired.");
  const error = callbackUrl.searchParams.get("error");
  if (error) throw new SsoRefusal("idp_error", `${error}: ${callbackUrl.searchParams.get("error_description") ?? ""}`);
  // The IdP answers on our public redirect URI; the request may have reached us under another host (a proxy).
  const current = new URL(urls.oidcRedirectUri);
  current.search = callbackUrl.search;
  let claims: client.IDToken | undefined;
  try {
    const cfg = await oidcClientFor(conn);
    const tokens = await client.authorizationCodeGrant(cfg, current, { pkceCodeVerifier: request.codeVerifier, expectedState: state, expectedNonce: request.nonce, idTokenExpected: true });
    claims = tokens.claims();
  } catch (err) {
    const message = err instanceof Error ? `${err.message}${err.cause instanceof Error ? ` (${err.cause.message})` : ""}` : String(err);
    throw new SsoRefusal(/response|fetch|ECONN/i.test(message) && !/JWT|signature|claim|nonce/i.test(message) ? "idp_error" : "bad_token", message);
  }
  if (!claims) throw new SsoRefusal("bad_token", "No ID token.");
  const value = claims[conn.oidcUsernameClaim ?? "preferred_username"];
  const username = typeof value === "string" ? value.trim() : "";
  if (!username) throw new SsoRefusal("no_username", `The ID token has no ${conn.oidcUsernameClaim ?? "preferred_username"} claim.`);
  return { username, request };
}
