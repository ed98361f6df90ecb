import { sql } from "../db";
import { statement } from "../db/sql-statement";
import { isDraining } from "./lifecycle";
import { logger } from "./logger";
import { metrics } from "./metrics";

// GET /api/ready: can this instance serve? It cannot while shutting down, nor when the
// database does not answer within PROBE_TIMEOUT_MS. The probe is a transaction on the raw
// driver: on PostgreSQL a pooled connection that answers; on SQLite the write lock too (an
// instance that cannot take it answers every write with 503: see
// tests/integration/concurrency/database-unavailable.test.ts).

export const PROBE_TIMEOUT_MS = 2_000;
const PROBE = statement("ops_ready_probe")`SELECT 1`;

export type Readiness = { ready: true } | { ready: false; reason: "shutting_down" | "database_unavailable" };

// One probe at a time: a load balancer probing every second during an outage must not pile
// up probes waiting for the database. A probe stuck longer than STUCK_MS (a connection that
// hangs until query_timeout) is not waited for: the next call starts a fresh one, so readiness
// comes back as soon as the database does.
const STUCK_MS = 5_000;
let current: { result: Promise<boolean>; since: number } | undefined;

function probe(): Promise<boolean> {
  const now = Date.now();
  if (current && now - current.since < STUCK_MS) return current.result;
  const mine = {
    since: now,
    result: sql
      .transaction((tx) => tx.row(PROBE, {}))
      .then(
        () => true,
        (err: unknown) => {
          logger.warn({ err }, "Readiness probe: the database did not answer");
          return false;
        },
      ),
  };
  current = mine;
  void mine.result.finally(() => {
    if (current === mine) current = undefined;
  });
  return mine.result;
}

function within(ms: number, work: Promise<boolean>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export async function checkReadiness(timeoutMs = PROBE_TIMEOUT_MS): Promise<Readiness> {
  if (isDraining()) return fail("shutting_down");
  return (await within(timeoutMs, probe())) ? { ready: true } : fail("database_unavailable");
}

function fail(reason: "shutting_down" | "database_unavailable"): Readiness {
  metrics.readinessFailures.inc({ reason });
  return { ready: false, reason };
}
