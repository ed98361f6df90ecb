// SSO test set-up: an organization with SCIM enabled, members provisioned over SCIM (no User
// row, as Entra and Okta create them), and a connection saved through the console API.
import { consoleApi, signIn } from "../../helpers/console-client";
import { createOrganization, enableScimWithToken, type TestOrganization } from "../../helpers/fixtures";
import { baseUrl } from "../../helpers/server";

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
  return scimRequest(org, "PATCH", `/Users/${id}`, { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", path: "active", value: active }] }, base);
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
