import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/security/client-address";

// TRUST_PROXY=<hops>: the address our outermost trusted proxy saw, never what the client wrote.
describe("clientAddress", () => {
  const h = (xff?: string, extra: Record<string, string> = {}) =>
    new Headers({ ...(xff !== undefined ? { "x-forwarded-for": xff } : {}), ...extra });

  it.each([
    // [X-Forwarded-For, trusted proxy hops, address]
    ["127.0.0.1", 0, "127.0.0.1"], // next start's own value: the socket address
    ["203.0.113.9", 1, "203.0.113.9"], // a proxy that overwrites the header
    ["6.6.6.6, 203.0.113.9", 1, "203.0.113.9"], // a proxy that appends: the client's own claim is ignored
    ["6.6.6.6, 203.0.113.9, 10.0.0.2", 2, "203.0.113.9"], // CDN + load balancer
    ["203.0.113.9", 3, "203.0.113.9"], // fewer entries than hops: the left-most
    [" 2001:db8::1 ", 1, "2001:db8::1"],
    ["", 0, "unknown"],
    [undefined, 1, "unknown"],
  ] as const)("X-Forwarded-For %j with %i trusted hops → %s", (xff, hops, address) => {
    expect(clientAddress(h(xff), hops)).toBe(address);
  });

  it("falls back to X-Real-IP, and bounds what it returns", () => {
    expect(clientAddress(h(undefined, { "x-real-ip": "198.51.100.4" }), 0)).toBe("198.51.100.4");
    expect(clientAddress(h("a".repeat(500)), 0)).toHaveLength(100);
  });
});
