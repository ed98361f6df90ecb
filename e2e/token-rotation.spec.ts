import { expect, test, type APIRequestContext } from "@playwright/test";
import { setTokenExpiry } from "./db";
import { acmeId, MEMBER, OWNER, signInWithApi } from "./helpers";

// The guided rotation, as an owner does it: the expiry banner (header and SCIM page), "Generate
// replacement", the page noticing the identity provider's first request with the new token,
// then deleting the old one.

const DAY = 86_400_000;

interface Created {
  token: string;
  tokenInfo: { id: string; prefix: string };
}

async function freshScim(request: APIRequestContext, orgId: string, origin: string): Promise<Created> {
  const headers = { Origin: origin };
  const s = (await (await request.get(`/api/organizations/${orgId}/scim`)).json()) as { enabled: boolean };
  if (s.enabled)
    expect((await request.post(`/api/organizations/${orgId}/scim/disable`, { headers, data: { confirm: "Disable" } })).status()).toBe(200);
  const res = await request.post(`/api/organizations/${orgId}/scim/enable`, { headers });
  expect(res.status()).toBe(201);
  return (await res.json()) as Created;
}

test("an expiring last token: banner, generate replacement, the IdP switches, delete the old token", async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const page = await context.newPage();
  await signInWithApi(context.request, OWNER);
  const orgId = await acmeId(context.request);
  const old = await freshScim(context.request, orgId, baseURL!);
  await setTokenExpiry(old.tokenInfo.id, new Date(Date.now() + 5 * DAY));

  // The console header warns on every page…
  await page.goto(`/organizations/${orgId}/members`);
  const header = page.getByTestId("header-token-banner");
  await expect(header).toContainText("Your last SCIM token expires within 7 days");
  await expect(header).toContainText(`${old.tokenInfo.prefix}…`);
  await header.getByRole("link", { name: "Generate replacement" }).click();

  // …and leads to the SCIM page, whose banner has the action.
  await expect(page).toHaveURL(new RegExp(`/organizations/${orgId}/settings/scim`));
  await expect(page.getByTestId("header-token-banner")).toHaveCount(0);
  const banner = page.getByTestId("token-health");
  await expect(banner).toContainText("Your last SCIM token expires within 7 days");
  await banner.getByRole("button", { name: "Generate replacement" }).click();

  const dialog = page.getByRole("dialog", { name: "Your SCIM token" });
  const newToken = await dialog.getByLabel("SCIM token", { exact: true }).inputValue();
  expect(newToken).toMatch(/^scim_/);
  await dialog.getByRole("button", { name: "Close", exact: true }).click();
  const newPrefix = newToken.slice(0, 11);

  const rotation = page.getByTestId("rotation");
  await expect(rotation).toContainText(`Waiting for your identity provider's first request with ${newPrefix}…`);
  // The identity provider may take a while: the watch survives a reload.
  await page.reload();
  await expect(rotation).toContainText(`Waiting for your identity provider's first request with ${newPrefix}…`);

  // The identity provider (Okta here) makes its first request with the new token.
  const scim = await context.request.get(`/scim/v2/${orgId}/Users?count=1`, {
    headers: { Authorization: `Bearer ${newToken}`, "User-Agent": "Okta SCIM Client 1.0.0" },
  });
  expect(scim.status()).toBe(200);

  await expect(rotation).toContainText(
    new RegExp(`Your identity provider switched to ${newPrefix}… at \\d{1,2}:\\d{2}.*Delete the old token\\?`),
    { timeout: 15_000 },
  );
  const rows = page.getByTestId("token-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: newPrefix }).getByTestId("token-client")).toContainText("Okta");
  await expect(rows.filter({ hasText: newPrefix }).getByTestId("token-client")).toContainText("127.0.0.1");

  await rotation.getByRole("button", { name: `Delete old token ${old.tokenInfo.prefix}…` }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(newPrefix);
  await expect(page.getByTestId("token-health")).toHaveCount(0);
  await expect(page.getByTestId("rotation")).toHaveCount(0);

  // The old token is refused by the SCIM API from now on.
  expect((await context.request.get(`/scim/v2/${orgId}/Users`, { headers: { Authorization: `Bearer ${old.token}` } })).status()).toBe(401);
  await context.close();
});

test("every token expires while the 'delete the old token?' panel is open: provisioning has stopped shows", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithApi(context.request, OWNER);
  const orgId = await acmeId(context.request);
  const old = await freshScim(context.request, orgId, baseURL!);
  await setTokenExpiry(old.tokenInfo.id, new Date(Date.now() + 5 * DAY));

  await page.goto(`/organizations/${orgId}/settings/scim`);
  await page.getByTestId("token-health").getByRole("button", { name: "Generate replacement" }).click();
  const dialog = page.getByRole("dialog", { name: "Your SCIM token" });
  const newToken = await dialog.getByLabel("SCIM token", { exact: true }).inputValue();
  await dialog.getByRole("button", { name: "Close", exact: true }).click();
  expect(
    (await context.request.get(`/scim/v2/${orgId}/Users?count=1`, { headers: { Authorization: `Bearer ${newToken}` } })).status(),
  ).toBe(200);
  const rotation = page.getByTestId("rotation");
  await expect(rotation).toContainText("Delete the old token?", { timeout: 15_000 });

  // Both tokens run out while that panel is open (the watch survives the reload).
  const tokens = (
    (await (await context.request.get(`/api/organizations/${orgId}/scim`)).json()) as { tokens: { id: string; prefix: string }[] }
  ).tokens;
  const fresh = tokens.find((t) => newToken.startsWith(t.prefix));
  expect(fresh).toBeDefined();
  await setTokenExpiry(old.tokenInfo.id, new Date(Date.now() - DAY));
  await setTokenExpiry(fresh!.id, new Date(Date.now() - 60_000));
  await page.reload();
  const stopped = page.getByRole("alert").filter({ hasText: "Provisioning has stopped" });
  await expect(stopped).toBeVisible();
  await expect(stopped).toContainText(`Token ${fresh!.prefix}… expired on`);
  await expect(stopped.getByRole("button", { name: "Generate replacement" })).toBeEnabled();
  await expect(page.getByTestId("rotation")).toHaveCount(0);

  // Leave a healthy token for whatever runs next.
  await setTokenExpiry(fresh!.id, new Date(Date.now() + 300 * DAY));
  await context.close();
});

test("a plain member never sees the expiry banner", async ({ browser, baseURL }) => {
  const owner = await browser.newContext();
  await signInWithApi(owner.request, OWNER);
  const orgId = await acmeId(owner.request);
  const created = await freshScim(owner.request, orgId, baseURL!);
  await setTokenExpiry(created.tokenInfo.id, new Date(Date.now() + DAY / 2));
  const ownerPage = await owner.newPage();
  await ownerPage.goto(`/organizations/${orgId}/activity`);
  await expect(ownerPage.getByTestId("header-token-banner")).toContainText("Your last SCIM token expires within a day");

  const member = await browser.newContext();
  await signInWithApi(member.request, MEMBER);
  const page = await member.newPage();
  await page.goto(`/organizations/${orgId}/settings/scim`);
  await expect(page.getByText("You don't have permission", { exact: false })).toBeVisible();
  await expect(page.getByTestId("header-token-banner")).toHaveCount(0);
  await expect(page.getByText("Your last SCIM token expires")).toHaveCount(0);

  // Leave a healthy token for whatever runs next.
  await setTokenExpiry(created.tokenInfo.id, new Date(Date.now() + 300 * DAY));
  await owner.close();
  await member.close();
});
