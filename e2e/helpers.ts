import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";

export const PASSWORD = process.env.E2E_PASSWORD ?? "e2e-demo-password";
export const OWNER = "owner@acme.test";
export const IAM = "iam@acme.test";
export const MEMBER = "member@acme.test";

/** Signs in through the form, as a person does. */
export async function signInWithForm(
  page: Page,
  email: string,
  password = PASSWORD,
  landing: RegExp = /\/organizations\/[^/]+\/settings\/scim/,
): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(landing);
}

export function orgIdFromUrl(page: Page): string {
  const m = /\/organizations\/([^/]+)\//.exec(page.url());
  if (!m?.[1]) throw new Error(`no organization in ${page.url()}`);
  return m[1];
}

/** Signs in through next-auth's credentials endpoint: the page's context gets the session cookie. */
export async function signInWithApi(request: APIRequestContext, email: string): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: PASSWORD, json: "true" } });
  const { cookies } = await request.storageState();
  expect(
    cookies.map((c) => c.name),
    `signing in as ${email}`,
  ).toContain("next-auth.session-token");
}

/** The seeded demo organization's id. */
export async function acmeId(request: APIRequestContext): Promise<string> {
  const { organizations } = (await (await request.get("/api/organizations")).json()) as { organizations: { id: string; name: string }[] };
  const acme = organizations.find((o) => o.name === "Acme");
  if (!acme) throw new Error("the demo organization Acme is not seeded");
  return acme.id;
}

/** A fresh SCIM token through the console API, whatever state SCIM is in (enabled or not, 0–2 tokens). */
export async function freshToken(request: APIRequestContext, orgId: string, origin: string): Promise<string> {
  const headers = { Origin: origin };
  const api = `/api/organizations/${orgId}/scim`;
  const settings = (await (await request.get(api)).json()) as { enabled: boolean; tokens: { id: string; status: string }[] };
  if (!settings.enabled) return ((await (await request.post(`${api}/enable`, { headers, data: {} })).json()) as { token: string }).token;
  const active = settings.tokens.filter((t) => t.status === "active");
  if (active.length >= 2) expect((await request.delete(`${api}/tokens/${active.at(-1)!.id}`, { headers })).ok()).toBe(true);
  const created = await request.post(`${api}/tokens`, { headers, data: {} });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { token: string }).token;
}

export type IdpPage = (page: Page, username: string) => Promise<void>;
// The samlify test IdP's page, and oidc-provider's own dev sign-in page (placeholders, no labels).
export const samlIdpPage: IdpPage = async (page, username) => {
  await page.getByLabel("Username", { exact: true }).fill(username);
  await page.getByRole("button", { name: "Sign in" }).click();
};
export const oidcProviderPage: IdpPage = async (page, username) => {
  await page.getByPlaceholder("Enter any login").fill(username);
  await page.getByPlaceholder("and password").fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
};

/** From the console's sign-in page, as a person does: "Sign in with single sign-on", the organization, the IdP's page. */
export async function signInWithSso(browser: Browser, orgId: string, username: string, idpPage: IdpPage): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in with single sign-on" }).click();
  await page.getByLabel("Organization sign-in link or ID").fill(orgId);
  await page.getByRole("button", { name: "Continue with single sign-on" }).click();
  await idpPage(page, username);
  return page;
}
