// SSO test set-up: an organization with SCIM enabled, members provisioned over SCIM (no User
// row, as Entra and Okta create them), and a connection saved through the console API.
import { consoleApi, signIn } from "../../helpers/console-client";
import { createOrganization, enableScimWithToken, type TestOrganization } from "../../helpers/fixtures";
import { baseUrl } from "../../helpers/server";
import { Browser } from "../../helpers/sso-browser";

export interface SsoOrg extends TestOrganization {
  scimToken: string;
  ownerCookie: string;
}

export async function ssoOrganization(): Promise<SsoOrg> {
  const org = await createOrganization();
  const scimToken = await enableScimWithToken(org);
  const ownerCookie = await signIn(org.owner.email, org.owner.password);
  if (!ownerCookie) throw new Error("owner sign-in failed");
  return { ...org, scimToken, ownerCookie };
}

export async function scimRequest(org: SsoOrg, method: string, path: string, body?: unknown, base = baseUrl()) {
  const res = await fetch(`${base}/scim/v2/${org.orgId}${path}`, {
    method,
    headers: { Authorization: `Bearer ${org.scimToken}`, "Content-Type": "application/scim+json", Accept: "application/scim+json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

/** As Entra provisions a user: POST /Users, then its id. */
export async function provision(org: SsoOrg, userName: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await scimRequest(org, "POST", "/Users", {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
    userName,
    active: true,
    name: { givenName: "Grace", familyName: "Hopper" },
    emails: [{ value: userName, type: "work", primary: true }],
    ...extra,
  });
  if (res.status !== 201) throw new Error(`provisioning failed: ${res.status} ${JSON.stringify(res.body)}`);
  return String(res.body.id);
}

export async function setActive(org: SsoOrg, id: string, active: boolean, base = baseUrl()) {
  return scimRequest(
    org,
    "PATCH",
    `/Users/${id}`,
    { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", path: "active", value: active }] },
    base,
  );
}

export async function saveConnection(org: SsoOrg, body: unknown) {
  return consoleApi(org.ownerCookie, "PUT", `/api/organizations/${org.orgId}/sso`, body);
}

export const urlsOf = (orgId: string, base = baseUrl()) => ({
  signIn: `${base}/sso/${orgId}`,
  entityId: `${base}/sso/${orgId}/saml/metadata`,
  acs: `${base}/sso/${orgId}/saml/acs`,
  redirectUri: `${base}/sso/${orgId}/oidc/callback`,
});

/** An organization whose SAML IdP is a signing key held by the test (responses via saml-response.ts). */
export async function samlOrganization(key: { cert: string }, entityId = "https://idp.acme.test/saml"): Promise<SsoOrg> {
  const org = await ssoOrganization();
  const saved = await saveConnection(org, {
    protocol: "saml",
    enabled: true,
    requireSso: false,
    saml: { entityId, ssoUrl: "https://idp.acme.test/sso", certificates: [key.cert] },
  });
  if (saved.status !== 200) throw new Error(`saving the connection failed: ${JSON.stringify(saved.body)}`);
  return org;
}

/** POSTs a SAMLResponse to an organization's ACS as the browser would; returns the session cookie (or the refusal). */
export async function postToAcs(orgId: string, samlResponse: string, base = baseUrl()) {
  const res = await fetch(`${base}/sso/${orgId}/saml/acs`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ SAMLResponse: samlResponse }),
  });
  const location = res.headers.get("location") ?? "";
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .find((c) => c.startsWith("next-auth.session-token="));
  return { status: res.status, location, cookie: cookie ?? null, reason: new URL(location, base).searchParams.get("sso_error") };
}

/**
 * The owner's "Test sign-in" as the settings page starts it: a browser holding the owner's
 * session and the state cookie, and the IdP's first page (follow it to the report).
 */
export async function startTestSignIn(org: SsoOrg): Promise<{ browser: Browser; location: string }> {
  const started = await consoleApi<{ location: string }>(org.ownerCookie, "POST", `/api/organizations/${org.orgId}/sso/test`);
  if (started.status !== 200) throw new Error(`Test sign-in did not start: ${started.status} ${JSON.stringify(started.body)}`);
  const browser = new Browser();
  browser.addCookies(baseUrl(), [org.ownerCookie, ...started.headers.getSetCookie().map((c) => c.split(";")[0] ?? "")].join("; "));
  return { browser, location: started.body.location };
}

/** What the settings page reports after a Test sign-in (the panel's text, tags stripped). */
export function testReportOf(html: string): string {
  const panel = /<section[^>]*aria-label="Test sign-in result"[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1] ?? "";
  return panel
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}
