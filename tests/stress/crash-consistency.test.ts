// Crash consistency: concurrent SCIM writes (POST, PUT, multi-operation PATCH, DELETE), the
// server SIGKILLed mid-load, restarted on the same database, and the ledger checked: every
// write acknowledged with 2xx is there (or superseded by a later write whose answer was
// lost), no write is visible by halves, and nothing appears that was never sent.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, inject, it } from "vitest";
import { createOrganization, enableScimWithToken } from "../helpers/fixtures";
import type { RunningServer } from "../setup/server-process";
import { killHard, sleep, startApp, stopApp } from "./support/app-server";
import { hardeningRecord } from "./support/hardening-record";
import { ScimClientAt } from "./support/scim-at";
import { verifyLedger } from "./support/verify-ledger";
import { isUnknown, Ledger, runLoad, unexpectedAnswers } from "./support/workload";

const counters = hardeningRecord("stress: SIGKILL mid-load, restart, verify");
const ROUNDS = Number(process.env.STRESS_ROUNDS ?? 8);
const WORKERS = 12;
const logDir = mkdtempSync(path.join(tmpdir(), "scim-crash-"));
let server: RunningServer | undefined;
let passed = false;

afterAll(async () => {
  await stopApp(server);
  if (passed) rmSync(logDir, { recursive: true, force: true });
  else console.log(`Server logs kept in ${logDir}`);
});

it(`${ROUNDS} rounds of concurrent writes, each ended by SIGKILL: acknowledged writes survive whole`, async () => {
  const databaseUrl = inject("databaseUrl");
  const org = await createOrganization();
  const token = await enableScimWithToken(org);
  const ledger = new Ledger();
  server = await startApp(databaseUrl, logDir, "round-1");
  const scim = new ScimClientAt(org.orgId, token, server.baseUrl);
  let inFlight = 0;

  for (let round = 1; round <= ROUNDS; round++) {
    let stopped = false;
    const before = ledger.sent.length;
    const load = runLoad({ scim, ledger, label: `r${round}`, workers: WORKERS, stop: () => stopped });
    await sleep(1500 + Math.random() * 2500); // a different moment in the load every round
    stopped = true; // no new requests: the ones in flight now are the ones the kill cuts
    await killHard(server);
    counters.faults++;
    await load;
    counters.requests += ledger.sent.length - before;
    inFlight += ledger.sent.slice(before).filter((s) => s.status === null).length;

    server = await startApp(databaseUrl, logDir, `round-${round + 1}`);
    scim.origin = server.baseUrl;
    const verdict = await verifyLedger(ledger, org.orgId, scim);
    counters.requests += verdict.reads;
    expect(verdict.problems, `round ${round}`).toEqual([]);
    counters.cases++;
  }

  expect(unexpectedAnswers(ledger.sent)).toEqual([]);
  const unanswered = ledger.sent.filter(isUnknown).length;
  expect(ledger.acknowledged).toBeGreaterThan(0);
  counters.notes.push(
    `${ROUNDS} SIGKILLs; ${ledger.acknowledged} acknowledged writes verified; ${inFlight} cut in flight (${unanswered} unanswered in all)`,
  );
  passed = true;
});
