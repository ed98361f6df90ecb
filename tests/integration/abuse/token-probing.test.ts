// Guessing tokens online: a guess that shares a real token's prefix is answered exactly as
// a random guess is (same status, headers that matter, body and audit entry), so neither the
// answer nor the log tells an attacker they are "close". Timings are deliberately not
// asserted: tests/unit/security/token-lookup.test.ts checks the structure that makes them
// uninformative (one lookup by the hash of the whole token).
import { beforeAll, describe, expect, it } from "vitest";
import { hardeningReport } from "../../fuzz/hardening-report";
import { eventsOf, scimOrg, type ScimOrg, type ScimResult } from "../scim/scim-client";

const report = hardeningReport("abuse-token-probing");
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const randomRest = (n: number) => Array.from({ length: n }, () => ALPHABET[Math.floor(Math.random() * ALPHABET.length)]).join("");

function answer(res: ScimResult) {
  return {
    status: res.status,
    body: res.body,
    type: res.headers.get("content-type"),
    auth: res.headers.get("www-authenticate"),
    retry: res.headers.get("retry-after"),
  };
}

describe("token probing", () => {
  let ctx: ScimOrg;
  beforeAll(async () => {
    ctx = await scimOrg();
  });

  it("a guess with a real token's prefix gets the same answer as a random guess", async () => {
    const prefix = ctx.scim.token.slice(0, 11); // "scim_" + the 6 characters the console shows
    const headers = { "X-Forwarded-For": "198.51.100.99" }; // its own address: these 401s count against nobody else
    for (let i = 0; i < 5; i++) {
      const close = await ctx.scim.get("/Users", { token: prefix + randomRest(43 - 6), headers });
      const random = await ctx.scim.get("/Users", { token: "scim_" + randomRest(43), headers });
      report.requests += 2;
      report.cases++;
      expect(answer(close)).toEqual(answer(random));
      expect(close.status).toBe(401);
    }
    // Nor does the audit log single out near misses.
    const failures = await eventsOf(ctx.org.orgId, "scim.auth.failed");
    expect(failures.length).toBeGreaterThanOrEqual(10);
    const shapes = new Set(failures.map((e) => JSON.stringify([e.actorType, e.actorLabel, e.detail, e.status])));
    expect([...shapes]).toEqual([JSON.stringify(["anonymous", null, "The bearer token is not valid.", 401])]);
  });

  it("the real token still works", async () => {
    report.requests++;
    expect((await ctx.scim.get("/Users")).status).toBe(200);
  });
});
