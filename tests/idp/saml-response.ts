import { randomBytes } from "node:crypto";
import * as samlify from "samlify";
import type { SigningKey } from "./keys";

// SAML responses as an IdP signs them, built with samlify in IdP mode: the test controls every
// field (to forge the cases the SP must refuse) and which part is signed, by which key.

const POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

export type SignWhat = "assertion" | "response" | "both" | "none";

export interface ResponseSpec {
  entityId: string; // the IdP (Issuer)
  acsUrl: string;
  audience: string;
  nameId: string;
  inResponseTo?: string;
  sign?: SignWhat;
  key: SigningKey;
  /** Overrides of the template's values (Destination, SubjectRecipient, ConditionsNotBefore, …). */
  tags?: Record<string, string>;
  /** The NameID goes into the XML as written (e.g. with a comment inside). */
  rawNameId?: boolean;
  attributes?: Record<string, string>;
  assertionId?: string;
  /** A change to the signed XML before it is encoded (signature wrapping and other tampering). */
  tamper?: (signedXml: string) => string;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
export const samlId = () => `_${randomBytes(16).toString("hex")}`;

export function responseXml(spec: ResponseSpec): { id: string; xml: string } {
  const now = new Date();
  const later = new Date(now.getTime() + 5 * 60_000).toISOString();
  const id = samlId();
  const values: Record<string, string> = {
    ID: id,
    AssertionID: spec.assertionId ?? samlId(),
    Destination: spec.acsUrl,
    Audience: spec.audience,
    SubjectRecipient: spec.acsUrl,
    Issuer: spec.entityId,
    IssueInstant: now.toISOString(),
    StatusCode: "urn:oasis:names:tc:SAML:2.0:status:Success",
    ConditionsNotBefore: now.toISOString(),
    ConditionsNotOnOrAfter: later,
    SubjectConfirmationDataNotOnOrAfter: later,
    NameIDFormat: "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified",
    InResponseTo: spec.inResponseTo ?? "",
    ...spec.tags,
  };
  let template = samlify.SamlLib.defaultLoginResponseTemplate.context;
  if (!values.InResponseTo) template = template.replace(/ InResponseTo="\{InResponseTo\}"/g, "");
  const authn = `<saml:AuthnStatement AuthnInstant="${values.IssueInstant}" SessionIndex="${samlId()}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>`;
  const attrs = Object.entries(spec.attributes ?? {});
  const attributeStatement = attrs.length
    ? `<saml:AttributeStatement>${attrs.map(([k, v]) => `<saml:Attribute Name="${esc(k)}"><saml:AttributeValue xsi:type="xs:string">${esc(v)}</saml:AttributeValue></saml:Attribute>`).join("")}</saml:AttributeStatement>`
    : "";
  const xml = template
    .replace("{AuthnStatement}", authn)
    .replace("{AttributeStatement}", attributeStatement)
    .replace("{NameID}", spec.rawNameId ? spec.nameId : esc(spec.nameId))
    .replace(/\{(\w+)\}/g, (_, tag: string) => esc(values[tag] ?? ""));
  return { id, xml };
}

function idpFor(entityId: string, key: SigningKey) {
  return samlify.IdentityProvider({
    entityID: entityId,
    privateKey: key.privateKey,
    signingCert: key.cert,
    singleSignOnService: [{ Binding: "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect", Location: `${entityId}/sso` }],
    singleLogoutService: [{ Binding: "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect", Location: `${entityId}/slo` }],
    requestSignatureAlgorithm: "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
  });
}

/** The base64 SAMLResponse an IdP would POST to the ACS. */
export async function signedResponse(spec: ResponseSpec): Promise<string> {
  const { id, xml } = responseXml(spec);
  const sign = spec.sign ?? "assertion";
  if (sign === "none") return Buffer.from(spec.tamper ? spec.tamper(xml) : xml).toString("base64");
  const sp = samlify.ServiceProvider({
    entityID: spec.audience,
    assertionConsumerService: [{ Binding: POST, Location: spec.acsUrl }],
    wantAssertionsSigned: sign !== "response",
    wantMessageSigned: sign !== "assertion",
  });
  const ctx = await idpFor(spec.entityId, spec.key).createLoginResponse(
    sp,
    { extract: { request: { id: spec.inResponseTo ?? "" } } } as never,
    "post",
    {},
    {
      customTagReplacement: () => ({ id, context: xml }),
    },
  );
  const b64 = (ctx as { context: string }).context;
  if (!spec.tamper) return b64;
  return Buffer.from(spec.tamper(Buffer.from(b64, "base64").toString("utf8"))).toString("base64");
}

export function idpMetadataXml(entityId: string, ssoUrl: string, certs: string[]): string {
  const body = (pem: string) => pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, "").replace(/\s+/g, "");
  return `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${esc(entityId)}">
  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
${certs.map((c) => `    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${body(c)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`).join("\n")}
    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified</md:NameIDFormat>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${esc(ssoUrl)}"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;
}
