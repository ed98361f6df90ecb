import type { SsoConnection } from "../generated/prisma/client";
import { describeCertificate, type CertificateInfo } from "./saml/certificates";
import { ssoUrls, type SsoUrls } from "./urls";

// GET /api/organizations/[orgId]/sso — what the page shows. The client secret never leaves:
// only whether one is stored.

export interface SsoConnectionView {
  configured: boolean;
  protocol: "saml" | "oidc" | null;
  enabled: boolean;
  requireSso: boolean;
  saml: { entityId: string; ssoUrl: string; certificates: CertificateInfo[]; usernameAttribute: string | null } | null;
  oidc: { issuer: string; clientId: string; clientSecretSet: boolean; usernameClaim: string } | null;
  urls: SsoUrls;
  updatedAt: string | null;
}

export function certificatesOf(row: Pick<SsoConnection, "samlCertificates">): string[] {
  if (!row.samlCertificates) return [];
  const parsed: unknown = JSON.parse(row.samlCertificates);
  return Array.isArray(parsed) ? parsed.filter((c): c is string => typeof c === "string") : [];
}

export function toConnectionView(row: SsoConnection | null, origin: string, orgId: string): SsoConnectionView {
  const urls = ssoUrls(origin, orgId);
  if (!row) return { configured: false, protocol: null, enabled: false, requireSso: false, saml: null, oidc: null, urls, updatedAt: null };
  const protocol = row.protocol === "oidc" ? "oidc" : "saml";
  return {
    configured: true,
    protocol,
    enabled: row.enabled,
    requireSso: row.requireSso,
    saml:
      protocol === "saml"
        ? {
            entityId: row.samlEntityId ?? "",
            ssoUrl: row.samlSsoUrl ?? "",
            certificates: certificatesOf(row).map((c) => describeCertificate(c)),
            usernameAttribute: row.samlUsernameAttr,
          }
        : null,
    oidc:
      protocol === "oidc"
        ? {
            issuer: row.oidcIssuer ?? "",
            clientId: row.oidcClientId ?? "",
            clientSecretSet: !!row.oidcSecretCipher,
            usernameClaim: row.oidcUsernameClaim ?? "preferred_username",
          }
        : null,
    urls,
    updatedAt: row.updatedAt.toISOString(),
  };
}
