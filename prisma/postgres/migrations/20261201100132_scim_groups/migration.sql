-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "scimDisplayNameLower" TEXT;

-- CreateTable
CREATE TABLE "Group" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "displayNameLower" TEXT NOT NULL,
    "externalId" TEXT,
    "scimAttributes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Group_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupMember" (
    "groupId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GroupMember_pkey" PRIMARY KEY ("groupId","memberId")
);

-- CreateTable
CREATE TABLE "GroupMapping" (
    "groupId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "permission" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,

    CONSTRAINT "GroupMapping_pkey" PRIMARY KEY ("groupId")
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

-- AddForeignKey
ALTER TABLE "Group" ADD CONSTRAINT "Group_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupMember" ADD CONSTRAINT "GroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupMember" ADD CONSTRAINT "GroupMember_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupMapping" ADD CONSTRAINT "GroupMapping_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Backfill: the displayName each managed member's IdP sent.
UPDATE "Member" SET "scimDisplayNameLower" = lower(("scimAttributes"::jsonb) ->> 'displayName') WHERE "scimAttributes" IS NOT NULL AND jsonb_typeof(("scimAttributes"::jsonb) -> 'displayName') = 'string';
