import { statement } from "../db/sql-statement";

// The write of an organization's SSO connection (save-connection.ts), on the raw driver
// (lib/db/sql.ts): one connection per organization, replaced as a whole.
export const UPSERT_CONNECTION = statement("sso_connection_upsert")`
  INSERT INTO "SsoConnection" ("organizationId", "protocol", "enabled", "requireSso", "samlEntityId", "samlSsoUrl", "samlCertificates",
    "samlUsernameAttr", "oidcIssuer", "oidcClientId", "oidcSecretCipher", "oidcUsernameClaim", "updatedAt", "updatedById")
  VALUES (${"orgId"}, ${"protocol"}, ${"enabled"}, ${"requireSso"}, ${"samlEntityId"}, ${"samlSsoUrl"}, ${"samlCertificates"},
    ${"samlUsernameAttr"}, ${"oidcIssuer"}, ${"oidcClientId"}, ${"oidcSecretCipher"}, ${"oidcUsernameClaim"}, ${"now"}, ${"updatedById"})
  ON CONFLICT ("organizationId") DO UPDATE SET "protocol" = excluded."protocol", "enabled" = excluded."enabled",
    "requireSso" = excluded."requireSso", "samlEntityId" = excluded."samlEntityId", "samlSsoUrl" = excluded."samlSsoUrl",
    "samlCertificates" = excluded."samlCertificates", "samlUsernameAttr" = excluded."samlUsernameAttr", "oidcIssuer" = excluded."oidcIssuer",
    "oidcClientId" = excluded."oidcClientId", "oidcSecretCipher" = excluded."oidcSecretCipher",
    "oidcUsernameClaim" = excluded."oidcUsernameClaim", "updatedAt" = excluded."updatedAt", "updatedById" = excluded."updatedById"`;
