// "Require single sign-on" decided once: a password session is refused in that organization
// (the owner excepted: break-glass) by every face alike — the console API, the pages, the
// organization list and My account — while it keeps the organizations that allow passwords.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { profileColumns } from "@/lib/members/store/columns";
import { consoleApi, signIn } from "../../helpers/console-client";
import { createConsoleMember, createOrganization, type TestAccount } from "../../helpers/fixtures";
import { baseUrl } from "../../helpers/server";
import { signingKey } from "../../idp/keys";
import { samlOrganization, type SsoOrg } from "../sso/fixtures";

describe("Require single sign-on, for a person in two organizations", () => {
  let strict: SsoOrg;
  let relaxedId: string;
  let person: TestAccount;
  let cookie: string | null;

  beforeAll(async () => {
    const key = await signingKey("require-sso");
    strict = await samlOrganization(key);
    const saved = await consoleApi(strict.ownerCookie, "PUT", `/api/organizations/${strict.orgId}/sso`, {
      protocol: "saml",
      enabled: true,
      requireSso: true,
      saml: { entityId: "https://idp.acme.test/saml", ssoUrl: "https://idp.acme.test/sso", certificates: [key.cert] },
    });
    expect(saved.status).toBe(200);
    const relaxed = await createOrganization({ name: `Relaxed ${randomUUID().slice(0, 6)}` });
    relaxedId = relaxed.orgId;
    person = await createConsoleMember(relaxedId, "both-orgs", true);
    // The same console user is also a member (with the IAM permission by hand) of the strict organization.
    await db.member.create({
      data: {
        id: randomUUID(),
        organizationId: strict.orgId,
        userId: person.userId,
        role: "member",
        iamPermission: true,
        ...profileColumns({ userName: person.email, email: person.email, givenName: "Both", familyName: "Orgs" }),
      },
    });
    cookie = await signIn(person.email, person.password);
  });

  it("the password sign-in is allowed (one organization takes it), and only that organization is listed", async () => {
    expect(cookie).not.toBeNull();
    const orgs = await consoleApi<{ organizations: { id: string }[] }>(cookie, "GET", "/api/organizations");
    expect(orgs.body.organizations.map((o) => o.id)).toEqual([relaxedId]);
  });

  it("the strict organization refuses the console API and its pages; the other one answers", async () => {
    const refused = await consoleApi<{ error: { message: string } }>(cookie, "GET", `/api/organizations/${strict.orgId}/scim`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain("requires single sign-on");
    expect((await consoleApi(cookie, "GET", `/api/organizations/${relaxedId}/scim`)).status).toBe(200);
    const page = await fetch(`${baseUrl()}/organizations/${strict.orgId}/members`, {
      headers: { Cookie: cookie ?? "" },
      redirect: "manual",
    });
    expect(page.headers.get("location")).toContain(`/login?error=sso_required&org=${strict.orgId}`);
  });

  it("My account shows the organization the session may act in, not the strict one", async () => {
    const page = await fetch(`${baseUrl()}/account`, { headers: { Cookie: cookie ?? "" }, redirect: "manual" });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`aria-label="Relaxed`);
    expect(html).not.toContain(`aria-label="${strict.name}"`);
  });

  it("the strict organization's owner keeps the password (break-glass)", async () => {
    const orgs = await consoleApi<{ organizations: { id: string }[] }>(strict.ownerCookie, "GET", "/api/organizations");
    expect(orgs.body.organizations.map((o) => o.id)).toEqual([strict.orgId]);
    expect((await consoleApi(strict.ownerCookie, "GET", `/api/organizations/${strict.orgId}/scim`)).status).toBe(200);
  });
});
