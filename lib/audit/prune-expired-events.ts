import { db } from "../db";
import { retentionCutoff, retentionDays } from "./retention";

/**
 * Deletes every organization's events older than the retention period; returns how many.
 * Run by the scheduled retention job (lib/jobs/retention-job.ts), never by a read.
 */
export async function pruneExpiredEvents(now = new Date(), days = retentionDays()): Promise<number> {
  const { count } = await db.auditEvent.deleteMany({ where: { createdAt: { lt: retentionCutoff(now, days) } } });
  return count;
}
