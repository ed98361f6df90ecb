import { db } from "../db";
import { isPruneDue, retentionCutoff, retentionDays } from "./retention";

// Per process, kept on globalThis so dev reloads don't reset it.
const state = globalThis as unknown as { __auditPrunedAt?: number };

/** Deletes every organization's events older than the retention period; returns how many. */
export async function pruneExpiredEvents(now = new Date(), days = retentionDays()): Promise<number> {
  const { count } = await db.auditEvent.deleteMany({ where: { createdAt: { lt: retentionCutoff(now, days) } } });
  return count;
}

/**
 * Called when activity is read: prunes at most once an hour per process. A failure is logged
 * and never fails the read that triggered it; the next hour tries again.
 */
export async function pruneExpiredEventsIfDue(now = new Date()): Promise<void> {
  if (!isPruneDue(state.__auditPrunedAt, now.getTime())) return;
  state.__auditPrunedAt = now.getTime(); // before the query, so concurrent reads don't all prune
  try {
    await pruneExpiredEvents(now);
  } catch (err) {
    console.error("Pruning expired audit events failed", err);
  }
}
