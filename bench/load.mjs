// The load generator, run as its own process (pinned to another core than the server).
// Usage: node bench/load.mjs <case> <mode> <config.json>   mode: saturate | fixed | warm
// Prints one JSON line: { rps, p50, p99, errors, non2xx }.
import autocannon from "autocannon";
import { readFileSync } from "node:fs";

const [name, mode, configFile] = process.argv.slice(2);
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
  listPage: () => ({ method: "GET", path: `${base}/Users?startIndex=${1 + 100 * rnd(Math.max(1, Math.floor(cfg.ids.length / 100)))}&count=100` }),
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

// The console's members and activity pages (their API), signed in as the owner.
CASES.consolePages = () => ({ method: "GET", path: pick(cfg.paths) });

const make = CASES[name];
if (!make) throw new Error(`unknown case ${name}`);
const result = await autocannon({
  url: cfg.baseUrl,
  connections: cfg.connections ?? 10,
  duration: mode === "warm" ? 3 : mode === "fixed" ? (cfg.fixedSeconds ?? 10) : (cfg.seconds ?? 10),
  overallRate: mode === "fixed" ? (cfg.rate ?? 100) : undefined,
  headers: cfg.cookie ? { Cookie: cfg.cookie } : { Authorization: `Bearer ${cfg.token}`, "Content-Type": json, Accept: json },
  requests: [{ setupRequest: (req) => ({ ...req, ...make() }) }],
});
console.log(
  JSON.stringify({
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  }),
);
