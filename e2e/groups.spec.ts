import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { acmeId, freshToken, MEMBER, OWNER, signInWithApi } from "./helpers";

// The Groups page after the IdP pushed a group, and mapping it to the IAM permission with the
// preview first. Leaves Acme as the next specs expect it: the mapping removed, SCIM disabled.
test.describe.configure({ mode: "serial" });

const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
const suffix = Date.now().toString(36);
const GROUP_NAME = `Provisioning admins ${suffix}`;
const NEWCOMER = `lin.newcomer.${suffix}@acme.test`;

test.describe("Groups, and mapping a group to the IAM permission", () => {
  let page: Page;
  let orgId: string;
  let origin: string;
  let token: string;
  let groupId: string;

  const idp = (method: string, path: string, body?: unknown) =>
    page.request.fetch(`/scim/v2/${orgId}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/scim+json" },
      data: body === undefined ? undefined : JSON.stringify(body),
    });

  test.beforeAll(async ({ browser }) => {
    page = await (await browser.newContext()).newPage();
    await page.goto("/login");
    origin = new URL(page.url()).origin;
    await signInWithApi(page.request, OWNER);
    orgId = await acmeId(page.request);
    token = await freshToken(page.request, orgId, origin);
    // The IdP claims member@acme.test (by userName) and creates a newcomer, then pushes a group with both.
    const member = (await (await idp("POST", "/Users", { userName: MEMBER, name: { givenName: "Mem", familyName: "Ber" } })).json()) as {
      id: string;
    };
    const newcomer = (await (
      await idp("POST", "/Users", { userName: NEWCOMER, name: { givenName: "Lin", familyName: "Newcomer" } })
    ).json()) as { id: string };
    const group = await idp("POST", "/Groups", {
      schemas: [GROUP],
      displayName: GROUP_NAME,
      members: [{ value: member.id }, { value: newcomer.id }],
    });
    expect(group.status()).toBe(201);
    groupId = ((await group.json()) as { id: string }).id;
  });

  test.afterAll(async () => {
    await page.request.put(`/api/organizations/${orgId}/groups/${groupId}/mapping`, {
      headers: { Origin: origin },
      data: { permission: null },
    });
    await page.request.post(`/api/organizations/${orgId}/scim/disable`, { headers: { Origin: origin }, data: { confirm: "Disable" } });
    await page.context().close();
  });

  test("the Groups page lists the group with its member count, read-only, and its members", async () => {
    await page.goto(`/organizations/${orgId}/members`);
    await page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Groups" }).click();
    await expect(page).toHaveURL(new RegExp(`/organizations/${orgId}/groups$`));
    const row = page.getByRole("row").filter({ hasText: GROUP_NAME });
    await expect(row).toContainText("Managed by SCIM");
    await expect(row.getByRole("cell").nth(1)).toHaveText("2");
    await expect(row).toContainText("None");
    const axe = await new AxeBuilder({ page }).exclude("[data-sonner-toaster]").analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

    await row.getByRole("button", { name: GROUP_NAME, exact: true }).click();
    const dialog = page.getByRole("dialog", { name: `Members of ${GROUP_NAME}` });
    await expect(dialog).toContainText(NEWCOMER);
    await expect(dialog).toContainText(MEMBER);
    await dialog.getByRole("link", { name: "Open in the members list" }).click();
    await expect(page).toHaveURL(/\/members\?group=/);
    await expect(page.getByTestId("member-row")).toHaveCount(2);
    await page.getByTestId("member-row").filter({ hasText: NEWCOMER }).getByRole("button").first().click();
    await expect(page.getByRole("dialog")).toContainText(GROUP_NAME);
  });

  test("mapping shows who gains the permission first; the member gets it on the next request, and loses it", async ({ browser }) => {
    await page.goto(`/organizations/${orgId}/groups`);
    await page.getByRole("button", { name: `Map ${GROUP_NAME}` }).click();
    const dialog = page.getByRole("dialog", { name: "Map this group to the IAM permission" });
    // member@acme.test gains it; the newcomer has no console sign-in but would hold it too.
    await expect(dialog.getByRole("status")).toHaveText("2 members will gain the IAM permission.");
    await dialog.getByRole("button", { name: "Save mapping" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("row").filter({ hasText: GROUP_NAME })).toContainText("IAM permission");

    const memberContext = await browser.newContext();
    const memberPage = await memberContext.newPage();
    await signInWithApi(memberPage.request, MEMBER);
    await memberPage.goto(`/organizations/${orgId}/settings/scim`);
    await expect(memberPage.getByRole("heading", { name: "Set up your identity provider" })).toBeVisible();
    await expect(memberPage.getByRole("alert").filter({ hasText: "You don't have permission" })).toHaveCount(0);

    await page.getByRole("button", { name: `Remove the mapping of ${GROUP_NAME}` }).click();
    const remove = page.getByRole("dialog", { name: "Remove this group's mapping" });
    await expect(remove.getByRole("status")).toHaveText("2 members will lose it.");
    await remove.getByRole("button", { name: "Remove mapping" }).click();
    await expect(remove).toBeHidden();
    await memberPage.reload();
    await expect(memberPage.getByRole("alert").filter({ hasText: "You don't have permission" })).toBeVisible();
    await memberContext.close();
  });
});
