// Database outages under write load, the app left running: PostgreSQL's connections cut or
// black-holed (a TCP proxy in between), or SQLite's write lock held by another process beyond
// busy_timeout. While it lasts SCIM answers 503 + Retry-After (never a 500, never a hang);
// after it the same server serves again by itself; and the ledger holds: acknowledged writes
// whole, nothing invented.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, inject, it } from "vitest";
import { createOrganization, enableScimWithToken } from "../helpers/fixtures";
import type { RunningServer } from "../setup/server-process";
import { killHard, sleep, startApp } from "./support/app-server";
import { databaseLabel, hardeningRecord } from "./support/hardening-record";
import { ScimClientAt } from "./support/scim-at";
import { lockSqliteFile, type SqliteLock } from "./support/sqlite-locker";
import { TcpProxy } from "./support/tcp-proxy";
import { verifyLedger } from "./support/verify-ledger";
import { isAcknowledged, Ledger, runLoad, unexpectedAnswers } from "./support/workload";

const counters = hardeningRecord("stress: database outages under write load");
const CYCLES = Number(process.env.STRESS_OUTAGES ?? 3);
const databaseUrl = inject("databaseUrl");
const postgres = databaseLabel(databaseUrl) === "PostgreSQL";
const logDir = mkdtempSync(path.join(tmpdir(), "scim-outage-"));
let server: RunningServer | undefined;
let proxy: TcpProxy | undefined;
let passed = false;

afterAll(async () => {
  if (server) await killHard(server); // nothing to flush; a graceful stop would wait for hung requests
  await proxy?.close();
  if (passed) rmSync(logDir, { recursive: true, force: true });
  else console.log(`Server logs kept in ${logDir}`);
});

interface Fault {
  name: string;
  inject: () => Promise<void>;
  lift: () => Promise<void>;
  /** Long enough for the fault to bite while it lasts: SQLite writers give up after busy_timeout (5 s), a connect into a black hole after connectionTimeoutMillis (lib/db.ts). */
  holdMs: number;
}

async function serveWithFaults(): Promise<Fault[]> {
  if (postgres) {
    const target = new URL(databaseUrl);
    const p = (proxy = await TcpProxy.start(target.hostname, Number(target.port || 5432)));
    server = await startApp(p.rewrite(databaseUrl), logDir, "app");
    const cut: Fault = { name: "connections cut", inject: () => p.cut(), lift: () => p.restore(), holdMs: 4000 };
    const blackhole: Fault = { name: "black hole", inject: async () => p.blackhole(), lift: () => p.restore(), holdMs: 8000 };
    return [cut, blackhole];
  }
  server = await startApp(databaseUrl, logDir, "app");
  let lock: SqliteLock | undefined;
  const file = databaseUrl.replace(/^file:/, "");
  return [
    {
      name: "write lock held by another process",
      inject: async () => void (lock = await lockSqliteFile(file)),
      lift: async () => lock?.release(),
      holdMs: 7000,
    },
  ];
}

/** 503s answered so far (a status is set when its answer arrives). */
const count503 = (ledger: Ledger) => ledger.sent.filter((s) => s.status === 503).length;

/** Waits (bounded by the test timeout, not asserted) for the first acknowledged write sent after `from`. */
async function firstSuccessAfter(ledger: Ledger, from: number): Promise<boolean> {
  for (let i = 0; i < 300; i++) {
    if (ledger.sent.slice(from).some(isAcknowledged)) return true;
    await sleep(100);
  }
  return false;
}

it(`${CYCLES} outages under concurrent writes: 503 while down, service again after, nothing lost`, async () => {
  const org = await createOrganization();
  const token = await enableScimWithToken(org);
  const faults = await serveWithFaults();
  const scim = new ScimClientAt(org.orgId, token, server!.baseUrl);
  const ledger = new Ledger();
  let stopped = false;
  const load = runLoad({ scim, ledger, label: "o", workers: 8, stop: () => stopped });
  let refused = 0;
  let current: Fault | undefined;

  try {
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      const fault = faults[(cycle - 1) % faults.length]!;
      await sleep(1500);
      const refusedBefore = count503(ledger);
      current = fault;
      await fault.inject();
      counters.faults++;
      await sleep(fault.holdMs);
      // Answered while the database was still away: requests must not hang until it returns.
      const answered503 = count503(ledger) - refusedBefore;
      const liftedAt = ledger.sent.length;
      await fault.lift();
      current = undefined;
      const recovered = await firstSuccessAfter(ledger, liftedAt);
      refused += answered503;
      expect(answered503, `cycle ${cycle} (${fault.name}): no 503 while the database was away`).toBeGreaterThan(0);
      expect(recovered, `cycle ${cycle} (${fault.name}): no write succeeded after the database returned`).toBe(true);
      counters.cases++;
    }
  } finally {
    // Also on failure: lift the fault so that hung requests end, then let the workers finish.
    stopped = true;
    await current?.lift();
    await load;
    counters.requests += ledger.sent.length;
  }

  expect(unexpectedAnswers(ledger.sent)).toEqual([]);
  const verdict = await verifyLedger(ledger, org.orgId, scim);
  expect(verdict.problems).toEqual([]);
  counters.requests += verdict.reads;
  counters.notes.push(
    `${CYCLES} outages (${faults.map((f) => f.name).join(", ")}); ${refused} writes answered 503 + Retry-After; ${ledger.acknowledged} acknowledged writes verified; no restart`,
  );
  passed = true;
});
