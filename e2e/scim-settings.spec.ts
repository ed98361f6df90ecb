import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { MEMBER, OWNER, orgIdFromUrl, signInWithForm } from "./helpers";

test.describe.configure({ mode: "serial" });

async function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

async function expectNoSeriousA11yViolations(page: Page) {
  const result = await new AxeBuilder({ page }).exclude("[data-sonner-toaster]").analyze(); // toasts animate in; their final colours pass;
  const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(" ") + " " + (n.failureSummary ?? "")).join(" | ")}`),
  ).toEqual([]);
}

test.describe("Automatic user provisioning (SCIM), as the organization owner", () => {
  let page: Page;
  let orgId: string;
  let firstToken = "";

  test.beforeAll(async ({ browser }) => {
    const context = await browser.newContext();
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    page = await context.newPage();
  });
  test.afterAll(async () => page.context().close());

  test("signs in and finds the section under Organization security", async () => {
    await signInWithForm(page, OWNER);
    orgId = orgIdFromUrl(page);
    const nav = page.getByRole("navigation", { name: "Organization settings" });
    await expect(nav.getByText("Organization security")).toBeVisible();
    await expect(nav.getByRole("link", { name: "Automatic user provisioning (SCIM)" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("heading", { name: /Status/ })).toContainText("Disabled");
    await expectNoSeriousA11yViolations(page);
  });

  test("enables SCIM: explanation, then the token and base URL once, with copy buttons", async () => {
    await page.getByRole("button", { name: "Enable", exact: true }).click();
    const explain = page.getByRole("dialog", { name: "Enable automatic user provisioning" });
    await expect(explain).toContainText("A token is required to enable SCIM");
    await explain.getByRole("button", { name: "Enable SCIM and create token" }).click();

    const dialog = page.getByRole("dialog", { name: "Your SCIM token" });
    await expect(dialog).toContainText("only displayed once");
    const tokenField = dialog.getByLabel("SCIM token", { exact: true });
    const urlField = dialog.getByLabel("Base URL", { exact: true });
    firstToken = await tokenField.inputValue();
    expect(firstToken).toMatch(/^scim_[A-Za-z0-9_-]{43}$/);
    await expect(urlField).toHaveValue(`http://127.0.0.1:${new URL(page.url()).port}/scim/v2/${orgId}`);
    await expectNoSeriousA11yViolations(page);

    await dialog.getByRole("button", { name: "Copy SCIM token" }).click();
    expect(await readClipboard(page)).toBe(firstToken);
    await expect(dialog.getByRole("button", { name: "Copy SCIM token" })).toContainText("Copied");
    await dialog.getByRole("button", { name: "Copy Base URL" }).click();
    expect(await readClipboard(page)).toBe(await urlField.inputValue());

    await dialog.getByRole("button", { name: "Close", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("heading", { name: /Status/ })).toContainText("Enabled");
    await expect(page.getByTestId("token-row")).toHaveCount(1);
    await expect(page.getByTestId("token-row")).toContainText(firstToken.slice(0, 11));
  });

  test("the token is gone for good after closing: not in the page, not after reload", async () => {
    expect(await page.content()).not.toContain(firstToken);
    await page.reload();
    await expect(page.getByTestId("token-row")).toHaveCount(1);
    expect(await page.content()).not.toContain(firstToken);
    await expect(page.getByLabel("Base URL", { exact: true })).toHaveValue(new RegExp(`/scim/v2/${orgId}$`));
  });

  test("the token works against the SCIM API", async () => {
    const res = await page.request.get(`/scim/v2/${orgId}/Users?filter=${encodeURIComponent('userName eq "nobody@example.com"')}`, {
      headers: { Authorization: `Bearer ${firstToken}` },
    });
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ totalResults: 0, Resources: [] });
  });

  test("generates a second token, then refuses a third", async () => {
    await page.getByRole("button", { name: "Generate token" }).click();
    const dialog = page.getByRole("dialog", { name: "Your SCIM token" });
    const second = await dialog.getByLabel("SCIM token", { exact: true }).inputValue();
    expect(second).toMatch(/^scim_/);
    expect(second).not.toBe(firstToken);
    await page.keyboard.press("Escape"); // dialogs close with Escape too
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("token-row")).toHaveCount(2);

    const generate = page.getByRole("button", { name: "Generate token" });
    await expect(generate).toBeDisabled();
    await expect(page.getByText("You already have 2 active tokens. Delete one to generate another.")).toBeVisible();

    // The server refuses too, whatever the UI shows.
    const origin = new URL(page.url()).origin;
    const res = await page.request.post(`/api/organizations/${orgId}/scim/tokens`, { headers: { Origin: origin } });
    expect(res.status()).toBe(409);
    expect((await res.json()).error.message).toContain("2 active tokens");
  });

  test("deletes the old token after confirmation; it stops working", async () => {
    const prefix = firstToken.slice(0, 11);
    await page.getByRole("button", { name: `Delete token ${prefix}` }).click();
    const confirm = page.getByRole("dialog", { name: "Delete this token?" });
    await expect(confirm).toContainText(prefix);
    await confirm.getByRole("button", { name: "Delete token" }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByText(`Token ${prefix}… deleted`)).toBeVisible();
    await expect(page.getByTestId("token-row")).toHaveCount(1);
    await expect(page.getByTestId("token-row")).not.toContainText(prefix);
    await expect(page.getByRole("button", { name: "Generate token" })).toBeEnabled();

    const res = await page.request.get(`/scim/v2/${orgId}/Users`, { headers: { Authorization: `Bearer ${firstToken}` } });
    expect(res.status()).toBe(401);
  });

  test("disables SCIM only after typing Disable exactly", async () => {
    await page.getByRole("button", { name: "Disable", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Disable automatic user provisioning" });
    const input = dialog.getByLabel("Type Disable to confirm");
    const confirm = dialog.getByRole("button", { name: "Disable SCIM" });
    await expect(confirm).toBeDisabled();
    for (const wrong of ["disable", "DISABLE", "Disable ", "Disabl"]) {
      await input.fill(wrong);
      await expect(confirm).toBeDisabled();
    }
    await input.press("Enter"); // submitting with the wrong text does nothing
    await expect(dialog).toBeVisible();
    await input.fill("Disable");
    await expect(confirm).toBeEnabled();
    await confirm.click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("heading", { name: /Status/ })).toContainText("Disabled");
    await expect(page.getByTestId("token-row")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Enable", exact: true })).toBeVisible();
  });

  test("enabling again creates a new token", async () => {
    await page.getByRole("button", { name: "Enable", exact: true }).click();
    await page.getByRole("button", { name: "Enable SCIM and create token" }).click();
    const dialog = page.getByRole("dialog", { name: "Your SCIM token" });
    const token = await dialog.getByLabel("SCIM token", { exact: true }).inputValue();
    expect(token).not.toBe(firstToken);
    await dialog.getByRole("button", { name: "Close", exact: true }).click();
    await expect(page.getByTestId("token-row")).toHaveCount(1);
  });

  test("signs out", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto(`/organizations/${orgId}/settings/scim`);
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  });
});

test("a member without the IAM permission lands on My account, and sees the no-permission page in the settings", async ({ page }) => {
  await signInWithForm(page, MEMBER, undefined, /\/account$/);
  await expect(page.getByRole("heading", { name: "My account" })).toBeVisible();
  await page.goto(page.url().replace(/\/account$/, "/"));
  await expect(page).toHaveURL(/\/account$/);
  const orgId =
    ((await (await page.request.get("/api/organizations")).json()) as { organizations: { id: string }[] }).organizations[0]?.id ?? "";
  await page.goto(`/organizations/${orgId}/settings/scim`);
  await expect(page.getByRole("alert").filter({ hasText: "You don't have permission" })).toContainText(
    "You don't have permission to view this page",
  );
  await expect(page.getByRole("button", { name: "Enable", exact: true })).toHaveCount(0);
});

test("a wrong password shows a readable error", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(OWNER);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "incorrect" })).toContainText("The email or password is incorrect");
  await expect(page).toHaveURL(/\/login/);
});
