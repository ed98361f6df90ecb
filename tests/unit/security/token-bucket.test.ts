import { describe, expect, it } from "vitest";
import { OncePer, TokenBuckets } from "@/lib/security/token-bucket";

describe("TokenBuckets", () => {
  const T0 = 1_000_000;

  it("lets a burst through, then refuses with the seconds until the next token", () => {
    const buckets = new TokenBuckets({ ratePerSecond: 2, burst: 5 });
    for (let i = 0; i < 5; i++) expect(buckets.take("t", T0)).toEqual({ ok: true });
    expect(buckets.take("t", T0)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(buckets.take("t", T0 + 499)).toMatchObject({ ok: false });
    expect(buckets.take("t", T0 + 500)).toEqual({ ok: true }); // one token per 500 ms
  });

  it("never banks more than the burst, however long the quiet period", () => {
    const buckets = new TokenBuckets({ ratePerSecond: 100, burst: 3 });
    buckets.take("t", T0);
    const later = T0 + 3_600_000;
    for (let i = 0; i < 3; i++) expect(buckets.take("t", later).ok).toBe(true);
    expect(buckets.take("t", later).ok).toBe(false);
  });

  it("keeps keys apart", () => {
    const buckets = new TokenBuckets({ ratePerSecond: 1, burst: 1 });
    expect(buckets.take("a", T0).ok).toBe(true);
    expect(buckets.take("a", T0).ok).toBe(false);
    expect(buckets.take("b", T0).ok).toBe(true);
  });

  it("rounds Retry-After up to whole seconds for slow refills", () => {
    const failures = new TokenBuckets({ ratePerSecond: 10 / 60, burst: 10 }); // 10 per minute
    for (let i = 0; i < 10; i++) failures.take("addr", T0);
    expect(failures.peek("addr", T0)).toEqual({ ok: false, retryAfterSeconds: 6 });
  });

  it("peek neither spends nor creates", () => {
    const buckets = new TokenBuckets({ ratePerSecond: 1, burst: 1 });
    expect(buckets.peek("x", T0).ok).toBe(true);
    expect(buckets.size).toBe(0);
    buckets.take("x", T0);
    expect(buckets.peek("x", T0).ok).toBe(false);
  });

  it("is off when the rate is 0", () => {
    const buckets = new TokenBuckets({ ratePerSecond: 0, burst: 0 });
    for (let i = 0; i < 1000; i++) expect(buckets.take("t", T0).ok).toBe(true);
    expect(buckets.size).toBe(0);
  });

  it("forgets the least recently used key beyond maxKeys, so memory stays bounded", () => {
    const buckets = new TokenBuckets({ ratePerSecond: 1, burst: 1, maxKeys: 3 });
    for (const key of ["a", "b", "c"]) buckets.take(key, T0);
    buckets.take("a", T0); // a is now the most recent
    buckets.take("d", T0); // evicts b
    expect(buckets.size).toBe(3);
    expect(buckets.peek("a", T0).ok).toBe(false); // still remembered (and empty)
    expect(buckets.peek("b", T0).ok).toBe(true); // forgotten: a fresh bucket
  });
});

describe("OncePer", () => {
  it("says yes once per key per interval", () => {
    const once = new OncePer(60_000);
    expect(once.due("k", 0)).toBe(true);
    expect(once.due("k", 59_999)).toBe(false);
    expect(once.due("other", 1)).toBe(true);
    expect(once.due("k", 60_000)).toBe(true);
  });
});
