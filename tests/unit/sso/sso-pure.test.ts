import { describe, expect, it, vi } from "vitest";
import { organizationIdFrom } from "@/components/auth/sso-form";
import { describeCertificate, toPem } from "@/lib/sso/saml/certificates";
import { parseIdpMetadata } from "@/lib/sso/saml/idp-metadata";
import { samlErrorReason } from "@/lib/sso/refusal";
import { openSecret, sealSecret } from "@/lib/sso/secret-box";
import { safeReturnPath } from "@/lib/sso/urls";
import { signingKey } from "../../idp/keys";
import { idpMetadataXml } from "../../idp/saml-response";

// Before the imports: lib/config.ts reads the environment once, when first imported.
vi.hoisted(() => (process.env.NEXTAUTH_SECRET ??= "unit-test-secret-value"));

describe("client secret at rest", () => {
  it("round-trips, differs each time, and never contains the secret", () => {
    const a = sealSecret("s3cret-value", "org-1");
    expect(a).not.toContain("s3cret");
    expect(sealSecret("s3cret-value", "org-1")).not.toBe(a);
    expect(openSecret(a, "org-1")).toBe("s3cret-value");
  });
  it("is bound to its organization and refuses tampering", () => {
    const a = sealSecret("s3cret-value", "org-1");
    expect(() => openSecret(a, "org-2")).toThrow();
    const [v, iv, tag, body] = a.split(".");
    const flipped = Buffer.from(body!, "base64url");
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => openSecret([v, iv, tag, flipped.toString("base64url")].join("."), "org-1")).toThrow();
  });
});

describe("federation metadata", () => {
  it("reads entity ID, the redirect sign-on URL and both signing certificates", async () => {
    const [k1, k2] = await Promise.all([signingKey("one"), signingKey("two")]);
    const md = parseIdpMetadata(
      idpMetadataXml("https://sts.windows.net/t/", "https://login.microsoftonline.com/t/saml2", [k1.cert, k2.cert]),
    );
    expect(md.entityId).toBe("https://sts.windows.net/t/");
    expect(md.ssoUrl).toBe("https://login.microsoftonline.com/t/saml2");
    expect(md.certificates).toHaveLength(2);
    const info = describeCertificate(md.certificates[0]!);
    expect(info.subject).toContain("CN=one");
    expect(new Date(info.notAfter).getTime()).toBeGreaterThan(Date.now());
    expect(info.expired).toBe(false);
  });
  it("refuses what is not IdP metadata, with a sentence", () => {
    expect(() => parseIdpMetadata("<nope")).toThrow(/well-formed/);
    expect(() => parseIdpMetadata('<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"/>')).toThrow(
      /IDPSSODescriptor/,
    );
    expect(() => parseIdpMetadata('<!DOCTYPE x [<!ENTITY a "b">]><x/>')).toThrow(/DOCTYPE/);
  });
  it("normalises a bare base64 certificate to PEM and refuses garbage", async () => {
    const k = await signingKey("bare");
    const bare = k.cert.replace(/-----(BEGIN|END) CERTIFICATE-----/g, "").replace(/\s+/g, "");
    expect(toPem(bare)).toContain("-----BEGIN CERTIFICATE-----");
    expect(() => describeCertificate("not a certificate!")).toThrow(/not a PEM/);
    expect(() => describeCertificate("QUJD")).toThrow(/could not be read/);
  });
});

describe("after sign-in, only same-origin relative paths", () => {
  it.each(["/account", "/organizations/x/members?page=2"])("follows %s", (p) => expect(safeReturnPath(p)).toBe(p));
  it.each(["//evil.example", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "", "/\u0000x"])("refuses %j", (p) =>
    expect(safeReturnPath(p)).toBeNull(),
  );
});

describe("the login page's single sign-on field", () => {
  it("takes the sign-in link or the organization ID", () => {
    expect(organizationIdFrom("https://console.example.com/sso/acme-123")).toBe("acme-123");
    expect(organizationIdFrom("  acme-123 ")).toBe("acme-123");
    expect(organizationIdFrom("https://console.example.com/sso/acme-123?x=1")).toBe("acme-123");
    expect(organizationIdFrom("acme 123")).toBeNull();
  });
});

describe("node-saml errors sorted into reasons", () => {
  it.each([
    ["Invalid signature", "bad_signature"],
    ["Invalid document signature", "bad_signature"],
    ["SAML assertion expired: clocks skewed too much", "expired"],
    ["SAML assertion not yet valid", "expired"],
    ["SAML assertion audience mismatch. Expected: a Received: b", "wrong_audience"],
    ["InResponseTo is not valid", "unknown_request"],
    ["Missing SAML assertion", "invalid"],
  ])("%s → %s", (message, reason) => expect(samlErrorReason(message)).toBe(reason));
});
