-- CreateIndex
CREATE INDEX "Member_organizationId_scimUpdatedAt_idx" ON "Member"("organizationId", "scimUpdatedAt");

-- CreateIndex
CREATE INDEX "AuditEvent_organizationId_outcome_createdAt_idx" ON "AuditEvent"("organizationId", "outcome", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");

