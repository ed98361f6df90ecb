import { SAML, ValidateInResponseTo, type CacheProvider, type Profile } from "@node-saml/node-saml";
import type { SsoConnection } from "../../generated/prisma/client";
import { certificatesOf } from "../connection-view";
import { peekRequest, REQUEST_TTL_MS } from "../sso-requests";
import type { SsoUrls } from "../urls";

// The SAML service provider is @node-saml/node-saml: it verifies the XML signatures (against
// the configured certificates only, never a key the message carries), selects the assertion
// from the signed bytes (no signature wrapping), and checks the time window (±2 minutes), the
// audience and InResponseTo. What it does not check is in assertion-checks.ts.

export const CLOCK_SKEW_MS = 2 * 60 * 1000;

/** Outstanding AuthnRequest IDs live in the database (sso-requests.ts), so any instance may receive the answer. */
function requestCache(orgId: string): CacheProvider {
  return {
    saveAsync: (key, value) => Promise.resolve({ value, createdAt: Date.now() }), // saved by startSamlSignIn with its return path
    getAsync: async (key) => (await peekRequest(key, orgId, "saml"))?.createdAt.toISOString() ?? null,
    removeAsync: (key) => Promise.resolve(key), // consumed once, after the whole response is accepted
  };
}

export function serviceProvider(conn: SsoConnection, urls: SsoUrls, requestId?: string): SAML {
  return new SAML({
    idpCert: certificatesOf(conn),
    issuer: urls.samlEntityId,
    audience: urls.samlEntityId,
    callbackUrl: urls.samlAcsUrl,
    entryPoint: conn.samlSsoUrl ?? undefined,
    // A signed Response or a signed Assertion (Entra signs the assertion, Okta both): node-saml
    // refuses a response where neither signature verifies.
    wantAuthnResponseSigned: false,
    wantAssertionsSigned: false,
    acceptedClockSkewMs: CLOCK_SKEW_MS,
    // IdP-initiated responses (My Apps, the Okta dashboard) carry no InResponseTo; one that does must be ours.
    validateInResponseTo: ValidateInResponseTo.ifPresent,
    requestIdExpirationPeriodMs: REQUEST_TTL_MS,
    cacheProvider: requestCache(conn.organizationId),
    identifierFormat: "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified",
    disableRequestedAuthnContext: true,
    signatureAlgorithm: "sha256",
    ...(requestId ? { generateUniqueId: () => requestId } : {}),
  });
}

export type { Profile };
