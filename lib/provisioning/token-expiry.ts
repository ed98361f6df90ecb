import type { ExpiryThreshold } from "./schemas";

// When the organization's last token runs out: the thresholds of the console banners and the
// expiry emails. Pure. "Last" is the undeleted token that expires latest: while it is alive,
// provisioning keeps working whatever happens to the others.

const DAY_MS = 24 * 60 * 60 * 1000;

/** From the least to the most urgent; a threshold is reached when at most `withinMs` remain. */
export const THRESHOLDS: readonly { threshold: Exclude<ExpiryThreshold, "expired">; withinMs: number }[] = [
  { threshold: "30d", withinMs: 30 * DAY_MS },
  { threshold: "7d", withinMs: 7 * DAY_MS },
  { threshold: "1d", withinMs: 1 * DAY_MS },
];

/** An "expired" email is sent only this long after the expiry: a token dead for months needs no news. */
export const EXPIRED_NOTICE_WINDOW_MS = 30 * DAY_MS;

/** The most urgent threshold reached at `now`, or null when more than 30 days remain. */
export function expiryThreshold(expiresAt: Date, now: Date): ExpiryThreshold | null {
  const left = expiresAt.getTime() - now.getTime();
  if (left <= 0) return "expired";
  let reached: ExpiryThreshold | null = null;
  for (const t of THRESHOLDS) if (left <= t.withinMs) reached = t.threshold;
  return reached;
}

export function lastToken<T extends { expiresAt: Date; id: string }>(tokens: readonly T[]): T | null {
  let last: T | null = null;
  for (const t of tokens)
    if (!last || t.expiresAt.getTime() > last.expiresAt.getTime() || (t.expiresAt.getTime() === last.expiresAt.getTime() && t.id > last.id))
      last = t;
  return last;
}

export function daysLeft(expiresAt: Date, now: Date): number {
  return Math.max(0, Math.ceil((expiresAt.getTime() - now.getTime()) / DAY_MS));
}
