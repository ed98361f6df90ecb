// Sign-in follows the directory: a session from organization A's IdP grants A only, and a
// lock, a delete, SSO or SCIM turned off, or a removal refuses that person's next request.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { consoleApi, signIn } from "../../helpers/console-client";
import { createUnmanagedMember } from "../../helpers/fixtures";
import { signingKey, type SigningKey } from "../../idp/keys";
import { signedResponse } from "../../idp/saml-response";
import { postToAcs, provision, samlOrganization, saveConnection, scimRequest, urlsOf, type SsoOrg } from "./fixtures";

const ENTITY = "https://idp.acme.test/saml";

describe("SSO sessions follow the directory", () => {
  let key: SigningKey;
  let keyB: SigningKey;
  let a: SsoOrg;
  let b: SsoOrg;

  beforeAll(async () => {
    [key, keyB] = await Promise.all([signingKey("idp-a"), signingKey("idp-b")]);
    a = await samlOrganization(key);
    b = await samlOrganization(keyB);
  });

  const assertFor = async (org: SsoOrg, nameId: string, k = key) => {
    const u = urlsOf(org.orgId);
    return signedResponse({ entityId: ENTITY, acsUrl: u.acs, audience: u.entityId, nameId, key: k });
  };
  const session = async (org: SsoOrg, nameId: string) => {
    const r = await postToAcs(org.orgId, await assertFor(org, nameId, org === a ? key : keyB));
    expect(r.reason).toBeNull();
    return r.cookie;
  };
  const members = (org: SsoOrg, cookie: string | null) => consoleApi(cookie, "GET", `/api/organizations/${org.orgId}/members`);
  const orgsOf = async (cookie: string | null) =>
    (await consoleApi<{ organizations: { id: string }[] }>(cookie, "GET", "/api/organizations")).body.organizations?.map((o) => o.id);

  it("tenancy: A's IdP asserting the userName of a member of B gets nothing in B", async () => {
    const bob = `bob-${Date.now()}@beta.test`;
    await provision(b, bob);
    const viaA = await postToAcs(a.orgId, await assertFor(a, bob));
    expect(viaA).toMatchObject({ reason: "no_member", cookie: null });
    // Posted to B's ACS, A's signature does not verify against B's certificate.
    const intoB = await postToAcs(b.orgId, await assertFor(b, bob, key));
    expect(intoB).toMatchObject({ reason: "bad_signature", cookie: null });
    // Signed by A's key for A's audience, then posted to B: B's audience and certificate refuse it.
    const replayedIntoB = await postToAcs(b.orgId, await assertFor(a, bob));
    expect(replayedIntoB.cookie).toBeNull();
  });

  it("tenancy: a session established through A's IdP is good for A only (B is a 404)", async () => {
    const iam = `iam-${Date.now()}@acme.test`;
    const id = await provision(a, iam);
    await db.member.update({ where: { id }, data: { iamPermission: true } });
    const cookie = await session(a, iam);
    expect((await members(a, cookie)).status).toBe(200);
    expect((await members(b, cookie)).status).toBe(404);
    expect((await consoleApi(cookie, "GET", `/api/organizations/${b.orgId}/scim`)).status).toBe(404);
    expect(await orgsOf(cookie)).toEqual([a.orgId]);
  });

  it("a member without the IAM permission is refused the console API (403), not given it", async () => {
    const plain = `plain-${Date.now()}@acme.test`;
    await provision(a, plain);
    const cookie = await session(a, plain);
    expect((await members(a, cookie)).status).toBe(403);
    expect((await consoleApi(cookie, "GET", `/api/organizations/${a.orgId}/sso`)).status).toBe(403);
  });

  it("SCIM DELETE refuses the next request", async () => {
    const name = `del-${Date.now()}@acme.test`;
    const id = await provision(a, name);
    const cookie = await session(a, name);
    expect(await orgsOf(cookie)).toEqual([a.orgId]);
    expect((await scimRequest(a, "DELETE", `/Users/${id}`)).status).toBe(204);
    expect((await consoleApi(cookie, "GET", "/api/organizations")).status).toBe(401);
  });

  it("console lock and removal refuse the next request; unlock lets them sign in again", async () => {
    const name = `pre-${Date.now()}@acme.test`;
    const id = await createUnmanagedMember(a.orgId, name);
    const cookie = await session(a, name);
    expect(await orgsOf(cookie)).toEqual([a.orgId]);
    expect((await consoleApi(a.ownerCookie, "PATCH", `/api/organizations/${a.orgId}/members/${id}`, { locked: true })).status).toBe(200);
    expect(await orgsOf(cookie)).toEqual([]);
    expect((await postToAcs(a.orgId, await assertFor(a, name))).reason).toBe("locked");
    expect((await consoleApi(a.ownerCookie, "PATCH", `/api/organizations/${a.orgId}/members/${id}`, { locked: false })).status).toBe(200);
    const again = await session(a, name);
    expect(await orgsOf(again)).toEqual([a.orgId]);
    expect((await consoleApi(a.ownerCookie, "DELETE", `/api/organizations/${a.orgId}/members/${id}`)).status).toBe(200);
    expect((await consoleApi(again, "GET", "/api/organizations")).status).toBe(401);
  });

  it("disabling SSO refuses the next request and new sign-ins; enabling it again lets them in", async () => {
    const org = await samlOrganization(key);
    const name = `sso-off-${Date.now()}@acme.test`;
    await provision(org, name);
    const u = urlsOf(org.orgId);
    const cookie = (
      await postToAcs(org.orgId, await signedResponse({ entityId: ENTITY, acsUrl: u.acs, audience: u.entityId, nameId: name, key }))
    ).cookie;
    expect(await orgsOf(cookie)).toEqual([org.orgId]);
    await saveConnection(org, {
      protocol: "saml",
      enabled: false,
      requireSso: false,
      saml: { entityId: ENTITY, ssoUrl: "https://idp.acme.test/sso", certificates: [key.cert] },
    });
    expect((await consoleApi(cookie, "GET", "/api/organizations")).status).toBe(401);
    expect(
      (await postToAcs(org.orgId, await signedResponse({ entityId: ENTITY, acsUrl: u.acs, audience: u.entityId, nameId: name, key })))
        .reason,
    ).toBe("sso_disabled");
    await saveConnection(org, {
      protocol: "saml",
      enabled: true,
      requireSso: false,
      saml: { entityId: ENTITY, ssoUrl: "https://idp.acme.test/sso", certificates: [key.cert] },
    });
    expect(
      (await postToAcs(org.orgId, await signedResponse({ entityId: ENTITY, acsUrl: u.acs, audience: u.entityId, nameId: name, key })))
        .cookie,
    ).not.toBeNull();
  });

  it("disabling SCIM refuses the next request of the members it provisioned", async () => {
    const org = await samlOrganization(key);
    const name = `scim-off-${Date.now()}@acme.test`;
    await provision(org, name);
    const u = urlsOf(org.orgId);
    const cookie = (
      await postToAcs(org.orgId, await signedResponse({ entityId: ENTITY, acsUrl: u.acs, audience: u.entityId, nameId: name, key }))
    ).cookie;
    expect(await orgsOf(cookie)).toEqual([org.orgId]);
    expect((await consoleApi(org.ownerCookie, "POST", `/api/organizations/${org.orgId}/scim/disable`, { confirm: "Disable" })).status).toBe(
      200,
    );
    expect((await consoleApi(cookie, "GET", "/api/organizations")).status).toBe(401);
    expect(
      (await postToAcs(org.orgId, await signedResponse({ entityId: ENTITY, acsUrl: u.acs, audience: u.entityId, nameId: name, key })))
        .reason,
    ).toBe("scim_disabled");
  });

  it("Require single sign-on: members lose password sign-in, the owner keeps it (break-glass)", async () => {
    const org = await samlOrganization(key);
    const memberCookie = await signIn(org.member.email, org.member.password);
    expect(memberCookie).not.toBeNull();
    const saved = await saveConnection(org, {
      protocol: "saml",
      enabled: true,
      requireSso: true,
      saml: { entityId: ENTITY, ssoUrl: "https://idp.acme.test/sso", certificates: [key.cert] },
    });
    expect(saved.status).toBe(200);
    // An existing password session of a member stops working in this organization at once.
    const refused = await consoleApi<{ error: { message: string } }>(memberCookie, "GET", `/api/organizations/${org.orgId}/activity`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain("requires single sign-on");
    expect(await signIn(org.member.email, org.member.password)).toBeNull();
    expect(await signIn(org.iam.email, org.iam.password)).toBeNull();
    const owner = await signIn(org.owner.email, org.owner.password);
    expect(owner).not.toBeNull();
    expect((await consoleApi(owner, "GET", `/api/organizations/${org.orgId}/sso`)).status).toBe(200);
  });

  it("records successful and refused sign-ins, with the reason, in activity", async () => {
    const events = await db.auditEvent.findMany({ where: { organizationId: a.orgId, action: { startsWith: "sso.signin." } } });
    expect(events.some((e) => e.action === "sso.signin.succeeded" && e.outcome === "success")).toBe(true);
    expect(events.some((e) => e.action === "sso.signin.failed" && e.detail?.includes("no_member"))).toBe(true);
    expect(events.some((e) => e.action === "sso.signin.failed" && e.detail?.includes("locked"))).toBe(true);
  });
});
