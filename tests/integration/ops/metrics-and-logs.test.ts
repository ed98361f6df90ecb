// /metrics and the request log against a real `next start` of its own (METRICS_TOKEN set,
// one trusted proxy, its output captured): what an operator scrapes and greps.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { consoleApiAt, signIn } from "../../helpers/console-client";
import { createOrganization, enableScimWithToken, type TestOrganization } from "../../helpers/fixtures";
import { baseUrl } from "../../helpers/server";
import { startServer, type RunningServer } from "../../setup/server-process";
import { ScimClientAt } from "../../stress/support/scim-at";

const METRICS_TOKEN = "metrics-token-for-the-integration-test";
let dir: string;
let server: RunningServer;
let org: TestOrganization;
let token: string;
let scim: ScimClientAt;

const scrape = async (authorization?: string) => {
  const res = await fetch(`${server.baseUrl}/metrics`, { headers: authorization ? { Authorization: authorization } : {} });
  return { status: res.status, headers: res.headers, text: await res.text() };
};
const series = (text: string, name: string) => text.split("\n").filter((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
const logLines = () =>
  readFileSync(path.join(dir, "server.log"), "utf8")
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** Request lines reach stdout in blocks, at least every 200 ms (lib/ops/logger.ts): wait for the one wanted. */
async function untilLogged(wanted: (l: Record<string, unknown>) => boolean): Promise<Record<string, unknown> | undefined> {
  for (let waited = 0; waited < 3000; waited += 50) {
    const line = logLines().find(wanted);
    if (line) return line;
    await new Promise((r) => setTimeout(r, 50));
  }
  return undefined;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "scim-ops-"));
  org = await createOrganization();
  token = await enableScimWithToken(org);
  server = await startServer({
    databaseUrl: inject("databaseUrl"),
    logFile: path.join(dir, "server.log"),
    env: { METRICS_TOKEN, TRUST_PROXY: "1", LOG_LEVEL: "info" },
  });
  scim = new ScimClientAt(org.orgId, token, server.baseUrl);
});
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("GET /metrics", () => {
  it("is off (404) when METRICS_TOKEN is not set", async () => {
    const res = await fetch(`${baseUrl()}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(404);
  });

  it("wants the bearer token when it is set", async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape(`Bearer ${METRICS_TOKEN}x`)).status).toBe(401);
    expect((await scrape(`Bearer ${METRICS_TOKEN.slice(0, -1)}`)).status).toBe(401);
    expect((await scrape(`Basic ${Buffer.from(`x:${METRICS_TOKEN}`).toString("base64")}`)).status).toBe(401);
    const ok = await scrape(`Bearer ${METRICS_TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it("counts SCIM traffic, refusals and token expiry after real requests", async () => {
    expect((await scim.request("GET", "/Users")).status).toBe(200);
    expect((await scim.request("POST", "/Users", { userName: "dup.metrics@contoso.example" })).status).toBe(201);
    expect((await scim.request("POST", "/Users", { userName: "dup.metrics@contoso.example" })).status).toBe(409);
    expect((await scim.request("GET", "/ServiceProviderConfig")).status).toBe(200);
    expect(
      (await fetch(`${scim.base}/Users`, { headers: { Authorization: "Bearer scim_not-a-real-token-0123456789abcdefghijklmnop" } })).status,
    ).toBe(401);
    expect((await fetch(`${scim.base}/Users`)).status).toBe(401);
    const cookie = await signIn(org.owner.email, org.owner.password, server.baseUrl);
    expect((await consoleApiAt(server.baseUrl, cookie, "GET", `/api/organizations/${org.orgId}/members`)).status).toBe(200);

    const { text } = await scrape(`Bearer ${METRICS_TOKEN}`);
    const value = (line: string) =>
      Number(
        text
          .split("\n")
          .find((l) => l.startsWith(line + " "))
          ?.split(" ")[1] ?? NaN,
      );
    expect(value('scim_requests_total{method="GET",resource="Users",status="200",scim_type=""}')).toBeGreaterThanOrEqual(1);
    expect(value('scim_requests_total{method="POST",resource="Users",status="409",scim_type="uniqueness"}')).toBeGreaterThanOrEqual(1);
    expect(value('scim_requests_total{method="GET",resource="ServiceProviderConfig",status="200",scim_type=""}')).toBeGreaterThanOrEqual(1);
    expect(value('scim_request_duration_seconds_count{method="POST",resource="Users"}')).toBeGreaterThanOrEqual(2);
    expect(value(`scim_auth_failures_total{reason="unknown",organization_id="${org.orgId}"}`)).toBeGreaterThanOrEqual(1);
    expect(value(`scim_auth_failures_total{reason="missing",organization_id="${org.orgId}"}`)).toBeGreaterThanOrEqual(1);
    expect(
      value('console_api_requests_total{method="GET",route="/api/organizations/[orgId]/members",status="200"}'),
    ).toBeGreaterThanOrEqual(1);
    // A fresh token is valid for a year.
    const days = value(`scim_token_next_expiry_days{organization_id="${org.orgId}"}`);
    expect(days).toBeGreaterThan(360);
    expect(days).toBeLessThanOrEqual(366);
    expect(series(text, "process_cpu_user_seconds_total")).toHaveLength(1);
    expect(series(text, "nodejs_eventloop_lag_seconds")).toHaveLength(1);
    // Neither the token nor a user name is ever a label value.
    expect(text).not.toContain(token);
    expect(text).not.toContain("dup.metrics@contoso.example");
  });

  it("keeps the number of series bounded whatever paths and ids are sent", async () => {
    const before = await scrape(`Bearer ${METRICS_TOKEN}`);
    const count = (text: string) => series(text, "scim_requests_total").length + series(text, "console_api_requests_total").length;
    const cookie = await signIn(org.owner.email, org.owner.password, server.baseUrl);
    const junks: string[] = [];
    // Another address (TRUST_PROXY=1): its 150 failed authentications trip the address throttle, not this test's.
    const elsewhere = { Authorization: `Bearer ${token}`, "X-Forwarded-For": "203.0.113.7" };
    for (let i = 0; i < 150; i++) {
      const junk = `${i}-${Math.random().toString(36).slice(2)}`;
      junks.push(junk);
      await scim.request("GET", `/Users/${junk}`);
      await scim.request("GET", `/${junk}`);
      await scim.request("GET", `/Users?filter=${encodeURIComponent(`userName eq "u${junk}@contoso.example"`)}`);
      await fetch(`${server.baseUrl}/scim/v2/${junk}/Users`, { headers: elsewhere });
      await consoleApiAt(server.baseUrl, cookie, "GET", `/api/organizations/${junk}/members`);
      await consoleApiAt(server.baseUrl, cookie, "GET", `/api/organizations/${org.orgId}/members/${junk}`);
    }
    const after = await scrape(`Bearer ${METRICS_TOKEN}`);
    // 900 distinct URLs: a handful of new series (404s, auth failures, 429s), never one per URL.
    expect(count(after.text) - count(before.text)).toBeLessThan(12);
    for (const junk of junks) expect(after.text).not.toContain(junk);
    expect(
      Number(
        series(after.text, "rate_limited_total")
          .find((l) => l.includes('limiter="scim_address"'))
          ?.split(" ")[1],
      ),
    ).toBeGreaterThanOrEqual(1);
  }, 120_000);
});

describe("request log", () => {
  it("writes one JSON line per request with id, method, route pattern, organization, status and duration", async () => {
    const res = await scim.request("GET", "/Users?count=1");
    const reqId = res.headers.get("x-request-id");
    expect(reqId).toMatch(/^[0-9a-f-]{36}$/);
    const line = await untilLogged((l) => l.reqId === reqId);
    expect(line).toMatchObject({
      level: "info",
      msg: "request",
      face: "scim",
      method: "GET",
      route: "/scim/v2/[orgId]/Users",
      orgId: org.orgId,
      status: 200,
    });
    // The same envelope as pino's other lines (lib/ops/logger.ts writes request lines itself).
    expect(Object.keys(line ?? {}).slice(0, 3)).toEqual(["level", "time", "pid"]);
    expect(line).toMatchObject({ time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), pid: expect.any(Number) });
    expect(typeof line?.ms).toBe("number");
  });

  it("takes X-Request-Id from the trusted proxy (TRUST_PROXY=1) when it has a plain shape", async () => {
    const sent = "proxy-4bf92f3577b34da6a3ce929d0e0e4736";
    const res = await scim.request("GET", "/Users?count=1", undefined, { headers: { "X-Request-Id": sent } });
    expect(res.headers.get("x-request-id")).toBe(sent);
    const odd = await scim.request("GET", "/Users?count=1", undefined, { headers: { "X-Request-Id": 'has spaces and "quotes"' } });
    expect(odd.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("generates the request id when no proxy is trusted (TRUST_PROXY=0)", async () => {
    const res = await fetch(`${baseUrl()}/scim/v2/${org.orgId}/Users`, {
      headers: { Authorization: `Bearer ${token}`, "X-Request-Id": "from-the-client" },
    });
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("never writes a token, an Authorization header, a password, a client secret or a SAML response", async () => {
    const fakeToken = "scim_FAKEfakeFAKEfake0123456789abcdefghijklmnopq";
    const secrets = [
      token,
      fakeToken,
      "hunter2-Correct-Horse",
      org.owner.password,
      "oidc-client-secret-value-42",
      "PHNhbWxwOlJlc3BvbnNlIHNlY3JldA",
      "dXNlcjpwYXNzd29yZC1iYXNpYw",
    ];
    // The valid token in its header, on every face.
    await scim.request("GET", "/Users");
    await scim.request("GET", `/Users?filter=${encodeURIComponent(`userName eq "${fakeToken}"`)}&access_token=${fakeToken}`);
    await scim.request("POST", "/Users", {
      userName: `${fakeToken}@contoso.example`,
      password: "hunter2-Correct-Horse",
      externalId: fakeToken,
    });
    await scim.request("POST", "/Users", "{ not json " + fakeToken, { rawBody: `{"userName": "${fakeToken}` });
    await scim.request("GET", `/${fakeToken}`);
    await fetch(`${server.baseUrl}/scim/v2/${fakeToken}/Users`, { headers: { Authorization: `Bearer ${fakeToken}` } });
    await fetch(`${scim.base}/Users`, { headers: { Authorization: "Basic dXNlcjpwYXNzd29yZC1iYXNpYw" } });
    // Passwords through next-auth's sign-in, right and wrong.
    await signIn(org.owner.email, "hunter2-Correct-Horse", server.baseUrl);
    const cookie = await signIn(org.owner.email, org.owner.password, server.baseUrl);
    // Secrets in console API bodies and queries (a client secret, a SAML response).
    await consoleApiAt(
      server.baseUrl,
      cookie,
      "POST",
      `/api/organizations/${org.orgId}/scim/disable?client_secret=oidc-client-secret-value-42`,
      {
        confirm: "no",
        clientSecret: "oidc-client-secret-value-42",
        SAMLResponse: "PHNhbWxwOlJlc3BvbnNlIHNlY3JldA",
      },
    );
    await fetch(`${server.baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Authorization: `Bearer ${token}` },
      body: new URLSearchParams({ SAMLResponse: "PHNhbWxwOlJlc3BvbnNlIHNlY3JldA", password: "hunter2-Correct-Horse" }),
    });
    // A newly created token is shown once, in its response only.
    const created = await consoleApiAt<{ token: string }>(server.baseUrl, cookie, "POST", `/api/organizations/${org.orgId}/scim/tokens`);
    expect(created.status).toBe(201);
    secrets.push(created.body.token);
    expect(
      await untilLogged((l) => l.msg === "request" && l.route === "/api/organizations/[orgId]/scim/tokens" && l.status === 201),
    ).toBeDefined();

    const log = readFileSync(path.join(dir, "server.log"), "utf8");
    expect(log.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(log, `the log holds ${secret.slice(0, 8)}…`).not.toContain(secret);
    expect(log).not.toMatch(/authorization/i);
    // Every request above has its line.
    expect(logLines().filter((l) => l.msg === "request" && l.face === "auth").length).toBeGreaterThanOrEqual(4);
    expect(logLines().some((l) => l.msg === "request" && l.route === "/api/organizations/[orgId]/scim/tokens" && l.status === 201)).toBe(
      true,
    );
  });
});
