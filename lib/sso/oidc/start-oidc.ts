import * as client from "openid-client";
import type { SsoConnection } from "../../generated/prisma/client";
import { openSecret } from "../secret-box";
import { saveRequest, type RequestData } from "../sso-requests";
import type { SsoUrls } from "../urls";
import { oidcConfiguration } from "./discovery";

export async function oidcClientFor(conn: SsoConnection): Promise<client.Configuration> {
  if (!conn.oidcIssuer || !conn.oidcClientId || !conn.oidcSecretCipher) throw new Error("The OIDC connection is incomplete.");
  return oidcConfiguration(conn.oidcIssuer, conn.oidcClientId, openSecret(conn.oidcSecretCipher, conn.organizationId));
}

/** Authorization-code flow with PKCE (S256), state and nonce; all three kept server-side, single use. */
export async function startOidcSignIn(conn: SsoConnection, urls: SsoUrls, data: RequestData): Promise<{ location: string; state: string }> {
  const cfg = await oidcClientFor(conn);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  await saveRequest(state, conn.organizationId, "oidc", { ...data, codeVerifier, nonce });
  const url = client.buildAuthorizationUrl(cfg, {
    redirect_uri: urls.oidcRedirectUri,
    scope: "openid profile email",
    response_type: "code",
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { location: url.href, state };
}
