// SAML attack cases, each a named test: responses built and signed by samlify in IdP mode
// (keys from selfsigned, made here), POSTed to the real ACS. Every refusal names its reason.
import { inflateRawSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { REFUSAL_TEXT } from "@/lib/sso/refusal";
import { baseUrl } from "../../helpers/server";
import { signingKey, type SigningKey } from "../../idp/keys";
import { idpMetadataXml, samlId, signedResponse, type ResponseSpec } from "../../idp/saml-response";
import { provision, saveConnection, ssoOrganization, startTestSignIn, testReportOf, urlsOf, type SsoOrg } from "./fixtures";

const ENTITY = "https://idp.acme.test/saml";

async function postAcs(orgId: string, samlResponse: string, relayState?: string) {
  const res = await fetch(urlsOf(orgId).acs, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ SAMLResponse: samlResponse, ...(relayState ? { RelayState: relayState } : {}) }),
  });
  const location = res.headers.get("location") ?? "";
  const session = res.headers.getSetCookie().some((c) => c.startsWith("next-auth.session-token="));
  return { status: res.status, location, session, reason: new URL(location, baseUrl()).searchParams.get("sso_error") };
}

/** An AuthnRequest ID we really issued (SP-initiated start). */
async function issuedRequestId(orgId: string): Promise<string> {
  const res = await fetch(urlsOf(orgId).signIn, { redirect: "manual" });
  return requestIdIn(res.headers.get("location") ?? "");
}

function requestIdIn(idpUrl: string): string {
  const req = new URL(idpUrl).searchParams.get("SAMLRequest") ?? "";
  return /\sID="([^"]+)"/.exec(inflateRawSync(Buffer.from(req, "base64")).toString("utf8"))?.[1] ?? "";
}

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

describe("SAML response validation (security)", () => {
  let org: SsoOrg;
  let key: SigningKey;
  let nextKey: SigningKey;
  let otherKey: SigningKey;
  const victim = `victim-${Date.now()}@acme.test`;
  let spec: (over?: Partial<ResponseSpec>) => ResponseSpec;

  beforeAll(async () => {
    [key, nextKey, otherKey] = await Promise.all([signingKey("idp-current"), signingKey("idp-next"), signingKey("attacker")]);
    org = await ssoOrganization();
    await provision(org, victim);
    const saved = await saveConnection(org, {
      protocol: "saml",
      enabled: true,
      requireSso: false,
      saml: { metadataXml: idpMetadataXml(ENTITY, "https://idp.acme.test/sso", [key.cert, nextKey.cert]) },
    });
    expect(saved.status).toBe(200);
    const u = urlsOf(org.orgId);
    spec = (over = {}) => ({ entityId: ENTITY, acsUrl: u.acs, audience: u.entityId, nameId: victim, key, ...over });
  });
  afterAll(async () => undefined);

  it("accepts a signed assertion (IdP-initiated) and issues a session", async () => {
    const r = await postAcs(org.orgId, await signedResponse(spec()));
    expect(r.reason).toBeNull();
    expect(r.session).toBe(true);
  });

  it("accepts a signed Response whose assertion is not signed itself", async () => {
    expect((await postAcs(org.orgId, await signedResponse(spec({ sign: "response" })))).session).toBe(true);
  });

  it("accepts the second active certificate (the IdP rolling its key)", async () => {
    expect((await postAcs(org.orgId, await signedResponse(spec({ key: nextKey })))).session).toBe(true);
  });

  it("refuses an unsigned response", async () => {
    const r = await postAcs(org.orgId, await signedResponse(spec({ sign: "none" })));
    expect(r).toMatchObject({ reason: "bad_signature", session: false });
  });

  it("refuses a response signed by another key", async () => {
    const r = await postAcs(org.orgId, await signedResponse(spec({ key: otherKey, sign: "both" })));
    expect(r).toMatchObject({ reason: "bad_signature", session: false });
  });

  it("refuses XML-signature wrapping: a forged assertion beside the signed one", async () => {
    const forged = (xml: string) => {
      const signed = /<saml:Assertion[\s\S]*<\/saml:Assertion>/.exec(xml)?.[0] ?? "";
      const evil = signed
        .replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, "")
        .replace(victim, "attacker@evil.test")
        .replace(/ID="[^"]+"/, `ID="${samlId()}"`);
      return xml.replace(signed, evil + signed);
    };
    const r = await postAcs(org.orgId, await signedResponse(spec({ tamper: forged })));
    expect(r).toMatchObject({ reason: "bad_signature", session: false });
  });

  it("refuses XML-signature wrapping: the signed assertion moved into Extensions, a forged one in its place", async () => {
    const wrapped = (xml: string) => {
      const signed = /<saml:Assertion[\s\S]*<\/saml:Assertion>/.exec(xml)?.[0] ?? "";
      const evil = signed.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, "").replace(victim, "attacker@evil.test");
      return xml.replace(signed, evil).replace("<samlp:Status>", `<samlp:Extensions>${signed}</samlp:Extensions><samlp:Status>`);
    };
    const r = await postAcs(org.orgId, await signedResponse(spec({ tamper: wrapped })));
    expect(r).toMatchObject({ reason: "bad_signature", session: false });
  });

  it("refuses a signed Response whose assertion was altered after signing", async () => {
    const r = await postAcs(
      org.orgId,
      await signedResponse(spec({ sign: "response", tamper: (xml) => xml.replace(victim, `x${victim}`) })),
    );
    expect(r).toMatchObject({ reason: "bad_signature", session: false });
  });

  it("refuses a comment inside the NameID (a signed name that truncates to another person's)", async () => {
    const r = await postAcs(org.orgId, await signedResponse(spec({ nameId: `${victim}<!---->.evil.test`, rawNameId: true })));
    expect(r).toMatchObject({ reason: "malformed_nameid", session: false });
  });

  it("accepts a NotBefore 1 minute ahead (within the ±2 minute skew)", async () => {
    expect((await postAcs(org.orgId, await signedResponse(spec({ tags: { ConditionsNotBefore: minutes(1) } })))).session).toBe(true);
  });

  it("refuses a NotBefore more than 2 minutes ahead", async () => {
    const r = await postAcs(org.orgId, await signedResponse(spec({ tags: { ConditionsNotBefore: minutes(3) } })));
    expect(r).toMatchObject({ reason: "expired", session: false });
  });

  it("refuses a NotOnOrAfter more than 2 minutes past", async () => {
    const r = await postAcs(
      org.orgId,
      await signedResponse(
        spec({
          tags: {
            ConditionsNotOnOrAfter: minutes(-3),
            SubjectConfirmationDataNotOnOrAfter: minutes(-3),
            IssueInstant: minutes(-8),
            ConditionsNotBefore: minutes(-8),
          },
        }),
      ),
    );
    expect(r).toMatchObject({ reason: "expired", session: false });
  });

  it("refuses a wrong Audience", async () => {
    const r = await postAcs(org.orgId, await signedResponse(spec({ audience: "https://another-app.example/saml" })));
    expect(r).toMatchObject({ reason: "wrong_audience", session: false });
  });

  it("refuses a wrong Destination", async () => {
    const r = await postAcs(
      org.orgId,
      await signedResponse(spec({ sign: "both", tags: { Destination: "https://another-app.example/acs" } })),
    );
    expect(r).toMatchObject({ reason: "wrong_destination", session: false });
  });

  it("refuses a wrong Recipient", async () => {
    const r = await postAcs(org.orgId, await signedResponse(spec({ tags: { SubjectRecipient: "https://another-app.example/acs" } })));
    expect(r).toMatchObject({ reason: "wrong_recipient", session: false });
  });

  it("refuses a response from another issuer signed with the right key", async () => {
    const r = await postAcs(org.orgId, await signedResponse(spec({ entityId: "https://other-idp.example" })));
    expect(r).toMatchObject({ reason: "wrong_issuer", session: false });
  });

  it("refuses an InResponseTo we never issued", async () => {
    const r = await postAcs(org.orgId, await signedResponse(spec({ inResponseTo: samlId() })));
    expect(r).toMatchObject({ reason: "unknown_request", session: false });
  });

  it("accepts an answer to a request we issued, once; a second answer to it is refused", async () => {
    const id = await issuedRequestId(org.orgId);
    expect((await postAcs(org.orgId, await signedResponse(spec({ inResponseTo: id })))).session).toBe(true);
    const again = await postAcs(org.orgId, await signedResponse(spec({ inResponseTo: id })));
    expect(again).toMatchObject({ reason: "unknown_request", session: false });
  });

  it("refuses a replayed assertion (its ID is spent in the database)", async () => {
    const response = await signedResponse(spec());
    expect((await postAcs(org.orgId, response)).session).toBe(true);
    const replay = await postAcs(org.orgId, response);
    expect(replay).toMatchObject({ reason: "replayed", session: false });
    const events = await db.auditEvent.findMany({ where: { organizationId: org.orgId, action: "sso.signin.failed" } });
    expect(events.map((e) => e.detail).join("\n")).toMatch(/replayed/);
  });

  it("reads the username from the configured attribute instead of the NameID", async () => {
    const u = urlsOf(org.orgId);
    const saved = await saveConnection(org, {
      protocol: "saml",
      enabled: true,
      requireSso: false,
      saml: {
        entityId: ENTITY,
        ssoUrl: "https://idp.acme.test/sso",
        certificates: [key.cert],
        usernameAttribute: "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn",
      },
    });
    expect(saved.status).toBe(200);
    const r = await postAcs(
      org.orgId,
      await signedResponse({
        entityId: ENTITY,
        acsUrl: u.acs,
        audience: u.entityId,
        nameId: "opaque-id-123",
        key,
        attributes: { "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn": victim },
      }),
    );
    expect(r.session).toBe(true);
  });

  it("Test sign-in reports an answer without the configured attribute on the settings page (its request already spent)", async () => {
    const u = urlsOf(org.orgId);
    const { browser, location } = await startTestSignIn(org);
    const response = await signedResponse({
      entityId: ENTITY,
      acsUrl: u.acs,
      audience: u.entityId,
      nameId: victim,
      key,
      inResponseTo: requestIdIn(location),
    });
    const r = await postAcs(org.orgId, response);
    expect(new URL(r.location, baseUrl()).pathname).toBe(`/organizations/${org.orgId}/settings/sso`);
    expect(r.session).toBe(false);
    const report = testReportOf((await browser.go(new URL(r.location, baseUrl()).href)).html);
    expect(report).toContain("Test sign-in refused");
    expect(report).toContain(REFUSAL_TEXT.no_username);
  });
});
