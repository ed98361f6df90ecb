import { expect, type Page } from "@playwright/test";

export const PASSWORD = process.env.E2E_PASSWORD ?? "e2e-demo-password";
export const OWNER = "owner@acme.test";
export const IAM = "iam@acme.test";
export const MEMBER = "member@acme.test";

/** Signs in through the form, as a person does. */
export async function signInWithForm(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/organizations\/[^/]+\/settings\/scim/);
}

export function orgIdFromUrl(page: Page): string {
  const m = /\/organizations\/([^/]+)\//.exec(page.url());
  if (!m?.[1]) throw new Error(`no organization in ${page.url()}`);
  return m[1];
}
