import { config } from "../config";

// How long audit events are kept (AUDIT_RETENTION_DAYS, validated in lib/config/schema.ts) and
// how often the retention job (lib/jobs/retention-job.ts) prunes them.

export const PRUNE_INTERVAL_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export function retentionDays(): number {
  return config.AUDIT_RETENTION_DAYS;
}

/** Events created strictly before this instant are past retention. */
export function retentionCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}
