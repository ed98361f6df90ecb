// Entra's initial cycle for N new users: filter by userName (0 results) → POST, with a few
// users in flight at once, as the provisioning service does. Prints { seconds, users, failures }.
import { readFileSync } from "node:fs";

const cfg = JSON.parse(readFileSync(process.argv[2], "utf8"));
const users = Number(process.argv[3] ?? 2000);
const parallel = Number(process.argv[4] ?? 10);
const headers = { Authorization: `Bearer ${cfg.token}`, "Content-Type": "application/scim+json" };
const base = `${cfg.baseUrl}/scim/v2/${cfg.orgId}`;
const run = Date.now();
let next = 0;
let failures = 0;

async function worker() {
  while (next < users) {
    const userName = `cycle-${run}-${next++}@bench.example`;
    const found = await fetch(`${base}/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`, { headers });
    const list = await found.json();
    if (found.status !== 200 || list.totalResults !== 0) failures++;
    const res = await fetch(`${base}/Users`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
        userName,
        active: true,
        name: { givenName: "Cycle", familyName: "User" },
        emails: [{ value: userName, type: "work", primary: true }],
      }),
    });
    await res.arrayBuffer();
    if (res.status !== 201) failures++;
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: parallel }, worker));
console.log(JSON.stringify({ seconds: +((performance.now() - started) / 1000).toFixed(2), users, failures }));
