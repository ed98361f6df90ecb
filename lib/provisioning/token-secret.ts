import { hash, randomBytes, timingSafeEqual } from "node:crypto";

// "scim_" + 43 base64url characters = 256 random bits. The prefix makes leaked tokens
// recognisable by secret scanners; only a SHA-256 of the whole token is stored.
export const TOKEN_PREFIX = "scim_";
const TOKEN_BYTES = 32;
export const TOKEN_PATTERN = /^scim_[A-Za-z0-9_-]{43}$/;
export const TOKEN_TTL_MS = 365 * 24 * 60 * 60 * 1000;
export const MAX_ACTIVE_TOKENS = 2;

export function generateTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(TOKEN_BYTES).toString("base64url");
}

export function hashToken(token: string): string {
  return hash("sha256", token, "hex"); // one-shot: no Hash object on the hot path
}

/** What the console shows to tell tokens apart: "scim_" and the next 6 characters. */
export function displayPrefix(token: string): string {
  return token.slice(0, TOKEN_PREFIX.length + 6);
}

export function expiryFrom(createdAt: Date): Date {
  return new Date(createdAt.getTime() + TOKEN_TTL_MS);
}

export function hashesEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}

export type TokenStatus = "active" | "expired";

export function tokenStatus(expiresAt: Date, now = new Date()): TokenStatus {
  return expiresAt.getTime() > now.getTime() ? "active" : "expired";
}
