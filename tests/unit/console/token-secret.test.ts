import { describe, expect, it } from "vitest";
import {
  displayPrefix,
  expiryFrom,
  generateTokenSecret,
  hashesEqual,
  hashToken,
  tokenStatus,
  TOKEN_PATTERN,
  TOKEN_TTL_MS,
} from "@/lib/provisioning/token-secret";
import { toTokenInfo } from "@/lib/provisioning/token-view";

describe("SCIM token secrets", () => {
  it("are scim_ + 43 base64url characters, i.e. 256 random bits", () => {
    const t = generateTokenSecret();
    expect(t).toMatch(TOKEN_PATTERN);
    expect(Buffer.from(t.slice(5), "base64url")).toHaveLength(32);
  });

  it("never repeat and spread their bits evenly", () => {
    const tokens = Array.from({ length: 2000 }, generateTokenSecret);
    expect(new Set(tokens).size).toBe(tokens.length);
    // Every bit position should be set in roughly half of the tokens (binomial, n=2000: 5 sigma ≈ ±112).
    const ones = new Array<number>(256).fill(0);
    for (const t of tokens) {
      const bytes = Buffer.from(t.slice(5), "base64url");
      for (let i = 0; i < 256; i++) if ((bytes[i >> 3]! >> (i & 7)) & 1) ones[i]!++;
    }
    for (const n of ones) expect(Math.abs(n - 1000)).toBeLessThan(112);
  });

  it("are stored as a SHA-256 hex digest that does not contain the token", () => {
    const t = generateTokenSecret();
    const h = hashToken(t);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(t)).toBe(h);
    expect(h).not.toContain(t.slice(5, 15));
    expect(hashToken(generateTokenSecret())).not.toBe(h);
  });

  it("compare hashes in constant time and reject different lengths", () => {
    const h = hashToken("a");
    expect(hashesEqual(h, hashToken("a"))).toBe(true);
    expect(hashesEqual(h, hashToken("b"))).toBe(false);
    expect(hashesEqual(h, h.slice(0, 10))).toBe(false);
  });

  it("display only scim_ and six characters", () => {
    expect(displayPrefix("scim_abcdefghijkl")).toBe("scim_abcdef");
  });
});

describe("token expiry", () => {
  const created = new Date("2026-02-28T12:00:00.000Z");

  it("is exactly 365 days after creation", () => {
    expect(TOKEN_TTL_MS).toBe(365 * 86_400_000);
    expect(expiryFrom(created).toISOString()).toBe("2027-02-28T12:00:00.000Z");
  });

  it("makes a token expired from its expiry instant on", () => {
    const exp = expiryFrom(created);
    expect(tokenStatus(exp, new Date(exp.getTime() - 1))).toBe("active");
    expect(tokenStatus(exp, exp)).toBe("expired");
  });

  it("flags active tokens that expire within 30 days", () => {
    const row = {
      id: "t",
      prefix: "scim_abcdef",
      createdAt: created,
      expiresAt: expiryFrom(created),
      lastUsedAt: null,
      createdByName: "a@b.c",
    };
    const day = 86_400_000;
    expect(toTokenInfo(row, new Date(row.expiresAt.getTime() - 31 * day)).expiresSoon).toBe(false);
    expect(toTokenInfo(row, new Date(row.expiresAt.getTime() - 30 * day)).expiresSoon).toBe(true);
    const expired = toTokenInfo(row, new Date(row.expiresAt.getTime() + day));
    expect(expired.status).toBe("expired");
    expect(expired.expiresSoon).toBe(false);
  });
});
