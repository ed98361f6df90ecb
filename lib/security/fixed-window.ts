import { db } from "../db";

export interface WindowRow {
  count: number;
  windowStart: Date;
}

/** Count within the current window, or 0 when the window has passed. */
export function currentCount(row: WindowRow | null, windowMs: number, now: Date): number {
  if (!row || now.getTime() - row.windowStart.getTime() >= windowMs) return 0;
  return row.count;
}

/** Seconds until the window that holds `row` ends. */
export function secondsLeft(row: WindowRow, windowMs: number, now: Date): number {
  return Math.max(1, Math.ceil((row.windowStart.getTime() + windowMs - now.getTime()) / 1000));
}

/** Database-backed fixed-window counter, so every app instance sees the same counts. */
export const dbWindow = {
  async peek(key: string, windowMs: number, now = new Date()): Promise<{ count: number; retryAfter: number }> {
    const row = await db.rateLimit.findUnique({ where: { key } });
    const count = currentCount(row, windowMs, now);
    return { count, retryAfter: row && count ? secondsLeft(row, windowMs, now) : 0 };
  },
  async hit(key: string, windowMs: number, now = new Date()): Promise<void> {
    await db.$transaction(async (tx) => {
      const row = await tx.rateLimit.findUnique({ where: { key } });
      if (currentCount(row, windowMs, now) === 0) {
        await tx.rateLimit.upsert({ where: { key }, create: { key, count: 1, windowStart: now }, update: { count: 1, windowStart: now } });
      } else {
        await tx.rateLimit.update({ where: { key }, data: { count: { increment: 1 } } });
      }
    });
  },
  async clear(key: string): Promise<void> {
    await db.rateLimit.deleteMany({ where: { key } });
  },
};
