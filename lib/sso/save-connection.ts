import { db, sql } from "../db";
import { AppError } from "../errors";
import { recordEvent } from "../audit/record-event";
import { isHttpsOrLoopback } from "../config/rules";
import type { SsoConnectionInput } from "./connection-input";
import { certificatesOf } from "./connection-view";
import { describeCertificate, CertificateError } from "./saml/certificates";
import { MetadataError, parseIdpMetadata } from "./saml/idp-metadata";
import { discoverIssuer } from "./oidc/discovery";
import { sealSecret } from "./secret-box";
import { UPSERT_CONNECTION } from "./connection-statements";

type ProtocolColumn =
  | "samlEntityId"
  | "samlSsoUrl"
  | "samlCertificates"
  | "samlUsernameAttr"
  | "oidcIssuer"
  | "oidcClientId"
  | "oidcSecretCipher"
  | "oidcUsernameClaim";

export interface Editor {
  id: string;
  label: string;
}

const invalid = (message: string) => new AppError("invalid_input", message);

function assertIdpUrl(url: string, what: string): void {
  if (!isHttpsOrLoopback(url)) throw invalid(`The ${what} must be an https:// URL (http:// only for localhost, 127.0.0.1 or [::1]).`);
}

async function samlColumns(input: Extract<SsoConnectionInput, { protocol: "saml" }>["saml"], current: string[]) {
  let entityId = input.entityId ?? "";
  let ssoUrl = input.ssoUrl ?? "";
  let certificates = input.certificates?.map((c) => c.trim()).filter(Boolean) ?? current;
  if (input.metadataXml?.trim()) {
    try {
      const md = parseIdpMetadata(input.metadataXml);
      ({ entityId, ssoUrl } = md);
      certificates = md.certificates;
    } catch (err) {
      if (err instanceof MetadataError) throw invalid(err.message);
      throw err;
    }
  }
  if (!entityId) throw invalid("Enter the IdP's entity ID (Identifier), or paste its federation metadata XML.");
  if (!ssoUrl) throw invalid("Enter the IdP's sign-on URL, or paste its federation metadata XML.");
  assertIdpUrl(ssoUrl, "sign-on URL");
  if (!certificates.length) throw invalid("Add the IdP's signing certificate: assertions are accepted only when signed by it.");
  if (certificates.length > 2) throw invalid("At most two signing certificates may be active (the current one and the next).");
  try {
    certificates = certificates.map((c) => describeCertificate(c).pem);
  } catch (err) {
    if (err instanceof CertificateError) throw invalid(err.message);
    throw err;
  }
  return {
    samlEntityId: entityId,
    samlSsoUrl: ssoUrl,
    samlCertificates: JSON.stringify(certificates),
    samlUsernameAttr: input.usernameAttribute || null,
  };
}

/** PUT /api/organizations/[orgId]/sso — one connection per organization, replaced as a whole (the secret is kept when not re-entered). */
export async function saveSsoConnection(orgId: string, input: SsoConnectionInput, by: Editor): Promise<void> {
  const current = await db.ssoConnection.findUnique({ where: { organizationId: orgId } });
  const blank: Record<ProtocolColumn, string | null> = {
    samlEntityId: null,
    samlSsoUrl: null,
    samlCertificates: null,
    samlUsernameAttr: null,
    oidcIssuer: null,
    oidcClientId: null,
    oidcSecretCipher: null,
    oidcUsernameClaim: null,
  };
  let columns: Record<ProtocolColumn, string | null>;
  if (input.protocol === "saml") {
    columns = { ...blank, ...(await samlColumns(input.saml, current?.protocol === "saml" ? certificatesOf(current) : [])) };
  } else {
    const { issuer, clientId, clientSecret, usernameClaim } = input.oidc;
    assertIdpUrl(issuer, "issuer URL");
    const discovered = await discoverIssuer(issuer);
    if (!discovered.ok) throw invalid(discovered.message);
    const keep = current?.protocol === "oidc" && current.oidcSecretCipher ? current.oidcSecretCipher : null;
    const secret = clientSecret?.trim() ? sealSecret(clientSecret, orgId) : keep;
    if (!secret) throw invalid("Enter the client secret the IdP issued for this application.");
    columns = { ...blank, oidcIssuer: issuer, oidcClientId: clientId, oidcSecretCipher: secret, oidcUsernameClaim: usernameClaim };
  }
  const data = { orgId, protocol: input.protocol, enabled: input.enabled, requireSso: input.requireSso, updatedById: by.id, ...columns };
  // One raw-driver transaction: the connection and its audit events.
  await sql.transaction(async (tx) => {
    await tx.run(UPSERT_CONNECTION, { ...data, now: new Date() });
    const actor = { type: "user" as const, id: by.id, label: by.label };
    await recordEvent(
      {
        organizationId: orgId,
        actor,
        action: "sso.connection.updated",
        detail: `${input.protocol.toUpperCase()}${input.requireSso ? ", single sign-on required" : ""}`,
      },
      tx,
    );
    if ((current?.enabled ?? false) !== input.enabled)
      await recordEvent({ organizationId: orgId, actor, action: input.enabled ? "sso.enabled" : "sso.disabled" }, tx);
  });
}
