import { pruneExpiredEvents } from "../audit/prune-expired-events";
import { PRUNE_INTERVAL_MS } from "../audit/retention";
import { logger } from "../ops/logger";
import type { Job } from "./job";

/**
 * Deletes every organization's audit events older than AUDIT_RETENTION_DAYS. One idempotent
 * DELETE: several instances running it at once delete the same rows, and the last one finds none.
 */
export const retentionJob: Job = {
  name: "audit-retention",
  everyMs: PRUNE_INTERVAL_MS,
  async run(now) {
    const count = await pruneExpiredEvents(now);
    if (count > 0)
      logger.info({ job: "audit-retention", deleted: count }, `Job audit-retention: deleted ${count} audit event(s) past retention`);
  },
};
