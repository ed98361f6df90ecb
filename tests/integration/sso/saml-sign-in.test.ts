// SAML sign-in end to end: our app, a samlify IdP on loopback with its own sign-in page, and
// a member that SCIM provisioned (no User row). Lock over SCIM → the next request is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Browser } from "../../helpers/sso-browser";
import { baseUrl } from "../../helpers/server";
import { SamlTestIdp } from "../../idp/saml-idp-server";
import { provision, saveConnection, setActive, ssoOrganization, urlsOf, type SsoOrg } from "./fixtures";

describe("SAML single sign-on through a real IdP", () => {
  let idp: SamlTestIdp;
  let org: SsoOrg;
  let graceId: string;
  const grace = `grace-${Date.now()}@acme.test`;

  beforeAll(async () => {
    idp = await SamlTestIdp.start();
    org = await ssoOrganization();
    graceId = await provision(org, grace);
    const saved = await saveConnection(org, {
      protocol: "saml",
      enabled: true,
      requireSso: false,
      saml: { metadataXml: idp.metadataXml() },
    });
    expect(saved.status).toBe(200);
  });
  afterAll(async () => idp?.stop());

  async function signInThroughIdp(username: string, browser = new Browser(), returnTo?: string) {
    const loginPage = await browser.go(`${urlsOf(org.orgId).signIn}${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ""}`);
    expect(loginPage.url.startsWith(idp.url)).toBe(true);
    const posting = await browser.submit(loginPage, { username });
    const hops: { status: number; url: string; location?: string }[] = [];
    const landed = await browser.submit(posting, {}, hops as never);
    return { browser, landed, acs: hops[0] };
  }

  it("SP-initiated: a SCIM-provisioned member signs in and lands on My account", async () => {
    const { browser, landed, acs } = await signInThroughIdp(grace.toUpperCase());
    expect(acs?.status).toBe(303);
    expect(new URL(acs?.location ?? "").pathname).toBe("/account");
    expect(landed.status).toBe(200);
    expect(landed.html).toContain(grace);
    const orgs = await browser.api<{ organizations: { id: string }[] }>(baseUrl(), "GET", "/api/organizations");
    expect(orgs.body.organizations.map((o) => o.id)).toEqual([org.orgId]);
    const member = await db.member.findUniqueOrThrow({ where: { id: graceId } });
    expect(member.lastSignInMethod).toBe("saml");
    expect(member.userId).toBeNull(); // no account created at sign-in
  });

  it("follows only same-origin relative paths after sign-in", async () => {
    const ok = await signInThroughIdp(grace, new Browser(), "/account?tab=1");
    expect(new URL(ok.acs?.location ?? "").pathname + new URL(ok.acs?.location ?? "").search).toBe("/account?tab=1");
    const evil = await signInThroughIdp(grace, new Browser(), "//evil.example/steal");
    expect(new URL(evil.acs?.location ?? "").origin).toBe(baseUrl());
  });

  it("IdP-initiated (the app tile): no InResponseTo, accepted", async () => {
    const browser = new Browser();
    const page = await browser.go(`${idp.url}/start?sp=${encodeURIComponent(urlsOf(org.orgId).entityId)}`);
    const posting = await browser.submit(page, { username: grace });
    const hops: { status: number; location?: string }[] = [];
    await browser.submit(posting, {}, hops as never);
    expect(hops[0]?.status).toBe(303);
    expect(new URL(hops[0]?.location ?? "").pathname).toBe("/account");
    expect((await browser.api(baseUrl(), "GET", "/api/organizations")).status).toBe(200);
  });

  it("an unknown username is refused with a sentence, recorded in activity, and no session", async () => {
    const { browser, acs, landed } = await signInThroughIdp(`nobody-${Date.now()}@acme.test`);
    expect(acs?.location).toContain("sso_error=no_member");
    expect(landed.html).toContain("this organization has no member with that username");
    expect(browser.cookie(baseUrl(), "next-auth.session-token")).toBeUndefined();
    const events = await db.auditEvent.findMany({ where: { organizationId: org.orgId, action: "sso.signin.failed" } });
    expect(events.some((e) => e.detail?.includes("no_member"))).toBe(true);
  });

  it("lock over SCIM refuses the very next request; unlock lets them sign in again", async () => {
    const { browser } = await signInThroughIdp(grace);
    expect((await browser.api(baseUrl(), "GET", `/api/organizations`)).status).toBe(200);
    expect((await browser.go(`${baseUrl()}/account`)).status).toBe(200);
    expect((await setActive(org, graceId, false)).status).toBe(200);
    const orgs = await browser.api<{ organizations: unknown[] }>(baseUrl(), "GET", "/api/organizations");
    expect(orgs.body.organizations).toEqual([]);
    const page = await browser.go(`${baseUrl()}/account`);
    expect(page.url).toContain("/login");
    const again = await signInThroughIdp(grace);
    expect(again.acs?.location).toContain("sso_error=locked");
    expect((await setActive(org, graceId, true)).status).toBe(200);
    const back = await signInThroughIdp(grace);
    expect(new URL(back.acs?.location ?? "").pathname).toBe("/account");
  });
});
