// Single-request timings on groups of this organization's size (issue 12's targets), each taken
// 5 times and reported as median and max, sequentially, nothing else in flight:
//   add1000  a PATCH adding 1,000 members to an empty group (< 500 ms)
//   fullGet  GET /Groups/<id> of the group holding all 10,000 members, members included (< 250 ms)
//   delete   DELETE of a 10,000-member group (< 500 ms; the group is created first, untimed)
// Usage: node bench/group-timings.mjs <config.json>. Prints one JSON line.
import { readFileSync } from "node:fs";

const cfg = JSON.parse(readFileSync(process.argv[2], "utf8"));
const headers = { Authorization: `Bearer ${cfg.token}`, "Content-Type": "application/scim+json", Accept: "application/scim+json" };
const base = `${cfg.baseUrl}/scim/v2/${cfg.orgId}`;
const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
const run = Date.now();
const TIMES = 5;

async function call(method, path, body, expect) {
  const started = performance.now();
  const res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const ms = performance.now() - started;
  if (res.status !== expect) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 200)}`);
  return { ms, body: text ? JSON.parse(text) : null };
}

const createGroup = async (name, members = []) =>
  (
    await call(
      "POST",
      "/Groups?excludedAttributes=members",
      { schemas: [GROUP], displayName: name, members: members.map((value) => ({ value })) },
      201,
    )
  ).body.id;

function summary(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return {
    medianMs: +s[Math.floor(s.length / 2)].toFixed(1),
    maxMs: +s[s.length - 1].toFixed(1),
    samplesMs: samples.map((x) => +x.toFixed(1)),
  };
}

// The load cases removed and re-added members: make the big group hold every member again.
await call(
  "PATCH",
  `/Groups/${cfg.groupId}`,
  {
    schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
    Operations: [{ op: "add", path: "members", value: cfg.ids.map((value) => ({ value })) }],
  },
  204,
);

const add1000 = [];
const fullGet = [];
const del = [];
let fullMembers = 0;
for (let i = 0; i < TIMES; i++) {
  const id = await createGroup(`bench-add-${run}-${i}`);
  const slice = cfg.ids.slice((i * 1000) % cfg.ids.length, ((i * 1000) % cfg.ids.length) + 1000);
  add1000.push(
    (
      await call(
        "PATCH",
        `/Groups/${id}`,
        {
          schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
          Operations: [{ op: "add", path: "members", value: slice.map((value) => ({ value })) }],
        },
        204,
      )
    ).ms,
  );
  await call("DELETE", `/Groups/${id}`, undefined, 204);

  const got = await call("GET", `/Groups/${cfg.groupId}`, undefined, 200);
  fullGet.push(got.ms);
  fullMembers = got.body.members.length;

  const big = await createGroup(`bench-delete-${run}-${i}`, cfg.ids);
  del.push((await call("DELETE", `/Groups/${big}`, undefined, 204)).ms);
}
console.log(
  JSON.stringify({ add1000: summary(add1000), fullGet: { ...summary(fullGet), members: fullMembers }, delete10000: summary(del) }),
);
