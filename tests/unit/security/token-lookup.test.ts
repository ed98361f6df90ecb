// Timing: a guess must not reveal whether a token prefix exists. We never assert timings;
// instead this checks the structure that makes the timing uninformative: the only database
// access for a presented token is a lookup by the SHA-256 of the whole token, so a guess
// that shares an existing token's prefix does exactly what any other guess does.
import { createHash } from "node:crypto";
import fc from "fast-check";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { checkAsyncProperty, pureRuns } from "../../fuzz/fuzz-config";

const { calls, rows } = vi.hoisted(() => ({ calls: [] as { path: string; args: unknown[] }[], rows: new Map<string, unknown>() }));

// A database module that records every call, whatever its exports are called (db,
// sql…), and finds a row only when a call names that row's hash.
vi.mock("@/lib/db", () => {
  const recorder = (path: string): unknown =>
    new Proxy(() => undefined, {
      get: (_target, prop) => (prop === "then" ? undefined : recorder(`${path}.${String(prop)}`)),
      apply: (_target, _this, args: unknown[]) => {
        calls.push({ path, args });
        const text = JSON.stringify(args);
        return Promise.resolve([...rows].find(([hash]) => text.includes(hash))?.[1] ?? null);
      },
    });
  return new Proxy({}, { get: (_target, name) => (name === "then" ? undefined : recorder(String(name))), has: () => true });
});

const { authenticateScimToken } = await import("@/lib/provisioning/authenticate-scim-token");

const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
const tokenBody = fc.string({
  unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
  minLength: 43,
  maxLength: 43,
});

describe("token lookup reveals nothing about prefixes", () => {
  beforeEach(() => {
    calls.length = 0;
  });

  it("looks a token up by the hash of the whole token, and by nothing else", async () => {
    await checkAsyncProperty(
      fc.asyncProperty(tokenBody, async (body) => {
        calls.length = 0;
        const token = `scim_${body}`;
        const result = await authenticateScimToken(`Bearer ${token}`, "org-1");
        expect(result).toEqual({ ok: false, reason: "unknown", detail: "The bearer token is not valid." });
        const seen = JSON.stringify(calls);
        expect(seen).toContain(sha256(token));
        expect(seen).not.toContain(token.slice(0, 11)); // the display prefix is never a search key
        expect(seen).not.toMatch(/startsWith|contains|prefix"?:\s*"scim_/);
      }),
      pureRuns(300),
    );
  });

  it("a guess sharing a real token's prefix takes the same path as a random guess", async () => {
    const real = "scim_AbCdEf" + "x".repeat(37);
    const hash = sha256(real);
    // A row as the prepared statement returns it (lib/provisioning/token-reads.ts: columns in order).
    rows.set(hash, ["t1", hash, real.slice(0, 11), "org-1", new Date(Date.now() + 1e9), null, new Date(), "other", true]);
    const samePrefix = "scim_AbCdEf" + "y".repeat(37);
    const random = "scim_" + "Q".repeat(43);
    const trace = async (token: string) => {
      calls.length = 0;
      const result = await authenticateScimToken(`Bearer ${token}`, "org-1");
      return { result, shape: JSON.stringify(calls).replaceAll(sha256(token), "<hash>") };
    };
    expect(await trace(samePrefix)).toEqual(await trace(random));
    // …while the real token is found: the lookup does work, by the whole token only.
    expect((await trace(real)).result).toMatchObject({ ok: true, caller: { tokenId: "t1" } });
    rows.clear();
  });
});
