import { expect, request, test } from "@playwright/test";
import { acmeId, IAM, signInWithApi } from "./helpers";

// Settings → Organization security → API keys, as an IAM manager: create (shown once), use, delete.
test("an IAM manager creates an API key, sees it once, sees it used, and deletes it", async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInWithApi(context.request, IAM);
  const orgId = await acmeId(context.request);
  const page = await context.newPage();
  await page.goto(`/organizations/${orgId}/settings/scim`);
  const nav = page.getByRole("navigation", { name: "Organization settings" });
  await nav.getByRole("link", { name: "API keys" }).click();
  await expect(nav.getByRole("link", { name: "API keys" })).toHaveAttribute("aria-current", "page");

  await page.getByRole("button", { name: "Create API key" }).click();
  const form = page.getByRole("dialog", { name: "Create an API key" });
  await form.getByLabel("Name").fill("e2e rotation script");
  await form.getByLabel("Expires after").selectOption("365");
  await form.getByRole("button", { name: "Create key" }).click();

  const reveal = page.getByRole("dialog", { name: "Your API key" });
  await expect(reveal).toContainText("only displayed once");
  const key = await reveal.getByLabel("API key", { exact: true }).inputValue();
  expect(key).toMatch(/^orgkey_[A-Za-z0-9_-]{43}$/);
  await reveal.getByRole("button", { name: "Close", exact: true }).click();
  await expect(page.getByText(key)).toHaveCount(0);

  const row = page.getByTestId("api-key-row").filter({ hasText: "e2e rotation script" });
  await expect(row).toContainText(key.slice(0, 13));
  await expect(row).toContainText("scim:manage");
  await expect(row).toContainText("Never");

  // A script uses it (no cookie: a fresh request context).
  const script = await request.newContext({ baseURL });
  expect((await script.get(`/api/organizations/${orgId}/scim`, { headers: { Authorization: `Bearer ${key}` } })).status()).toBe(200);
  await page.reload();
  await expect(row).not.toContainText("Never");

  await row.getByRole("button", { name: "Delete API key e2e rotation script" }).click();
  await page.getByRole("dialog", { name: "Delete this API key?" }).getByRole("button", { name: "Delete API key" }).click();
  await expect(row).toHaveCount(0);
  expect((await script.get(`/api/organizations/${orgId}/scim`, { headers: { Authorization: `Bearer ${key}` } })).status()).toBe(401);
  await script.dispose();
  await context.close();
});
