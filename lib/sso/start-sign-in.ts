import { connectionForSignIn } from "./load-connection";
import { startOidcSignIn } from "./oidc/start-oidc";
import { startSamlSignIn } from "./saml/start-saml";
import type { RequestData } from "./sso-requests";
import { ssoUrls } from "./urls";

export interface StartedSignIn {
  /** Where to send the browser: the IdP's sign-on page. */
  location: string;
  /** OIDC: the state, bound to this browser by a cookie (login CSRF). */
  state?: string;
}

/** The organization's sign-in link (and Test sign-in): off to its IdP, SAML or OIDC. */
export async function startSignIn(orgId: string, origin: string, data: Pick<RequestData, "returnTo" | "testBy">): Promise<StartedSignIn> {
  const conn = await connectionForSignIn(orgId, null, !!data.testBy);
  const urls = ssoUrls(origin, orgId);
  return conn.protocol === "oidc" ? startOidcSignIn(conn, urls, data) : { location: await startSamlSignIn(conn, urls, data) };
}
