import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { OIDC_OP_MODES, OidcTestOp, type OidcOpMode } from "../tests/idp/oidc-op";
import { SamlTestIdp } from "../tests/idp/saml-idp-server";
import { acmeId, freshToken, oidcProviderPage, OWNER, samlIdpPage, signInWithApi, signInWithSso } from "./helpers";

// Where the capabilities meet, as a new customer tries them: the IdP provisions Grace and the
// group "Cloud Admins" with her in it over SCIM; the owner maps the group to the IAM permission;
// Grace signs in through single sign-on (SAML, then OpenID Connect) and manages SCIM tokens
// thanks to her group; the IdP takes her out of the group (her next request is refused, My
// account still opens), adds her back (allowed again, no new sign-in), locks her (refused).
// Leaves Acme as the next specs expect it: the group and Grace deleted, SCIM disabled, SSO off.
test.describe.configure({ mode: "serial" });

const SCIM_JSON = "application/scim+json";
const suffix = Date.now().toString(36);
const GRACE = `grace.cloud-${suffix}@acme.test`;
const GROUP_NAME = `Cloud Admins ${suffix}`;
const OIDC_CLIENT = { clientId: "console-story", clientSecret: "story-oidc-secret" };

// SAML, then OpenID Connect against the test OP in each of its modes: conforming (the username
// claim only from UserInfo) and Entra-like (the claim in the ID token).
type Run = { protocol: "saml"; label: string } | { protocol: "oidc"; label: string; opMode: OidcOpMode };
const RUNS: Run[] = [
  { protocol: "saml", label: "SAML" },
  ...OIDC_OP_MODES.map((opMode) => ({ protocol: "oidc" as const, label: `OpenID Connect (${opMode} OP)`, opMode })),
];

test.describe("A group's permission in single sign-on sessions", () => {
  let owner: Page;
  let orgId: string;
  let origin: string;
  let token: string;
  let saml: SamlTestIdp;
  let graceId = "";
  let groupId = "";

  /** The identity provider's SCIM client (the token the owner created for it). */
  const idp = (request: APIRequestContext, method: string, path: string, body?: unknown) =>
    request.fetch(`/scim/v2/${orgId}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": SCIM_JSON, Accept: SCIM_JSON },
      data: body === undefined ? undefined : JSON.stringify(body),
    });
  const patch = (path: string, Operations: unknown[]) =>
    idp(owner.request, "PATCH", path, { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations });
  const connect = async (connection: Record<string, unknown>) =>
    expect(
      (
        await owner.request.put(`/api/organizations/${orgId}/sso`, {
          headers: { Origin: origin },
          data: { enabled: true, requireSso: false, ...connection },
        })
      ).status(),
    ).toBe(200);

  test.beforeAll(async ({ browser }) => {
    owner = await (await browser.newContext()).newPage();
    await owner.goto("/login");
    origin = new URL(owner.url()).origin;
    await signInWithApi(owner.request, OWNER);
    orgId = await acmeId(owner.request);
    token = await freshToken(owner.request, orgId, origin);
    saml = await SamlTestIdp.start();
  });

  test.afterAll(async () => {
    const headers = { Origin: origin };
    if (groupId) await idp(owner.request, "DELETE", `/Groups/${groupId}`);
    if (graceId) await idp(owner.request, "DELETE", `/Users/${graceId}`);
    await owner.request.post(`/api/organizations/${orgId}/scim/disable`, { headers, data: { confirm: "Disable" } });
    // SAML again, turned off: the Single sign-on spec sets it up from its own IdP's metadata.
    await owner.request.put(`/api/organizations/${orgId}/sso`, {
      headers,
      data: { protocol: "saml", enabled: false, requireSso: false, saml: { metadataXml: saml.metadataXml() } },
    });
    await saml?.stop();
    await owner.context().close();
  });

  test("the IdP provisions Grace and the group Cloud Admins with her in it", async () => {
    const user = await idp(owner.request, "POST", "/Users", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: GRACE,
      active: true,
      name: { givenName: "Grace", familyName: "Cloud" },
      emails: [{ value: GRACE, primary: true }],
    });
    expect(user.status()).toBe(201);
    graceId = ((await user.json()) as { id: string }).id;
    const group = await idp(owner.request, "POST", "/Groups", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
      displayName: GROUP_NAME,
      members: [{ value: graceId }],
    });
    expect(group.status()).toBe(201);
    groupId = ((await group.json()) as { id: string }).id;
  });

  test("the owner maps the group to the IAM permission; the members page says she holds it through the group", async () => {
    await owner.goto(`/organizations/${orgId}/groups`);
    await owner.getByRole("button", { name: `Map ${GROUP_NAME}` }).click();
    const dialog = owner.getByRole("dialog", { name: "Map this group to the IAM permission" });
    await expect(dialog.getByRole("status")).toHaveText("1 member will gain the IAM permission.");
    await dialog.getByRole("button", { name: "Save mapping" }).click();
    await expect(dialog).toBeHidden();
    await expect(owner.getByRole("row").filter({ hasText: GROUP_NAME })).toContainText("IAM permission");
    await owner.goto(`/organizations/${orgId}/members?q=${encodeURIComponent(GRACE)}`);
    await expect(owner.locator(`[data-testid="member-row"][data-username="${GRACE}"]`)).toContainText(/IAM manager\s*\(through a group\)/);
  });

  for (const run of RUNS) {
    test(`${run.label}: she manages SCIM tokens through her group; out of it she is refused, back in she is not; locked, refused`, async ({
      browser,
    }) => {
      let op: OidcTestOp | undefined;
      try {
        if (run.protocol === "saml") {
          await connect({ protocol: "saml", saml: { metadataXml: saml.metadataXml() } });
        } else {
          op = await OidcTestOp.start([{ ...OIDC_CLIENT, redirectUris: [`${origin}/sso/${orgId}/oidc/callback`] }], { mode: run.opMode });
          await connect({ protocol: "oidc", oidc: { issuer: op.issuer, ...OIDC_CLIENT, usernameClaim: "preferred_username" } });
        }
        const page = await signInWithSso(browser, orgId, GRACE, run.protocol === "saml" ? samlIdpPage : oidcProviderPage);
        const scimSettings = () => page.request.get(`/api/organizations/${orgId}/scim`);
        const noPermission = page.getByRole("alert").filter({ hasText: "You don't have permission" });

        await test.step("her group's permission takes her to the SCIM page, where she creates and deletes a token", async () => {
          await expect(page).toHaveURL(new RegExp(`/organizations/${orgId}/settings/scim$`));
          await expect(page.getByTestId("token-row")).toHaveCount(1);
          await page.getByRole("button", { name: "Generate token" }).click();
          const shown = page.getByRole("dialog", { name: "Your SCIM token" });
          const created = await shown.getByLabel("SCIM token", { exact: true }).inputValue();
          expect(created).toMatch(/^scim_/);
          await shown.getByRole("button", { name: "Close", exact: true }).click();
          await expect(page.getByTestId("token-row")).toHaveCount(2);
          await page.getByRole("button", { name: `Delete token ${created.slice(0, 11)}` }).click();
          await page.getByRole("dialog", { name: "Delete this token?" }).getByRole("button", { name: "Delete token" }).click();
          await expect(page.getByTestId("token-row")).toHaveCount(1);
          await expect(noPermission).toHaveCount(0);
        });

        await test.step("the IdP takes her out of the group: her next request is refused, My account still opens", async () => {
          expect((await patch(`/Groups/${groupId}`, [{ op: "remove", path: `members[value eq "${graceId}"]` }])).ok()).toBe(true);
          expect((await scimSettings()).status()).toBe(403);
          await page.reload();
          await expect(noPermission).toBeVisible();
          await page.goto("/account");
          await expect(page.getByRole("heading", { name: "My account" })).toBeVisible();
          await expect(page.getByText(GRACE).first()).toBeVisible();
        });

        await test.step("the IdP adds her back: allowed again, without signing in again", async () => {
          expect((await patch(`/Groups/${groupId}`, [{ op: "add", path: "members", value: [{ value: graceId }] }])).ok()).toBe(true);
          expect((await scimSettings()).status()).toBe(200);
          await page.goto(`/organizations/${orgId}/settings/scim`);
          await expect(page.getByTestId("token-row")).toHaveCount(1);
          await expect(noPermission).toHaveCount(0);
        });

        await test.step("the IdP locks her (active: false): refused", async () => {
          expect((await patch(`/Users/${graceId}`, [{ op: "replace", path: "active", value: false }])).ok()).toBe(true);
          expect((await scimSettings()).status()).toBe(403);
          await page.reload();
          await expect(page).toHaveURL(/\/login\?error=locked/);
          await expect(page.getByRole("alert").filter({ hasText: "Your account is locked" })).toBeVisible();
        });
        await page.context().close();
      } finally {
        // Ready for the next run: unlocked, in the group.
        await patch(`/Users/${graceId}`, [{ op: "replace", path: "active", value: true }]);
        await patch(`/Groups/${groupId}`, [{ op: "add", path: "members", value: [{ value: graceId }] }]);
        await op?.stop();
      }
    });
  }
});
