import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { OIDC_OP_MODES, OidcTestOp } from "../tests/idp/oidc-op";
import { SamlTestIdp } from "../tests/idp/saml-idp-server";
import { OWNER, acmeId, oidcProviderPage, samlIdpPage, signInWithApi, signInWithSso } from "./helpers";

// Single sign-on as people use it: the owner connects the organization's IdP on the Single
// sign-on page; a member the IdP provisioned over SCIM signs in through the IdP's own page;
// the IdP locks them over SCIM and their next page load is refused; unlock lets them back.
// OpenID Connect runs against oidc-provider in both modes: conforming (the username claim only
// from UserInfo) and Entra-like (the claim in the ID token).

test.describe.configure({ mode: "serial" });

const SCIM = "application/scim+json";
const grace = `grace.e2e-${Date.now()}@acme.test`;

async function scim(request: APIRequestContext, base: string, token: string, method: string, path: string, data?: unknown) {
  return request.fetch(`${base}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": SCIM, Accept: SCIM },
    data: data === undefined ? undefined : JSON.stringify(data),
  });
}

test.describe("Single sign-on with SCIM-provisioned members", () => {
  let saml: SamlTestIdp;
  let op: OidcTestOp | undefined;
  let owner: Page;
  let orgId: string;
  let token: string;
  let graceId: string;
  let base: string;

  test.beforeAll(async ({ browser, baseURL }) => {
    base = baseURL ?? "";
    saml = await SamlTestIdp.start();
    owner = await (await browser.newContext()).newPage();
    await signInWithApi(owner.request, OWNER);
    orgId = await acmeId(owner.request);
    // A fresh SCIM token whatever earlier specs left: disable (if on), then enable.
    const status = (await (await owner.request.get(`/api/organizations/${orgId}/scim`)).json()) as { enabled: boolean };
    const headers = { Origin: base };
    if (status.enabled) await owner.request.post(`/api/organizations/${orgId}/scim/disable`, { headers, data: { confirm: "Disable" } });
    token = (
      (await (await owner.request.post(`/api/organizations/${orgId}/scim/enable`, { headers, data: {} })).json()) as { token: string }
    ).token;
    const created = await scim(owner.request, base, token, "POST", `/scim/v2/${orgId}/Users`, {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: grace,
      active: true,
      name: { givenName: "Grace", familyName: "Hopper" },
      emails: [{ value: grace, primary: true }],
    });
    expect(created.status()).toBe(201);
    graceId = ((await created.json()) as { id: string }).id;
  });
  test.afterAll(async () => {
    await saml?.stop();
    await op?.stop();
  });

  const setActive = async (active: boolean) =>
    expect(
      (
        await scim(owner.request, base, token, "PATCH", `/scim/v2/${orgId}/Users/${graceId}`, {
          schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
          Operations: [{ op: "replace", path: "active", value: active }],
        })
      ).status(),
    ).toBe(200);

  test("the owner connects a SAML IdP from its federation metadata and sees what to paste", async () => {
    await owner.goto(`/organizations/${orgId}/settings/sso`);
    await expect(
      owner.getByRole("navigation", { name: "Organization settings" }).getByRole("link", { name: "Single sign-on" }),
    ).toHaveAttribute("aria-current", "page");
    await expect(owner.getByLabel("Reply URL (Assertion Consumer Service URL)", { exact: true })).toHaveValue(
      `${base}/sso/${orgId}/saml/acs`,
    );
    await expect(owner.getByLabel("Identifier (Entity ID)", { exact: true })).toHaveValue(`${base}/sso/${orgId}/saml/metadata`);
    await owner.getByLabel("Federation metadata XML", { exact: true }).fill(saml.metadataXml());
    await owner.getByLabel("Enable single sign-on").check();
    await owner.getByRole("button", { name: "Save" }).click();
    await expect(owner.getByText("Single sign-on settings saved")).toBeVisible();
    await expect(owner.getByText("Signing certificates read")).toBeVisible();
    await expect(owner.getByText(/CN=saml-test-idp — expires \d{4}-\d{2}-\d{2}/)).toBeVisible();
    await expect(owner.getByLabel("IdP entity ID (Identifier)")).toHaveValue(saml.entityId);
  });

  test("Test sign-in reports the asserted identity and its member, without a session", async () => {
    await owner.getByRole("button", { name: "Test sign-in" }).click();
    await owner.getByLabel("Username", { exact: true }).fill(grace.toUpperCase());
    await owner.getByRole("button", { name: "Sign in" }).click();
    const result = owner.getByRole("status", { name: "Test sign-in result" });
    await expect(result).toContainText("Test sign-in succeeded");
    await expect(result).toContainText(grace.toUpperCase());
    await expect(result).toContainText(`${grace} (Grace Hopper)`);
    // Still the owner: the settings page is there.
    await expect(owner.getByRole("heading", { name: "Single sign-on", exact: true })).toBeVisible();
  });

  test("SAML: the member signs in through the IdP's page, the IdP locks them over SCIM, the next page load is refused; unlock lets them back", async ({
    browser,
  }) => {
    const page = await signInWithSso(browser, orgId, grace, samlIdpPage);
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole("heading", { name: "My account" })).toBeVisible();
    await expect(page.getByText(/Signed in with:\s*Single sign-on \(SAML\)/)).toBeVisible();
    await expect(page.getByText(grace).first()).toBeVisible();
    await expect(page.getByText(/Managed by your identity provider \(SCIM\)/)).toBeVisible();
    await setActive(false);
    await page.reload();
    await expect(page).toHaveURL(/\/login\?error=locked/);
    await expect(page.getByRole("alert").filter({ hasText: "Your account is locked" })).toBeVisible();
    await setActive(true);
    const back = await signInWithSso(browser, orgId, grace, samlIdpPage);
    await expect(back).toHaveURL(/\/account$/);
  });

  test("the members page shows her last sign-in and its method", async () => {
    await owner.goto(`/organizations/${orgId}/members`);
    const row = owner.locator(`[data-testid="member-row"][data-username="${grace}"]`);
    await expect(row).toContainText("(SAML)");
  });

  for (const mode of OIDC_OP_MODES) {
    test(`OIDC (${mode} OP): the owner switches to OpenID Connect; the member signs in through oidc-provider; lock refuses the next load; unlock lets them back`, async ({
      browser,
    }) => {
      await op?.stop();
      op = await OidcTestOp.start(
        [{ clientId: "console-e2e", clientSecret: "e2e-oidc-secret", redirectUris: [`${base}/sso/${orgId}/oidc/callback`] }],
        { mode },
      );
      await owner.goto(`/organizations/${orgId}/settings/sso`);
      await owner.getByRole("radio", { name: "OpenID Connect" }).check();
      await expect(owner.getByLabel("Redirect URI", { exact: true })).toHaveValue(`${base}/sso/${orgId}/oidc/callback`);
      await owner.getByLabel("Issuer URL").fill(op.issuer);
      await owner.getByLabel("Client ID").fill("console-e2e");
      await owner.getByLabel("Client secret").fill("e2e-oidc-secret");
      await owner.getByRole("button", { name: "Save" }).click();
      await expect(owner.getByText("Single sign-on settings saved")).toBeVisible();
      await expect(owner.getByLabel("Client secret")).toHaveValue("");
      await expect(owner.getByLabel("Client secret")).toHaveAttribute("placeholder", /Stored \(encrypted\)/);

      const page = await signInWithSso(browser, orgId, grace, oidcProviderPage);
      await expect(page).toHaveURL(/\/account$/);
      await expect(page.getByText(/Signed in with:\s*Single sign-on \(OpenID Connect\)/)).toBeVisible();
      await setActive(false);
      await page.reload();
      await expect(page).toHaveURL(/\/login\?error=locked/);
      await setActive(true);
      const back = await signInWithSso(browser, orgId, grace, oidcProviderPage);
      await expect(back).toHaveURL(/\/account$/);
      expect(op.userInfoRequests).toBe(mode === "conforming" ? 2 : 0);
    });
  }

  test("an unknown username is refused with a sentence that says what to do", async ({ browser }) => {
    const page = await signInWithSso(browser, orgId, `stranger-${Date.now()}@acme.test`, oidcProviderPage);
    await expect(page).toHaveURL(/\/login\?sso_error=no_member/);
    await expect(page.getByRole("alert").filter({ hasText: "this organization has no member with that username" })).toBeVisible();
  });
});
