-- AlterTable
ALTER TABLE "Member" ADD COLUMN "lastSignInAt" DATETIME;
ALTER TABLE "Member" ADD COLUMN "lastSignInMethod" TEXT;

-- CreateTable
CREATE TABLE "SsoConnection" (
    "organizationId" TEXT NOT NULL PRIMARY KEY,
    "protocol" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "requireSso" BOOLEAN NOT NULL DEFAULT false,
    "samlEntityId" TEXT,
    "samlSsoUrl" TEXT,
    "samlCertificates" TEXT,
    "samlUsernameAttr" TEXT,
    "oidcIssuer" TEXT,
    "oidcClientId" TEXT,
    "oidcSecretCipher" TEXT,
    "oidcUsernameClaim" TEXT,
    "updatedAt" DATETIME NOT NULL,
    "updatedById" TEXT,
    CONSTRAINT "SsoConnection_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SsoRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SamlAssertionUse" (
    "organizationId" TEXT NOT NULL,
    "assertionId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,

    PRIMARY KEY ("organizationId", "assertionId")
);

-- CreateIndex
CREATE INDEX "SsoRequest_expiresAt_idx" ON "SsoRequest"("expiresAt");

-- CreateIndex
CREATE INDEX "SamlAssertionUse_expiresAt_idx" ON "SamlAssertionUse"("expiresAt");

