-- AlterTable
ALTER TABLE "ScimToken" ADD COLUMN "lastUsedAddress" TEXT;
ALTER TABLE "ScimToken" ADD COLUMN "lastUsedClient" TEXT;

-- CreateTable
CREATE TABLE "TokenExpiryNotice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "threshold" TEXT NOT NULL,
    "claimedAt" DATETIME NOT NULL,
    "sentAt" DATETIME,
    "recipients" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,
    "createdByName" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "lastUsedAt" DATETIME,
    "deletedAt" DATETIME,
    CONSTRAINT "ApiKey_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "TokenExpiryNotice_tokenId_threshold_key" ON "TokenExpiryNotice"("tokenId", "threshold");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- CreateIndex
CREATE INDEX "ApiKey_organizationId_deletedAt_idx" ON "ApiKey"("organizationId", "deletedAt");

