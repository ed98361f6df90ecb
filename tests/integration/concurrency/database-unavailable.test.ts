// The database goes away and comes back while the app keeps running: SCIM answers 503 with
// Retry-After and an RFC 7644 body, the console API 503 { error: { code: "unavailable" } },
// and both serve again by themselves once the database is back (no restart).
// PostgreSQL: a TCP proxy in front of the shared test database is cut. SQLite: another
// process holds the write lock on a private copy of the test database beyond busy_timeout.
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { consoleApiAt, signIn } from "../../helpers/console-client";
import { createOrganization, enableScimWithToken, type TestOrganization } from "../../helpers/fixtures";
import { startServer, type RunningServer } from "../../setup/server-process";
import { killHard, sleep } from "../../stress/support/app-server";
import { databaseLabel, hardeningRecord } from "../../stress/support/hardening-record";
import { ScimClientAt } from "../../stress/support/scim-at";
import { lockSqliteFile } from "../../stress/support/sqlite-locker";
import { TcpProxy } from "../../stress/support/tcp-proxy";
import { verifyLedger } from "../../stress/support/verify-ledger";
import { isAcknowledged, Ledger, runLoad, unexpectedAnswers } from "../../stress/support/workload";
import { ERROR, type ScimResult } from "../scim/scim-client";

const counters = hardeningRecord("faults: database unavailable, then back");
const databaseUrl = inject("databaseUrl");
const postgres = databaseLabel(databaseUrl) === "PostgreSQL";

let dir: string;
let org: TestOrganization;
let token: string;
let server: RunningServer | undefined;
const servers: RunningServer[] = [];
let scim: ScimClientAt;
let cookie: string | null;

async function serve(url: string) {
  server = await startServer({ databaseUrl: url, logFile: path.join(dir, `server-${servers.length}.log`) });
  servers.push(server);
  scim = new ScimClientAt(org.orgId, token, server.baseUrl);
  cookie = await signIn(org.owner.email, org.owner.password, server.baseUrl);
}

const consoleCall = (method: string, p: string) => {
  counters.requests++;
  return consoleApiAt(server!.baseUrl, cookie, method, `/api/organizations/${org.orgId}${p}`);
};
const scimCall = (method: "GET" | "POST", p: string, body?: unknown) => {
  counters.requests++;
  return scim.request(method, p, body);
};
const newUser = () => ({ userName: `outage-${Math.random().toString(36).slice(2, 10)}@contoso.example` });

function expectScimUnavailable(res: ScimResult) {
  expect(res.status).toBe(503);
  expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
  expect(res.body).toEqual({ schemas: [ERROR], status: "503", detail: expect.stringMatching(/temporarily unavailable/i) });
}

async function expectConsoleUnavailable(method: string, p: string) {
  const res = await consoleCall(method, p);
  expect(res.status).toBe(503);
  expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
  expect(res.body).toEqual({ error: { code: "unavailable", message: expect.stringMatching(/temporarily unavailable/i) } });
}

/** After the database returns the app must serve again without a restart: retried for a while, never restarted. */
async function eventually(what: () => Promise<number>, wanted: number): Promise<number> {
  let status = 0;
  for (let attempt = 0; attempt < 20 && status !== wanted; attempt++) {
    if (attempt) await new Promise((r) => setTimeout(r, 250));
    status = await what();
  }
  return status;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "scim-unavailable-"));
  org = await createOrganization();
  token = await enableScimWithToken(org);
});
afterAll(async () => {
  // Hard: a graceful stop would wait for requests still hanging on a database that never answered.
  for (const s of servers) await killHard(s);
  rmSync(dir, { recursive: true, force: true });
});

// Each pass of `npm test` defines only the cases of its own database (nothing is reported skipped).
const onPostgres = postgres ? it : () => undefined;
const onSqlite = postgres ? () => undefined : it;

describe("database unavailable", () => {
  onPostgres(
    "PostgreSQL connection cut: 503 on both faces, then service again when it returns",
    async () => {
      const target = new URL(databaseUrl);
      const proxy = await TcpProxy.start(target.hostname, Number(target.port || 5432));
      try {
        await serve(proxy.rewrite(databaseUrl));
        expect((await scimCall("GET", "/Users")).status).toBe(200);

        await proxy.cut();
        counters.faults++;
        expectScimUnavailable(await scimCall("GET", "/Users"));
        expectScimUnavailable(await scimCall("POST", "/Users", newUser()));
        await expectConsoleUnavailable("GET", "/scim");
        await expectConsoleUnavailable("GET", "/members");

        await proxy.restore();
        expect(await eventually(async () => (await scimCall("GET", "/Users")).status, 200)).toBe(200);
        expect((await scimCall("POST", "/Users", newUser())).status).toBe(201);
        expect((await consoleCall("GET", "/scim")).status).toBe(200);
        expect((await consoleCall("POST", "/scim/tokens")).status).toBe(201);
        counters.cases++;
        counters.notes.push("connections cut: SCIM and console 503, then served again without restart");
      } finally {
        await proxy.close();
      }
    },
    90_000,
  );

  onPostgres(
    "PostgreSQL cut again and again mid-transaction under concurrent writes: the pool recovers every time",
    async () => {
      const target = new URL(databaseUrl);
      const proxy = await TcpProxy.start(target.hostname, Number(target.port || 5432));
      const ledger = new Ledger();
      let stopped = false;
      let load: Promise<void> | undefined;
      try {
        // An organization of its own: the ledger check accounts for every SCIM member in it.
        org = await createOrganization();
        token = await enableScimWithToken(org);
        await serve(proxy.rewrite(databaseUrl));
        load = runLoad({ scim, ledger, label: "cut", workers: 8, stop: () => stopped });
        // Each cut kills the transactions in flight; a pool that leaks their clients runs dry
        // after a few (max 10) and the instance would answer 503 until restarted.
        for (let cut = 1; cut <= 4; cut++) {
          await sleep(500);
          await proxy.cut();
          counters.faults++;
          await sleep(300);
          await proxy.restore();
          const from = ledger.sent.length;
          for (let i = 0; i < 100 && !ledger.sent.slice(from).some(isAcknowledged); i++) await sleep(100);
          expect(ledger.sent.slice(from).some(isAcknowledged), `no write succeeded after cut ${cut}`).toBe(true);
        }
        stopped = true;
        await load;
        counters.requests += ledger.sent.length;
        expect(unexpectedAnswers(ledger.sent)).toEqual([]);
        expect((await verifyLedger(ledger, org.orgId, null)).problems).toEqual([]);
        counters.cases++;
        counters.notes.push(
          `4 cuts mid-transaction under 8 concurrent writers: ${ledger.acknowledged} writes acknowledged and verified, served again after each`,
        );
      } finally {
        stopped = true;
        await proxy.restore();
        await load;
        await proxy.close();
      }
    },
    60_000,
  );

  onSqlite(
    "SQLite locked by another process: writes 503 after busy_timeout, reads go on, then writes again",
    async () => {
      // A private copy (organization and token included): locking the shared file would stall the other test files.
      const file = path.join(dir, "private.db");
      const shared = new Database(databaseUrl.replace(/^file:/, ""), { readonly: true });
      shared.exec(`VACUUM INTO '${file.replace(/'/g, "''")}'`);
      shared.close();
      await serve(`file:${file}`);
      const existing = await scimCall("POST", "/Users", newUser()); // the first request also records lastUsedAt (at most once a minute)
      expect(existing.status).toBe(201);

      const lock = await lockSqliteFile(file);
      counters.faults++;
      try {
        expectScimUnavailable(await scimCall("POST", "/Users", newUser()));
        await expectConsoleUnavailable("POST", "/scim/tokens");
        // WAL: plain reads are not blocked by another writer.
        expect((await scimCall("GET", `/Users/${existing.body.id}`)).status).toBe(200);
        expect((await consoleCall("GET", "/scim")).status).toBe(200);
      } finally {
        await lock.release();
      }
      expect((await scimCall("POST", "/Users", newUser())).status).toBe(201);
      expect((await consoleCall("POST", "/scim/tokens")).status).toBe(201);
      counters.cases++;
      counters.notes.push("write lock held by another process: writes 503, reads served, then writes again");
    },
    90_000,
  );
});
