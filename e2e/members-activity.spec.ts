import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { acmeId, freshToken, IAM, MEMBER, OWNER, signInWithApi } from "./helpers";

// What an owner does after pasting the token into Entra ID or Okta: act in the IdP (here,
// SCIM requests made by the test), then check the members page and the activity timeline.
// Independent of e2e/scim-settings.spec.ts, which runs next and expects SCIM disabled with no
// tokens: whatever state Acme is in, this spec gets a token, and it disables SCIM at the end.
test.describe.configure({ mode: "serial" });

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const suffix = Date.now().toString(36);
const GRACE = `grace.hopper.${suffix}@acme.test`;

async function expectNoSeriousA11yViolations(page: Page) {
  const result = await new AxeBuilder({ page }).exclude("[data-sonner-toaster]").analyze();
  const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
}

test.describe("Members and activity, after acting in the identity provider", () => {
  let page: Page;
  let orgId: string;
  let origin: string;
  let token: string;
  let graceId: string;

  const idp = (method: string, path: string, body?: unknown, bearer = token) =>
    page.request.fetch(`/scim/v2/${orgId}${path}`, {
      method,
      headers: { Authorization: `Bearer ${bearer}`, "Content-Type": "application/scim+json" },
      data: body === undefined ? undefined : JSON.stringify(body),
    });
  const membersPage = (qs = "") => page.goto(`/organizations/${orgId}/members${qs}`);
  const row = (userName: string) => page.getByTestId("member-row").filter({ hasText: userName });

  test.beforeAll(async ({ browser }) => {
    page = await (await browser.newContext()).newPage();
    await page.goto("/login");
    origin = new URL(page.url()).origin;
    await signInWithApi(page.request, OWNER);
    orgId = await acmeId(page.request);
    token = await freshToken(page.request, orgId, origin);
  });

  test.afterAll(async () => {
    // Leave Acme as e2e/scim-settings.spec.ts expects it: SCIM disabled, no tokens.
    const res = await page.request.post(`/api/organizations/${orgId}/scim/disable`, {
      headers: { Origin: origin },
      data: { confirm: "Disable" },
    });
    expect([200, 409]).toContain(res.status());
    await page.context().close();
  });

  test("a user created in the IdP appears, managed by SCIM, with its attributes read-only", async () => {
    const created = await idp("POST", "/Users", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE],
      userName: GRACE,
      externalId: `00u-${suffix}`,
      name: { givenName: "Grace", familyName: "Hopper" },
      emails: [{ value: GRACE, type: "work", primary: true }],
      title: "Rear Admiral",
      [ENTERPRISE]: { department: "Navy", employeeNumber: "1906" },
      active: true,
    });
    expect(created.status()).toBe(201);
    graceId = ((await created.json()) as { id: string }).id;

    await membersPage();
    await expect(page.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();
    await page.getByLabel("Search members").fill("grace.hopper");
    await expect(page.getByTestId("member-row")).toHaveCount(1);
    await expect(row(GRACE)).toContainText("Grace Hopper");
    await expect(row(GRACE)).toContainText("Managed by SCIM");
    await expect(row(GRACE)).toContainText("Active");
    await expect(page).toHaveURL(/q=grace\.hopper/);
    await expectNoSeriousA11yViolations(page);

    await row(GRACE).getByRole("button", { name: GRACE, exact: true }).click();
    const details = page.getByRole("dialog", { name: "Grace Hopper" });
    await expect(details).toContainText("Your identity provider owns these attributes");
    await expect(details).toContainText("Rear Admiral");
    await expect(details).toContainText("Navy");
    await expect(details).toContainText(`00u-${suffix}`);
    await expectNoSeriousA11yViolations(page);
    await details.getByRole("button", { name: "Close dialog" }).click();

    await row(GRACE)
      .getByRole("button", { name: `Lock ${GRACE}` })
      .click();
    const refused = page.getByRole("dialog", { name: `You can't lock ${GRACE} here` });
    await expect(refused).toContainText("is managed by SCIM");
    await refused.getByRole("button", { name: "OK" }).click();
    await expect(row(GRACE)).toContainText("Active");
  });

  test("renamed, then deactivated in the IdP: the new name and the lock show", async () => {
    expect(
      (
        await idp("PATCH", `/Users/${graceId}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: "replace", path: "name.familyName", value: "Murray Hopper" }],
        })
      ).status(),
    ).toBe(200);
    expect(
      (
        await idp("PATCH", `/Users/${graceId}`, { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "active", value: false }] })
      ).status(),
    ).toBe(200);

    await membersPage("?q=grace.hopper");
    await expect(row(GRACE)).toContainText("Grace Murray Hopper");
    await expect(row(GRACE)).toContainText("Locked");
    await page.getByLabel("Status").selectOption("active");
    await expect(page.getByText("No members match these filters.")).toBeVisible();
    await page.getByLabel("Status").selectOption("locked");
    await expect(row(GRACE)).toBeVisible();
  });

  test("deleted in the IdP: gone from the members page", async () => {
    expect((await idp("DELETE", `/Users/${graceId}`)).status()).toBe(204);
    await membersPage("?q=grace.hopper");
    await expect(page.getByText("No members match these filters.")).toBeVisible();
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(page.getByTestId("member-row").first()).toBeVisible();
    await expect(row(GRACE)).toHaveCount(0);
  });

  test("the timeline tells the whole story, filterable, without the token", async () => {
    await page.goto(`/organizations/${orgId}/activity?q=grace.hopper`);
    const rows = page.getByTestId("activity-row");
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(0)).toContainText("User deleted");
    await expect(rows.nth(1)).toContainText("User locked");
    await expect(rows.nth(2)).toContainText("User updated");
    await expect(rows.nth(3)).toContainText("User created");
    await expect(rows.nth(3)).toContainText(`Token ${token.slice(0, 11)}…`);
    await page.getByLabel("Event").selectOption("scim.user.locked");
    await expect(rows).toHaveCount(1);
    await expect(page).toHaveURL(/action=scim\.user\.locked/);
    expect(await page.content()).not.toContain(token.slice(11));
    await expectNoSeriousA11yViolations(page);
  });

  test("failing requests raise a warning and show as failures", async () => {
    const bogus = `scim_${"x".repeat(43)}`;
    for (let i = 0; i < 3; i++) expect((await idp("GET", "/Users", undefined, bogus)).status()).toBe(401);

    await page.goto(`/organizations/${orgId}/activity`);
    const banner = page.getByRole("alert").filter({ hasText: "Requests from your identity provider are failing" });
    await expect(banner).toContainText(/\d+ requests? with an unknown or malformed token in the last 24 hours/);
    await banner.getByRole("link", { name: "See the failed requests" }).click();
    await expect(page).toHaveURL(/outcome=failure/);
    await expect(page.getByTestId("activity-row").first()).toContainText("Authentication failed");
    await expect(page.getByTestId("activity-row").first()).toContainText("Failed · HTTP 401");
    expect(await page.content()).not.toContain(bogus.slice(11));
  });

  test("the SCIM settings page shows the recent activity", async () => {
    await page.goto(`/organizations/${orgId}/settings/scim`);
    await expect(page.getByRole("heading", { name: /Status/ })).toContainText("Enabled");
    const panel = page.getByRole("region", { name: "Recent provisioning activity" });
    const { total } = (await (await page.request.get(`/api/organizations/${orgId}/activity?pageSize=1`)).json()) as { total: number };
    expect(total).toBeGreaterThanOrEqual(9);
    await expect(panel.getByTestId("recent-event")).toHaveCount(Math.min(10, total));
    await expect(panel.getByTestId("recent-event").first()).toContainText("Authentication failed");
    await expect(page.getByRole("alert").filter({ hasText: "are failing" })).toBeVisible();
  });

  test("an unmanaged member can be locked and unlocked from the console, and it is recorded", async () => {
    const david = "david.petit@acme.test";
    await membersPage("?managed=unmanaged&q=david");
    await expect(row(david)).toContainText("Not managed");
    await row(david)
      .getByRole("button", { name: `Lock ${david}` })
      .click();
    const confirm = page.getByRole("dialog", { name: `Lock ${david}?` });
    await confirm.getByRole("button", { name: "Lock member" }).click();
    await expect(confirm).toBeHidden();
    await expect(row(david)).toContainText("Locked");
    await row(david)
      .getByRole("button", { name: `Remove ${david}` })
      .click();
    const removal = page.getByRole("dialog", { name: `Remove ${david}?` });
    await expect(removal).toContainText("This cannot be undone");
    await removal.getByRole("button", { name: "Cancel" }).click();
    await expect(removal).toBeHidden();
    await row(david)
      .getByRole("button", { name: `Unlock ${david}` })
      .click();
    await page
      .getByRole("dialog", { name: `Unlock ${david}?` })
      .getByRole("button", { name: "Unlock member" })
      .click();
    await expect(row(david)).toContainText("Active");

    await page.goto(`/organizations/${orgId}/activity?action=console&q=david`);
    await expect(page.getByTestId("activity-row")).toHaveCount(2);
    await expect(page.getByTestId("activity-row").nth(0)).toContainText("Member unlocked");
    await expect(page.getByTestId("activity-row").nth(1)).toContainText("Member locked");
    await expect(page.getByTestId("activity-row").nth(1)).toContainText(OWNER);
  });

  test("nobody locks themselves", async () => {
    await membersPage(`?q=${encodeURIComponent(OWNER)}`);
    await expect(row(OWNER)).toContainText("(you)");
    await row(OWNER)
      .getByRole("button", { name: `Lock ${OWNER}` })
      .click();
    await expect(page.getByRole("dialog", { name: `You can't lock ${OWNER} here` })).toContainText("You cannot lock your own account.");
  });
});

test.describe("who may see members and activity", () => {
  for (const [email, allowed] of [
    [IAM, true],
    [MEMBER, false],
  ] as const) {
    test(`${email} ${allowed ? "sees" : "gets the no-permission page on"} both pages`, async ({ page }) => {
      await signInWithApi(page.request, email);
      const orgId = await acmeId(page.request);
      for (const path of ["members", "activity"]) {
        await page.goto(`/organizations/${orgId}/${path}`);
        if (allowed) await expect(page.getByTestId(path === "members" ? "member-row" : "activity-row").first()).toBeVisible();
        else await expect(page.getByRole("alert").filter({ hasText: "You don't have permission to view this page" })).toBeVisible();
      }
    });
  }
});
