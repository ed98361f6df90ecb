// Each hardening suite leaves test-results/hardening/<suite>.<database>.json behind, written
// from counters the tests actually incremented; scripts/hardening-report.mjs turns them into
// docs/HARDENING.md. Same format as the fuzz suites: { suite, cases, faults, requests, outcome }.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach } from "vitest";
import { isPostgresUrl } from "../../../lib/db/dialect.mjs";

export interface HardeningCounters {
  /** Scenarios tried (a test, a kill round, an outage cycle…). */
  cases: number;
  /** Faults injected (SIGKILLs, connection cuts, locks held by another process). */
  faults: number;
  /** HTTP requests sent to the app. */
  requests: number;
  /** Short facts for the report, e.g. "812 acknowledged writes verified". */
  notes: string[];
}

export function databaseLabel(url = process.env.DATABASE_URL): "PostgreSQL" | "SQLite" {
  return isPostgresUrl(url) ? "PostgreSQL" : "SQLite";
}

/** Call once at the top of a test file: registers the hooks that judge and write the record. */
export function hardeningRecord(suite: string): HardeningCounters {
  const counters: HardeningCounters = { cases: 0, faults: 0, requests: 0, notes: [] };
  let passed = 0;
  const failed: string[] = [];
  afterEach(({ task }) => {
    if (task.result?.state === "fail") failed.push(`${task.name}: ${task.result.errors?.[0]?.message?.split("\n")[0] ?? "failed"}`);
    else if (task.result?.state === "pass") passed++;
  });
  afterAll(() => {
    const database = databaseLabel();
    const outcome = failed.length ? `FAILED: ${failed.join("; ").slice(0, 300)}` : passed ? "passed" : "skipped";
    const dir = path.join("test-results", "hardening");
    mkdirSync(dir, { recursive: true });
    const slug = suite
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
    const record = { suite, ...counters, outcome, database, date: new Date().toISOString() };
    writeFileSync(path.join(dir, `${slug}.${database.toLowerCase()}.json`), JSON.stringify(record, null, 2) + "\n");
  });
  return counters;
}
