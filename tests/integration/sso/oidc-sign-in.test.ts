// OpenID Connect sign-in end to end through oidc-provider (a certified OP) on loopback:
// authorization code + PKCE, state and nonce; the username claim matched to a SCIM member.
// Table-driven over the OP's two modes, same assertions: conforming (the username claim only
// from UserInfo) and Entra-like (the claim in the ID token: no UserInfo request).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { consoleApi } from "../../helpers/console-client";
import { Browser } from "../../helpers/sso-browser";
import { baseUrl } from "../../helpers/server";
import { OIDC_OP_MODES, OidcTestOp, rsaJwk } from "../../idp/oidc-op";
import { provision, saveConnection, setActive, ssoOrganization, startTestSignIn, testReportOf, urlsOf, type SsoOrg } from "./fixtures";

describe.each(OIDC_OP_MODES)("OIDC single sign-on through oidc-provider (%s)", (mode) => {
  let op: OidcTestOp;
  let org: SsoOrg;
  let adaId: string;
  const ada = `ada-${Date.now()}@acme.test`;
  const secret = `secret-${Date.now()}-never-shown`;
  const firstKey = rsaJwk("first");

  beforeAll(async () => {
    org = await ssoOrganization();
    op = await OidcTestOp.start([{ clientId: "console", clientSecret: secret, redirectUris: [urlsOf(org.orgId).redirectUri] }], {
      keys: [firstKey],
      mode,
    });
    adaId = await provision(org, ada);
    const saved = await saveConnection(org, {
      protocol: "oidc",
      enabled: true,
      requireSso: false,
      oidc: { issuer: op.issuer, clientId: "console", clientSecret: secret, usernameClaim: "preferred_username" },
    });
    expect(saved.status).toBe(200);
  });
  afterAll(async () => op?.stop());

  async function signInThroughOp(username: string, browser = new Browser()) {
    const login = await browser.go(urlsOf(org.orgId).signIn);
    expect(login.url.startsWith(op.issuer)).toBe(true);
    const hops: { status: number; url: string; location?: string }[] = [];
    const landed = await browser.submit(login, { login: username, password: "any" }, hops as never);
    const callback = hops.find((h) => h.url.includes("/oidc/callback"));
    return { browser, landed, callback };
  }

  it("the client secret is write-only: never in the API, encrypted at rest", async () => {
    const view = await consoleApi<{ oidc: Record<string, unknown> }>(org.ownerCookie, "GET", `/api/organizations/${org.orgId}/sso`);
    expect(JSON.stringify(view.body)).not.toContain(secret);
    expect(view.body.oidc.clientSecretSet).toBe(true);
    const row = await db.ssoConnection.findUniqueOrThrow({ where: { organizationId: org.orgId } });
    expect(row.oidcSecretCipher).not.toContain(secret);
    expect(row.oidcSecretCipher?.startsWith("v1.")).toBe(true);
  });

  it("a SCIM-provisioned member signs in (code + PKCE + state + nonce) and lands on My account", async () => {
    const before = op.userInfoRequests;
    const { browser, landed, callback } = await signInThroughOp(ada);
    // UserInfo only when the ID token lacks the claim (OpenID Connect Core §5.4): never for Entra-like.
    expect(op.userInfoRequests - before).toBe(mode === "conforming" ? 1 : 0);
    expect(callback?.status).toBe(303);
    expect(new URL(callback?.location ?? "").pathname).toBe("/account");
    expect(landed.html).toContain(ada);
    const orgs = await browser.api<{ organizations: { id: string }[] }>(baseUrl(), "GET", "/api/organizations");
    expect(orgs.body.organizations.map((o) => o.id)).toEqual([org.orgId]);
    expect((await db.member.findUniqueOrThrow({ where: { id: adaId } })).lastSignInMethod).toBe("oidc");
  });

  it("Test sign-in reports the member the identity provider asserted, without a session", async () => {
    const { browser, location } = await startTestSignIn(org);
    const login = await browser.go(location);
    expect(login.url.startsWith(op.issuer)).toBe(true);
    const hops: { url: string; status: number; location?: string }[] = [];
    const report = await browser.submit(login, { login: ada, password: "any" }, hops as never);
    expect(new URL(hops.find((h) => h.url.includes("/oidc/callback"))?.location ?? "").pathname).toBe(
      `/organizations/${org.orgId}/settings/sso`,
    );
    expect(testReportOf(report.html)).toContain(`The IdP asserted "${ada}", which matches the member ${ada}: they can sign in.`);
  });

  it("a callback whose state this browser was not given is refused", async () => {
    const browser = new Browser();
    const login = await browser.go(urlsOf(org.orgId).signIn);
    const hops: { url: string; status: number; location?: string }[] = [];
    // Another browser (an attacker's victim) receives the redirect: no state cookie there.
    const other = new Browser();
    const page = await browser.request(new URL(login.url).href);
    const submitted = await browser.request((await import("../../helpers/sso-browser")).formOf(page.html, page.url).action, {
      method: "POST",
      form: { ...(await import("../../helpers/sso-browser")).formOf(page.html, page.url).fields, login: ada, password: "x" },
    });
    let hop = submitted;
    while (hop.location && !hop.location.includes("/oidc/callback")) hop = await browser.request(hop.location);
    expect(hop.location).toContain("/oidc/callback");
    const res = await other.go(hop.location ?? "", {}, hops as never);
    expect(hops[0]?.location).toContain("sso_error=unknown_request");
    expect(res.html).not.toContain(ada);
  });

  it("the OP rotates its signing key: the next sign-in verifies against the new JWKS", async () => {
    await op.stop();
    const port = Number(new URL(op.issuer).port);
    op = await OidcTestOp.start([{ clientId: "console", clientSecret: secret, redirectUris: [urlsOf(org.orgId).redirectUri] }], {
      port,
      keys: [rsaJwk("second")],
      mode,
    });
    const { callback } = await signInThroughOp(ada);
    expect(new URL(callback?.location ?? "").pathname).toBe("/account");
  });

  it("lock refuses the next request; unlock lets them back", async () => {
    const { browser } = await signInThroughOp(ada);
    expect((await browser.go(`${baseUrl()}/account`)).status).toBe(200);
    await setActive(org, adaId, false);
    expect((await browser.go(`${baseUrl()}/account`)).url).toContain("/login");
    expect((await signInThroughOp(ada)).callback?.location).toContain("sso_error=locked");
    await setActive(org, adaId, true);
    expect(new URL((await signInThroughOp(ada)).callback?.location ?? "").pathname).toBe("/account");
  });
});
