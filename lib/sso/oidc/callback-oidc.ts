import * as client from "openid-client";
import type { SsoConnection } from "../../generated/prisma/client";
import { SsoRefusal } from "../refusal";
import { consumeRequest, type RequestData } from "../sso-requests";
import type { SsoUrls } from "../urls";
import { oidcClientFor } from "./start-oidc";
import { describeError, readUsernameClaim, type OidcTokens } from "./username-claim";

export interface OidcIdentity {
  username: string;
  request: RequestData;
}

/**
 * The redirect URI: the state must be one we issued to this browser, then openid-client
 * redeems the code with the PKCE verifier and checks the ID token: signature against the
 * issuer's JWKS (fetched when a key id is new, so the IdP may rotate), iss, aud, exp, nonce.
 * The username claim comes from the ID token, or else from UserInfo (username-claim.ts).
 */
export async function receiveOidcCallback(
  conn: SsoConnection,
  urls: SsoUrls,
  callbackUrl: URL,
  browserState: string | undefined,
): Promise<OidcIdentity> {
  const state = callbackUrl.searchParams.get("state") ?? "";
  if (!state || state !== browserState) throw new SsoRefusal("unknown_request", "The state is missing or was not issued to this browser.");
  const request = await consumeRequest(state, conn.organizationId, "oidc");
  if (!request?.codeVerifier || !request.nonce) throw new SsoRefusal("unknown_request", "The state was already used or has expired.");
  try {
    const username = await verifiedUsername(conn, urls, callbackUrl, state, request);
    return { username, request };
  } catch (err) {
    // The request is spent: a Test sign-in's refusal is reported from here (test-failure.ts).
    if (err instanceof SsoRefusal) err.testBy = request.testBy;
    throw err;
  }
}

async function verifiedUsername(
  conn: SsoConnection,
  urls: SsoUrls,
  callbackUrl: URL,
  state: string,
  request: RequestData,
): Promise<string> {
  const error = callbackUrl.searchParams.get("error");
  if (error) throw new SsoRefusal("idp_error", `${error}: ${callbackUrl.searchParams.get("error_description") ?? ""}`);
  // The IdP answers on our public redirect URI; the request may have reached us under another host (a proxy).
  const current = new URL(urls.oidcRedirectUri);
  current.search = callbackUrl.search;
  let cfg: client.Configuration;
  let tokens: OidcTokens;
  try {
    cfg = await oidcClientFor(conn);
    const response = await client.authorizationCodeGrant(cfg, current, {
      pkceCodeVerifier: request.codeVerifier,
      expectedState: state,
      expectedNonce: request.nonce,
      idTokenExpected: true,
    });
    const claims = response.claims();
    if (!claims) throw new SsoRefusal("bad_token", "No ID token.");
    tokens = { access_token: response.access_token, claims };
  } catch (err) {
    if (err instanceof SsoRefusal) throw err;
    const message = describeError(err);
    throw new SsoRefusal(
      /response|fetch|ECONN/i.test(message) && !/JWT|signature|claim|nonce/i.test(message) ? "idp_error" : "bad_token",
      message,
    );
  }
  return readUsernameClaim(cfg, tokens, conn.oidcUsernameClaim ?? "preferred_username");
}
