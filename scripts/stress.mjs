// npm run test:stress: the long fault-injection suites (tests/stress/**, vitest.stress.config.ts)
// against the production build — SIGKILL mid-load and database outages — on SQLite, then on
// PostgreSQL (skipped, with the reason, when no server answers), then docs/HARDENING.md.
// Loopback only. Tune with STRESS_ROUNDS (kill rounds, default 8) and STRESS_OUTAGES (default 3).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { buildIsStale } from "./build-state.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
process.env.NEXT_TELEMETRY_DISABLED = "1";
const node = (args, env = {}) => spawnSync(process.execPath, args, { stdio: "inherit", env: { ...process.env, ...env } }).status === 0;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Another `next build` in this tree would overwrite .next under our feet: wait for it. */
async function waitForOtherBuilds() {
  while (spawnSync("pgrep", ["-f", "next build"]).status === 0) {
    console.log("Another `next build` is running; waiting…");
    await sleep(3000);
  }
}

async function postgresProblem(url) {
  try {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    await client.connect();
    await client.end();
    return null;
  } catch (err) {
    return `${url.replace(/\/\/[^@]*@/, "//…@")} is not reachable (${err.message})`;
  }
}

const started = Date.now();
await waitForOtherBuilds();
if (buildIsStale()) {
  console.log("▶ build (sources changed since the last one)");
  if (!node(["node_modules/next/dist/bin/next", "build"])) process.exit(1);
}

async function vitest(env) {
  await waitForOtherBuilds(); // the servers under test run from .next
  return node(["node_modules/vitest/vitest.mjs", "run", "--config", "vitest.stress.config.ts"], env);
}
const results = [];
console.log("\n▶ stress suites on SQLite");
results.push(["SQLite", (await vitest({ TEST_DATABASE_URL: "" })) ? "passed" : "FAILED"]);

const pgUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const problem = await postgresProblem(pgUrl);
if (problem) {
  console.log(`\n⚠ PostgreSQL stress run skipped: ${problem}`);
  results.push(["PostgreSQL", `skipped: ${problem}`]);
} else {
  console.log("\n▶ stress suites on PostgreSQL");
  results.push(["PostgreSQL", (await vitest({ TEST_DATABASE_URL: pgUrl })) ? "passed" : "FAILED"]);
}

node(["scripts/hardening-report.mjs"]);
console.log(`\nStress summary (${Math.round((Date.now() - started) / 1000)} s)`);
for (const [db, outcome] of results) console.log(`  ${db.padEnd(12)} ${outcome}`);
process.exit(results.some(([, outcome]) => outcome === "FAILED") ? 1 : 0);
