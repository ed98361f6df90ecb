import { describe, expect, it } from "vitest";
import { currentCount, secondsLeft } from "@/lib/security/fixed-window";

describe("fixed-window counters", () => {
  const start = new Date("2026-01-01T00:00:00Z");
  const at = (ms: number) => new Date(start.getTime() + ms);
  it("count within the window and reset after it", () => {
    expect(currentCount(null, 1000, start)).toBe(0);
    expect(currentCount({ count: 3, windowStart: start }, 1000, at(999))).toBe(3);
    expect(currentCount({ count: 3, windowStart: start }, 1000, at(1000))).toBe(0);
  });
  it("say how long until the window ends, at least a second", () => {
    expect(secondsLeft({ count: 1, windowStart: start }, 60_000, at(30_500))).toBe(30);
    expect(secondsLeft({ count: 1, windowStart: start }, 60_000, at(60_000))).toBe(1);
  });
});
