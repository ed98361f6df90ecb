// Rate limits, against a second `next start` on the same database with tiny limits (the
// shared test server keeps the generous defaults, so other suites are never throttled), and
// behind a pretend proxy (TRUST_PROXY=1) so each test can speak from its own address.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createToken } from "../../helpers/fixtures";
import { startServer, type RunningServer } from "../../setup/server-process";
import { hardeningReport } from "../../fuzz/hardening-report";
import { ERROR, ScimClient, eventsOf, scimOrg } from "../scim/scim-client";

const report = hardeningReport("abuse-rate-limit");
const LIMITS = {
  SCIM_RATE_LIMIT_PER_SECOND: "2",
  SCIM_RATE_LIMIT_BURST: "5",
  SCIM_AUTH_MAX_FAILURES: "5",
  SCIM_AUTH_FAILURE_WINDOW_SECONDS: "600",
  TRUST_PROXY: "1",
};
const BAD_TOKEN = `scim_${"B".repeat(43)}`;

let server: RunningServer;

/** A SCIM client against the throttled server, speaking from `address` (as our proxy would report it). */
function clientOn(orgId: string, token: string, address: string) {
  const client = new ScimClient(orgId, token);
  Object.defineProperty(client, "base", { get: () => `${server.baseUrl}/scim/v2/${orgId}` });
  const send = client.request.bind(client);
  client.request = (method, p, body, opts = {}) => {
    report.requests++;
    report.cases++;
    return send(method, p, body, { ...opts, headers: { "X-Forwarded-For": address, ...opts.headers } });
  };
  return client;
}

function expect429(res: { status: number; headers: Headers; body: Record<string, unknown> }) {
  expect(res.status).toBe(429);
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  expect(res.headers.get("content-type")).toBe("application/scim+json; charset=utf-8");
  expect(res.body).toEqual({ schemas: [ERROR], status: "429", detail: expect.any(String) as unknown });
}

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "scim-throttled-"));
  server = await startServer({ databaseUrl: inject("databaseUrl"), logFile: path.join(dir, "server.log"), env: LIMITS });
}, 90_000);
afterAll(async () => server?.stop());

describe("per-token rate limit", () => {
  it("answers a flood with 429, Retry-After and a SCIM error, and logs it once", async () => {
    const { org, scim } = await scimOrg();
    const flood = clientOn(org.orgId, scim.token, "198.51.100.10");
    const results = await Promise.all(Array.from({ length: 20 }, () => flood.get("/Users?count=1")));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(5); // the burst
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    const throttled = results.filter((r) => r.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    expect429(throttled[0]!);
    expect(throttled[0]!.body.detail).toMatch(/at most 2 requests per second per token/);

    const events = await eventsOf(org.orgId, "scim.request.throttled");
    expect(events).toHaveLength(1); // once a minute, not once per refused request
    expect(events[0]).toMatchObject({
      actorType: "token",
      actorLabel: scim.token.slice(0, 11),
      outcome: "failure",
      status: 429,
      targetLabel: "GET /Users",
    });
  });

  it("charges each token its own budget", async () => {
    const { org, scim } = await scimOrg();
    const first = clientOn(org.orgId, scim.token, "198.51.100.11");
    const second = clientOn(org.orgId, await createToken(org), "198.51.100.11");
    const flood = await Promise.all(Array.from({ length: 15 }, () => first.get("/ServiceProviderConfig")));
    expect(flood.some((r) => r.status === 429)).toBe(true);
    expect((await second.get("/ServiceProviderConfig")).status).toBe(200);
  });
});

describe("failed-authentication throttle per client address", () => {
  it("refuses an address after too many failures, before looking at its token", async () => {
    const { org, scim } = await scimOrg();
    const attacker = "203.0.113.66";
    const guesser = clientOn(org.orgId, BAD_TOKEN, attacker);
    for (let i = 0; i < 5; i++) expect((await guesser.get("/Users")).status).toBe(401);
    const failuresBefore = (await eventsOf(org.orgId, "scim.auth.failed")).length;

    expect429(await guesser.get("/Users"));
    // Even the right token is refused from that address: nothing is looked up any more…
    expect429(await clientOn(org.orgId, scim.token, attacker).get("/Users"));
    expect((await eventsOf(org.orgId, "scim.auth.failed")).length).toBe(failuresBefore);
    // …and a client-written X-Forwarded-For entry does not buy a fresh address behind the proxy.
    expect429(await clientOn(org.orgId, BAD_TOKEN, `192.0.2.${Math.floor(Math.random() * 200)}, ${attacker}`).get("/Users"));

    // The identity provider, elsewhere, is not affected.
    expect((await clientOn(org.orgId, scim.token, "198.51.100.20").get("/Users")).status).toBe(200);

    const events = await eventsOf(org.orgId, "scim.auth.throttled");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: "anonymous", targetLabel: attacker, outcome: "failure", status: 429 });
  });
});

describe("defaults on the shared server", () => {
  it("let an Entra-sized burst through (50 parallel requests on one token)", async () => {
    const { scim } = await scimOrg();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => scim.get("/Users?filter=userName+eq+%22nobody%40contoso.example%22")),
    );
    report.requests += results.length;
    report.cases += results.length;
    expect(results.map((r) => r.status)).toEqual(Array.from({ length: 50 }, () => 200));
  });
});
