// What the SCIM page shows about its tokens (lib/provisioning/token-health-view.ts): the red
// "provisioning has stopped" banner whatever rotation panel was open; the amber expiry banner
// only while no rotation answers it.
import { describe, expect, it } from "vitest";
import type { ExpiryWarning, ProvisioningStopped, TokenInfo } from "@/lib/provisioning/schemas";
import { tokenHealthView, type Rotation } from "@/lib/provisioning/token-health-view";

const token = (id: string, over: Partial<TokenInfo> = {}): TokenInfo => ({
  id,
  prefix: `scim_${id.padEnd(6, "0")}`,
  createdAt: "2026-01-01T00:00:00.000Z",
  expiresAt: "2027-01-01T00:00:00.000Z",
  lastUsedAt: null,
  lastUsedClient: null,
  lastUsedAddress: null,
  createdBy: "owner@acme.test",
  status: "active",
  expiresSoon: false,
  ...over,
});
const expired = (t: TokenInfo): TokenInfo => ({ ...t, status: "expired", expiresSoon: false });

const old = token("old", { expiresAt: "2026-06-05T00:00:00.000Z", expiresSoon: true, lastUsedAt: "2026-06-01T00:00:00.000Z" });
const fresh = token("new");
const used = token("new", { lastUsedAt: "2026-06-02T10:42:00.000Z" });
const rotation: Rotation = { newTokenId: "new", oldTokenIds: ["old"] };
const expiring: ExpiryWarning = { threshold: "7d", tokenId: "old", prefix: old.prefix, expiresAt: old.expiresAt };
const expiredWarning: ExpiryWarning = { ...expiring, threshold: "expired", tokenId: "new", prefix: used.prefix, expiresAt: used.expiresAt };
const stopped: ProvisioningStopped = {
  lastRejected: { at: "2027-01-02T00:00:00.000Z", status: 401, detail: "token expired", request: "GET /Users" },
};

describe("the SCIM page's token health", () => {
  it.each([
    // [case, tokens, expiry, stopped, watched rotation, banner, rotation phase]
    ["healthy, nothing watched", [fresh], null, null, null, null, null],
    ["last token expiring, nothing watched", [old], expiring, null, null, "expiring", null],
    ["expiring, replacement generated: the rotation answers the warning", [old, fresh], expiring, null, rotation, null, "waiting"],
    ["the identity provider switched", [old, used], null, null, rotation, null, "switched"],
    ["stopped, nothing watched", [expired(old)], { ...expiredWarning, tokenId: "old" }, stopped, null, "stopped", null],
    ["stopped while waiting for the first request", [expired(old), expired(fresh)], expiredWarning, stopped, rotation, "stopped", null],
    [
      "stopped while the 'delete the old token?' panel is open",
      [expired(old), expired(used)],
      expiredWarning,
      stopped,
      rotation,
      "stopped",
      null,
    ],
    [
      "stopped, its rotation's new token deleted",
      [expired(old)],
      { ...expiredWarning, tokenId: "old" },
      stopped,
      rotation,
      "stopped",
      null,
    ],
  ] as const)("%s", (_case, tokens, expiry, stop, watched, banner, phase) => {
    const view = tokenHealthView({ tokens: [...tokens], expiry, stopped: stop }, watched);
    expect(view.banner?.kind ?? null).toBe(banner);
    expect(view.rotation?.phase ?? null).toBe(phase);
  });

  it("the stopped banner carries the expired token and the last rejected request", () => {
    const view = tokenHealthView({ tokens: [expired(old), expired(used)], expiry: expiredWarning, stopped }, rotation);
    expect(view.banner).toEqual({ kind: "stopped", stopped, expiry: expiredWarning });
  });

  it("after the switch, offers to delete exactly the tokens the rotation replaces", () => {
    const other = token("other");
    const view = tokenHealthView({ tokens: [old, used, other], expiry: null, stopped: null }, rotation);
    expect(view.rotation).toMatchObject({ phase: "switched", fresh: { id: "new", lastUsedAt: used.lastUsedAt } });
    expect(view.rotation?.phase === "switched" ? view.rotation.old.map((t) => t.id) : null).toEqual(["old"]);
  });

  it("a rotation whose new token was deleted is over", () => {
    expect(tokenHealthView({ tokens: [old], expiry: expiring, stopped: null }, rotation)).toMatchObject({
      banner: { kind: "expiring" },
      rotation: null,
    });
  });
});
