-- DropIndex
DROP INDEX "Member_organizationId_scimManaged_createdAt_idx";

-- CreateIndex
CREATE INDEX "Member_organizationId_scimManaged_createdAt_id_idx" ON "Member"("organizationId", "scimManaged", "createdAt", "id");

