import { elements, parseXml } from "./xml";

// Federation metadata XML pasted or uploaded by the admin (Entra "Federation Metadata XML",
// Okta "Identity Provider metadata"). Parsed here, never fetched from a URL.

export interface IdpMetadata {
  entityId: string;
  ssoUrl: string;
  certificates: string[]; // base64 bodies of the signing certificates
}

export class MetadataError extends Error {}

const REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";

export function parseIdpMetadata(xml: string): IdpMetadata {
  if (xml.length > 512 * 1024) throw new MetadataError("The metadata is larger than 512 KB.");
  if (/<!DOCTYPE/i.test(xml)) throw new MetadataError("The metadata must not contain a DOCTYPE.");
  const doc = parseXml(xml);
  if (!doc) throw new MetadataError("The metadata is not well-formed XML.");
  const descriptor = elements("//md:EntityDescriptor[md:IDPSSODescriptor]", doc)[0];
  if (!descriptor)
    throw new MetadataError("The metadata has no IdP (IDPSSODescriptor): is it the identity provider's federation metadata?");
  const entityId = descriptor.getAttribute("entityID") ?? "";
  if (!entityId) throw new MetadataError("The metadata has no entityID.");
  const services = elements("md:IDPSSODescriptor/md:SingleSignOnService", descriptor);
  const service = services.find((s) => s.getAttribute("Binding") === REDIRECT) ?? services[0];
  const ssoUrl = service?.getAttribute("Location") ?? "";
  if (!ssoUrl) throw new MetadataError("The metadata has no SingleSignOnService location.");
  const certNodes = elements(
    "md:IDPSSODescriptor/md:KeyDescriptor[not(@use) or @use='signing']/ds:KeyInfo/ds:X509Data/ds:X509Certificate",
    descriptor,
  );
  const certificates = [...new Set(certNodes.map((n) => (n.textContent ?? "").replace(/\s+/g, "")).filter(Boolean))];
  if (!certificates.length) throw new MetadataError("The metadata has no signing certificate.");
  return { entityId, ssoUrl, certificates };
}
