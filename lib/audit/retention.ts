import { config } from "../config";
import { variables } from "../config/schema";

// How long audit events are kept (AUDIT_RETENTION_DAYS, default 180) and when to prune.
// The accepted values and the default are the configuration's (lib/config/schema.ts).

const RETENTION = variables.AUDIT_RETENTION_DAYS;
export const DEFAULT_RETENTION_DAYS = Number(RETENTION.default);
export const PRUNE_INTERVAL_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Without an argument: the configured AUDIT_RETENTION_DAYS (validated at start-up). Given a
 * text: a whole number of days from 1 to 36,500, anything else falls back to the default.
 */
export function retentionDays(value?: string): number {
  if (value === undefined) return config.AUDIT_RETENTION_DAYS;
  const parsed = RETENTION.rule.schema.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_RETENTION_DAYS;
}

/** Events created strictly before this instant are past retention. */
export function retentionCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/** At most one prune per interval per process: pruning is a side effect of reads, so it must stay cheap. */
export function isPruneDue(lastRunMs: number | undefined, nowMs: number, intervalMs = PRUNE_INTERVAL_MS): boolean {
  return lastRunMs === undefined || nowMs - lastRunMs >= intervalMs || nowMs < lastRunMs;
}
