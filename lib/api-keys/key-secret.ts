import { randomBytes } from "node:crypto";

// "orgkey_" + 43 base64url characters = 256 random bits. The prefix makes a leaked key
// recognisable (secret scanners, logs) and tells it apart from a SCIM token ("scim_").
// Only a SHA-256 of the whole key is stored; hashing and the constant-time comparison are the
// SCIM token's (lib/provisioning/token-secret.ts).
export { hashToken as hashApiKey, hashesEqual } from "../provisioning/token-secret";

export const API_KEY_PREFIX = "orgkey_";
export const API_KEY_PATTERN = /^orgkey_[A-Za-z0-9_-]{43}$/;
export { MAX_API_KEY_DAYS } from "./key-constants";
export const MAX_ACTIVE_API_KEYS = 20;

export function generateApiKey(): string {
  return API_KEY_PREFIX + randomBytes(32).toString("base64url");
}

/** What the console and the audit trail show: "orgkey_" and the next 6 characters. */
export function apiKeyPrefix(key: string): string {
  return key.slice(0, API_KEY_PREFIX.length + 6);
}
