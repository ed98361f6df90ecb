// How long audit events are kept (AUDIT_RETENTION_DAYS, default 180) and when to prune.

export const DEFAULT_RETENTION_DAYS = 180;
const MAX_RETENTION_DAYS = 36_500;
export const PRUNE_INTERVAL_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A whole number of days from 1 to 36,500; anything else falls back to the default. */
export function retentionDays(value: string | undefined = process.env.AUDIT_RETENTION_DAYS): number {
  const text = value?.trim() ?? "";
  if (!/^\d+$/.test(text)) return DEFAULT_RETENTION_DAYS;
  const days = Number(text);
  return days >= 1 && days <= MAX_RETENTION_DAYS ? days : DEFAULT_RETENTION_DAYS;
}

/** Events created strictly before this instant are past retention. */
export function retentionCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/** At most one prune per interval per process: pruning is a side effect of reads, so it must stay cheap. */
export function isPruneDue(lastRunMs: number | undefined, nowMs: number, intervalMs = PRUNE_INTERVAL_MS): boolean {
  return lastRunMs === undefined || nowMs - lastRunMs >= intervalMs || nowMs < lastRunMs;
}
