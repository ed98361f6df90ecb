// The load generator, run as its own process (pinned to another core than the server).
// Usage: node bench/load.mjs <case> <mode> <config.json> [seconds]   mode: saturate | steady | bursty | warm
// Prints one JSON line: { rps, requests, p50, p99, errors, non2xx }.
//   saturate  autocannon, 10 connections, as fast as the server answers
//   steady    open loop: one request every 1/rate s, evenly spaced, latency counted from the
//             moment the request was due (so a stalled server cannot hide its backlog)
//   bursty    `autocannon -R rate`: each connection sends its share of the second back to back at
//             the start of every second, so this is latency under 100-request bursts, not at a
//             steady rate (see bench/README.md)
import autocannon from "autocannon";
import http from "node:http";
import { readFileSync } from "node:fs";

const [name, mode, configFile, secondsArg] = process.argv.slice(2);
const cfg = JSON.parse(readFileSync(configFile, "utf8"));
const rnd = (n) => Math.floor(Math.random() * n);
const pick = (arr) => arr[rnd(arr.length)];
const base = `/scim/v2/${cfg.orgId}`;
const json = "application/scim+json";
let seq = 0;
const run = `${process.pid}-${Date.now()}`;

const newUser = (userName) => ({
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
  userName,
  externalId: userName,
  active: true,
  name: { givenName: "Bench", familyName: "User" },
  emails: [{ value: userName, type: "work", primary: true }],
});

const CASES = {
  filter: () => ({ method: "GET", path: `${base}/Users?filter=${encodeURIComponent(`userName eq "${pick(cfg.userNames)}"`)}` }),
  getById: () => ({ method: "GET", path: `${base}/Users/${pick(cfg.ids)}` }),
  listPage: () => ({
    method: "GET",
    path: `${base}/Users?startIndex=${1 + 100 * rnd(Math.max(1, Math.floor(cfg.ids.length / 100)))}&count=100`,
  }),
  create: () => ({ method: "POST", path: `${base}/Users`, body: JSON.stringify(newUser(`new-${run}-${seq++}@bench.example`)) }),
  patch: () => ({
    method: "PATCH",
    path: `${base}/Users/${pick(cfg.ids)}`,
    body: JSON.stringify({
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [
        { op: "Replace", path: "name.familyName", value: `Family${seq++}` },
        { op: "Replace", path: 'emails[type eq "work"].value', value: `patched${seq}@bench.example` },
      ],
    }),
  }),
  put: () => {
    const i = rnd(cfg.ids.length);
    return {
      method: "PUT",
      path: `${base}/Users/${cfg.ids[i]}`,
      body: JSON.stringify({ ...newUser(cfg.userNames[i]), id: cfg.ids[i], title: `Title ${seq++}` }),
    };
  },
};

// Groups (issue 12): Entra's match and read (never the members), and one member added or
// removed per PATCH on the group that holds all 10,000 (alternately, so it stays full).
const patchOp = (Operations) => JSON.stringify({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations });
CASES.groupFilter = () => ({
  method: "GET",
  path: `${base}/Groups?filter=${encodeURIComponent(`displayName eq "${cfg.groupName}"`)}&excludedAttributes=members`,
});
CASES.groupGet = () => ({ method: "GET", path: `${base}/Groups/${cfg.groupId}?excludedAttributes=members` });
// Request 2k removes a member, request 2k+1 adds that member back: the group stays (nearly) full.
const patchStart = rnd(cfg.ids.length);
CASES.groupPatch = () => {
  const id = cfg.ids[(patchStart + Math.floor(seq / 2)) % cfg.ids.length];
  const remove = seq++ % 2 === 0;
  return {
    method: "PATCH",
    path: `${base}/Groups/${cfg.groupId}`,
    body: patchOp(
      remove ? [{ op: "remove", path: `members[value eq "${id}"]` }] : [{ op: "add", path: "members", value: [{ value: id }] }],
    ),
  };
};
// The issue's target rate for group PATCHes (p99 < 20 ms at a steady 50 req/s); everything else 100.
const STEADY_RATE = { groupPatch: 50 };

// The console's members and activity pages (their API), signed in as the owner.
CASES.consolePages = () => ({ method: "GET", path: pick(cfg.paths) });

const make = CASES[name];
if (!make) throw new Error(`unknown case ${name}`);
const headers = cfg.cookie ? { Cookie: cfg.cookie } : { Authorization: `Bearer ${cfg.token}`, "Content-Type": json, Accept: json };
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/** Open-loop load at a fixed rate: request i is due at start + i/rate, whatever came before. */
async function steady(rate, seconds) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: cfg.connections ?? 10 });
  const url = new URL(cfg.baseUrl);
  const total = Math.round(rate * seconds);
  const latencies = [];
  let errors = 0;
  let non2xx = 0;
  const send = (due) =>
    new Promise((resolve) => {
      const r = make();
      const req = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method: r.method,
          path: r.path,
          headers: r.body ? { ...headers, "Content-Length": Buffer.byteLength(r.body) } : headers,
        },
        (res) => {
          res.on("data", () => {});
          res.on("end", () => {
            latencies.push(performance.now() - due);
            if (res.statusCode < 200 || res.statusCode >= 300) non2xx++;
            resolve();
          });
        },
      );
      req.setTimeout(10_000, () => req.destroy(new Error("timeout")));
      req.on("error", () => {
        errors++;
        resolve();
      });
      req.end(r.body);
    });
  const start = performance.now() + 50;
  const inFlight = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    // Timers may fire up to a millisecond early: never send before the request is due.
    for (let wait = due - performance.now(); wait > 0; wait = due - performance.now())
      await new Promise((r) => setTimeout(r, Math.ceil(wait)));
    inFlight.push(send(due));
  }
  await Promise.all(inFlight);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const round = (v) => +v.toFixed(1);
  return { rps: rate, requests: total, p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)), errors, non2xx };
}

if (mode === "steady") {
  console.log(JSON.stringify(await steady(STEADY_RATE[name] ?? cfg.rate ?? 100, cfg.fixedSeconds ?? 10)));
  process.exit(0);
}

const result = await autocannon({
  url: cfg.baseUrl,
  connections: cfg.connections ?? 10,
  duration: Number(secondsArg) || (mode === "warm" ? 3 : mode === "bursty" ? (cfg.fixedSeconds ?? 10) : (cfg.seconds ?? 10)),
  overallRate: mode === "bursty" ? (cfg.rate ?? 100) : undefined,
  headers,
  requests: [{ setupRequest: (req) => ({ ...req, ...make() }) }],
});
console.log(
  JSON.stringify({
    rps: Math.round(result.requests.average),
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  }),
);
