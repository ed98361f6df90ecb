-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "actorLabelLower" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "targetLabelLower" TEXT;


-- Backfill: events written before this migration, lowered by the database (SQLite folds ASCII
-- letters only). Events written from now on are lowered in JavaScript (lib/audit/record-event.ts).
UPDATE "AuditEvent" SET "actorLabelLower" = lower("actorLabel"), "targetLabelLower" = lower("targetLabel");
