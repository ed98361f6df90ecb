-- AlterTable
ALTER TABLE "Member" ADD COLUMN "scimDisplayNameLower" TEXT;

-- CreateTable
CREATE TABLE "Group" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "displayNameLower" TEXT NOT NULL,
    "externalId" TEXT,
    "scimAttributes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Group_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GroupMember" (
    "groupId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("groupId", "memberId"),
    CONSTRAINT "GroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "GroupMember_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GroupMapping" (
    "groupId" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "permission" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,
    CONSTRAINT "GroupMapping_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Group_organizationId_createdAt_id_idx" ON "Group"("organizationId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Group_organizationId_externalId_idx" ON "Group"("organizationId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Group_organizationId_displayNameLower_key" ON "Group"("organizationId", "displayNameLower");

-- CreateIndex
CREATE INDEX "GroupMember_memberId_idx" ON "GroupMember"("memberId");

-- CreateIndex
CREATE INDEX "GroupMapping_organizationId_idx" ON "GroupMapping"("organizationId");

-- CreateIndex
CREATE INDEX "Member_organizationId_scimDisplayNameLower_idx" ON "Member"("organizationId", "scimDisplayNameLower");


-- Backfill: the displayName each managed member's IdP sent.
UPDATE "Member" SET "scimDisplayNameLower" = lower(json_extract("scimAttributes", '$.displayName')) WHERE "scimAttributes" IS NOT NULL AND json_valid("scimAttributes") AND json_type("scimAttributes", '$.displayName') = 'text';
