// npm test: typecheck, lint, build, unit + integration tests (vitest, against `next start`
// on a real database), then end-to-end tests (Playwright, real Chromium). Prints one
// summary line "N passed, N failed" at the end.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
process.env.NEXT_TELEMETRY_DISABLED = "1";
const bin = (pkg, file) => path.join("node_modules", pkg, file);
const results = [];
let failedStep = null;

function step(name, args, env = {}) {
  if (failedStep) return false;
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(process.execPath, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    failedStep = name;
    console.error(`✖ ${name} failed (${secs} s)`);
    return false;
  }
  console.log(`✔ ${name} (${secs} s)`);
  return true;
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
}

async function postgresProblem(url) {
  try {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    await client.connect();
    await client.query("SELECT 1");
    await client.end();
    return null;
  } catch (err) {
    return `${url.replace(/\/\/[^@]*@/, "//…@")} is not reachable (${err.message})`;
  }
}

function vitest(label, outFile, env, filters = []) {
  rmSync(outFile, { force: true });
  step(
    label,
    [bin("vitest", "vitest.mjs"), "run", ...filters, "--reporter=default", "--reporter=json", `--outputFile.json=${outFile}`],
    env,
  );
  const r = readJson(outFile);
  if (r) results.push({ label, passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests });
  else if (!failedStep || failedStep === label) results.push({ label, passed: 0, failed: 1, skipped: 0 });
}

mkdirSync("test-results", { recursive: true });
step("typecheck", [bin("typescript", "bin/tsc"), "--noEmit"]);
// Formatting first (Prettier with the Tailwind class order), then the type-aware lint: `npm run lint` runs both.
step("format", [bin("prettier", "bin/prettier.cjs"), "--check", "."]);
step("lint", [bin("eslint", "bin/eslint.js"), "--max-warnings", "0", "."]);
step("schemas and migrations in sync", ["scripts/derive-postgres-schema.mjs", "--check"]);
if (process.env.SKIP_BUILD !== "1") step("build", [bin("next", "dist/bin/next"), "build"]);
vitest("unit + integration (SQLite)", "test-results/vitest-sqlite.json", {});

// The same integration suite on PostgreSQL; reported as skipped (with the reason) when no server answers.
const pgUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const pgProblem = failedStep ? "an earlier step failed" : await postgresProblem(pgUrl);
if (pgProblem) {
  console.log(`\n⚠ PostgreSQL integration run skipped: ${pgProblem}`);
  results.push({ label: "integration (PostgreSQL) — SKIPPED", passed: 0, failed: 0, skipped: 1, note: pgProblem });
} else {
  vitest("integration (PostgreSQL)", "test-results/vitest-postgres.json", { TEST_DATABASE_URL: pgUrl }, ["--project", "integration"]);
}

rmSync("test-results/e2e.json", { force: true });
step("end-to-end (Playwright, Chromium)", [bin("@playwright/test", "cli.js"), "test"]);
const e2e = readJson("test-results/e2e.json");
if (e2e)
  results.push({
    label: "end-to-end (Playwright, Chromium)",
    passed: e2e.stats.expected + e2e.stats.flaky,
    failed: e2e.stats.unexpected,
    skipped: e2e.stats.skipped,
  });

// docs/HARDENING.md: the table of what the fuzz, concurrency and stress suites tried, from their own records.
spawnSync(process.execPath, ["scripts/hardening-report.mjs"], { stdio: "inherit" });

const total = results.reduce((t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, skipped: t.skipped + r.skipped }), {
  passed: 0,
  failed: 0,
  skipped: 0,
});
console.log("\nTest summary");
for (const r of results)
  console.log(
    `  ${r.label.padEnd(40)} ${String(r.passed).padStart(5)} passed ${String(r.failed).padStart(4)} failed ${String(r.skipped).padStart(4)} skipped`,
  );
if (failedStep) console.log(`  stopped at: ${failedStep}`);
const failed = total.failed + (failedStep && total.failed === 0 ? 1 : 0);
console.log(`\n${total.passed} passed, ${failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
process.exit(failedStep || total.failed ? 1 : 0);
