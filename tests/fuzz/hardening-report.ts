// Each hardening suite leaves test-results/hardening/<suite>.json behind for the summary
// table: how many cases and requests it really tried (counters the tests increment) and
// whether every one of its tests passed.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import { databaseLabel } from "../stress/support/hardening-record";

export interface HardeningCounters {
  cases: number;
  requests: number;
  faults: number;
}

interface TaskLike {
  name: string;
  type: string;
  tasks?: TaskLike[];
  result?: { state?: string; errors?: { message?: string }[] };
}

function failures(task: TaskLike): string[] {
  const own =
    task.type === "test" && task.result?.state === "fail"
      ? [`${task.name}: ${task.result.errors?.[0]?.message?.split("\n")[0] ?? "failed"}`]
      : [];
  return [...own, ...(task.tasks ?? []).flatMap(failures)];
}

/** Call once at the top of a test file; increment the returned counters in the tests. */
export function hardeningReport(suite: string): HardeningCounters {
  const counters: HardeningCounters = { cases: 0, requests: 0, faults: 0 };
  // vitest requires a destructured context as the first parameter; the file task comes second.
  afterAll(({}, file) => {
    const failed = failures(file as TaskLike);
    if (!failed.length && counters.cases === 0) failed.push("no case was tried");
    const outcome = failed.length ? `FAILED: ${failed.join("; ").slice(0, 500)}` : "nothing lost, nobody let in";
    const dir = path.join("test-results", "hardening");
    mkdirSync(dir, { recursive: true });
    // Suites over HTTP run in both database passes of `npm test`: one record each.
    const database = process.env.DATABASE_URL ? databaseLabel() : undefined;
    writeFileSync(
      path.join(dir, database ? `${suite}.${database}.json` : `${suite}.json`),
      JSON.stringify({ suite, database, ...counters, outcome }, null, 2) + "\n",
    );
  });
  return counters;
}
