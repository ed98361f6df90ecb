// The SCIM API's hot paths called in-process, without HTTP or Next: CPU µs per request of our own
// code (admit → token check → store read → resource → Response), each request run inside an
// AsyncLocalStorage context as Next runs it, so that every promise pays the async hooks it pays
// there. For comparing two versions of lib/ on the same machine (run each alternately, or both
// at once pinned to one core each), not for absolute figures:
//   npx tsx bench/scim-in-process.ts [rounds=7] [requests per round=4000]
// SQLite only (a fresh file under the system's temporary directory). On a shared machine CPU time
// drifts by tens of percent; two counts that do not drift: the promises made per request (printed
// too), and instructions: with CALLGRIND=1, under
//   valgrind --tool=callgrind --callgrind-out-file=cg.out node --import tsx bench/scim-in-process.ts 3 1000
// each round of each case is one dump (cg.out.1, .2, …: its `totals:` line ÷ requests per round).
import { AsyncLocalStorage, createHook } from "node:async_hooks";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROUNDS = Number(process.argv[2] ?? 7);
const REQUESTS = Number(process.argv[3] ?? 4000);

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "scim-in-process-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  Object.assign(process.env, {
    DATABASE_URL: url,
    SCIM_RATE_LIMIT_PER_SECOND: "0",
    LOG_LEVEL: "silent",
    NEXTAUTH_SECRET: "bench-secret-in-process",
    SCHEDULED_JOBS: "off",
  });

  // @ts-expect-error -- plain ESM script without types
  const { migrate } = (await import("../scripts/migrate.mjs")) as { migrate: (url: string) => Promise<string[]> };
  await migrate(url);
  const { createOrganization, enableScimWithToken } = await import("../tests/helpers/fixtures");
  const { handleScimRequest } = await import("../lib/scim/http/handle-scim-request");
  const { closeDatabase } = await import("../lib/db");

  const org = await createOrganization();
  const token = await enableScimWithToken(org);
  const base = `http://127.0.0.1/scim/v2/${org.orgId}`;
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/scim+json" };
  const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  const first = await handleScimRequest(
    new Request(`${base}/Users`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        schemas: [USER],
        userName: "bench.user@contoso.example",
        name: { givenName: "Bench", familyName: "User" },
        active: true,
      }),
    }),
    org.orgId,
    ["Users"],
  );
  const { id } = (await first.json()) as { id: string };
  let created = 0;

  const als = new AsyncLocalStorage<object>();
  const cases: Record<string, () => Promise<Response>> = {
    getById: () => Promise.resolve(handleScimRequest(new Request(`${base}/Users/${id}`, { headers }), org.orgId, ["Users", id])),
    filter: () =>
      Promise.resolve(
        handleScimRequest(
          new Request(`${base}/Users?filter=${encodeURIComponent('userName eq "bench.user@contoso.example"')}`, { headers }),
          org.orgId,
          ["Users"],
        ),
      ),
    // One raw-driver transaction a request: the member, its email, the audit event.
    create: () =>
      Promise.resolve(
        handleScimRequest(
          new Request(`${base}/Users`, {
            method: "POST",
            headers,
            body: JSON.stringify({ schemas: [USER], userName: `u${++created}@contoso.example`, active: true }),
          }),
          org.orgId,
          ["Users"],
        ),
      ),
  };

  let promises = 0;
  const counting = createHook({ init: (_id, type) => void (type === "PROMISE" && promises++) });
  // callgrind_control is served while this process runs code: spin the event loop until it answers.
  async function callgrind(option: "-z" | "-d"): Promise<void> {
    if (process.env.CALLGRIND !== "1") return;
    const child = spawn("callgrind_control", [option, String(process.pid)], { stdio: "ignore" });
    while (child.exitCode === null) await new Promise((resolve) => setImmediate(resolve));
  }
  async function round(run: () => Promise<Response>): Promise<number> {
    await callgrind("-z");
    const before = process.cpuUsage();
    for (let i = 0; i < REQUESTS; i++) {
      const res = await als.run({}, run);
      if (res.status >= 300) throw new Error(`status ${res.status}`);
    }
    const used = process.cpuUsage(before);
    await callgrind("-d");
    return (used.user + used.system) / REQUESTS;
  }
  async function promisesPerRequest(run: () => Promise<Response>): Promise<number> {
    promises = 0;
    counting.enable();
    for (let i = 0; i < 100; i++) await als.run({}, run);
    counting.disable();
    return promises / 100;
  }

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  for (const [name, run] of Object.entries(cases)) {
    for (let i = 0; i < REQUESTS; i++) await als.run({}, run); // warm-up: JIT, statement caches
    const rounds: number[] = [];
    for (let r = 0; r < ROUNDS; r++) rounds.push(await round(run));
    console.log(
      `${name}: median ${median(rounds).toFixed(1)} µs CPU/request (rounds ${rounds.map((x) => x.toFixed(1)).join(", ")}); ${await promisesPerRequest(run)} promises/request`,
    );
  }
  await closeDatabase();
  rmSync(dir, { recursive: true, force: true });
}

void main();
