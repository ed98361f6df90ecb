// Liveness and readiness as a load balancer sees them, including the database going away and
// coming back (outages made as in tests/integration/concurrency/database-unavailable.test.ts:
// PostgreSQL through a TCP proxy that is cut; SQLite locked by another process).
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { baseUrl } from "../../helpers/server";
import { startServer, type RunningServer } from "../../setup/server-process";
import { killHard } from "../../stress/support/app-server";
import { databaseLabel } from "../../stress/support/hardening-record";
import { lockSqliteFile } from "../../stress/support/sqlite-locker";
import { TcpProxy } from "../../stress/support/tcp-proxy";

const databaseUrl = inject("databaseUrl");
const postgres = databaseLabel(databaseUrl) === "PostgreSQL";
let dir: string;
const servers: RunningServer[] = [];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "scim-ready-"));
});
afterAll(async () => {
  // Hard: a graceful stop could wait on a request hanging on the cut database.
  for (const s of servers) await killHard(s);
  rmSync(dir, { recursive: true, force: true });
});

async function get(base: string, p: string) {
  const res = await fetch(`${base}${p}`);
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** Polled, as a load balancer would: readiness comes back by itself, without a restart. */
async function eventually(base: string, wanted: number): Promise<number> {
  let status = 0;
  for (let attempt = 0; attempt < 40 && status !== wanted; attempt++) {
    if (attempt) await new Promise((r) => setTimeout(r, 250));
    status = (await get(base, "/api/ready")).status;
  }
  return status;
}

describe("GET /api/health and /api/ready", () => {
  it("answer without a session and reveal nothing about the build or the configuration", async () => {
    for (const p of ["/api/health", "/api/ready"]) {
      const res = await get(baseUrl(), p);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("x-powered-by")).toBeNull();
      expect(Object.keys(JSON.parse(res.text) as object)).toEqual(["status"]);
      expect(res.text).not.toMatch(/\d+\.\d+\.\d+|\/work|\/tmp|sqlite|postgres|file:/i);
    }
  });

  const onPostgres = postgres ? it : () => undefined;
  const onSqlite = postgres ? () => undefined : it;

  onPostgres(
    "PostgreSQL cut: /api/ready 503 with a reason, /api/health still 200, then 200 again by itself",
    async () => {
      const target = new URL(databaseUrl);
      const proxy = await TcpProxy.start(target.hostname, Number(target.port || 5432));
      try {
        const server = await startServer({ databaseUrl: proxy.rewrite(databaseUrl), logFile: path.join(dir, "pg.log") });
        servers.push(server);
        expect((await get(server.baseUrl, "/api/ready")).status).toBe(200);
        await proxy.cut();
        const down = await get(server.baseUrl, "/api/ready");
        expect(down.status).toBe(503);
        expect(JSON.parse(down.text)).toEqual({
          status: "unavailable",
          reason: "database_unavailable",
          message: "The database did not answer in time.",
        });
        expect((await get(server.baseUrl, "/api/health")).status).toBe(200);
        await proxy.restore();
        expect(await eventually(server.baseUrl, 200)).toBe(200);
      } finally {
        await proxy.close();
      }
    },
    90_000,
  );

  onSqlite(
    "SQLite locked by another process: /api/ready 503, /api/health still 200, then 200 again by itself",
    async () => {
      const file = path.join(dir, "private.db");
      const shared = new Database(databaseUrl.replace(/^file:/, ""), { readonly: true });
      shared.exec(`VACUUM INTO '${file.replace(/'/g, "''")}'`);
      shared.close();
      const server = await startServer({ databaseUrl: `file:${file}`, logFile: path.join(dir, "sqlite.log") });
      servers.push(server);
      expect((await get(server.baseUrl, "/api/ready")).status).toBe(200);
      const lock = await lockSqliteFile(file);
      try {
        const down = await get(server.baseUrl, "/api/ready");
        expect(down.status).toBe(503);
        expect(JSON.parse(down.text)).toMatchObject({ status: "unavailable", reason: "database_unavailable" });
        expect((await get(server.baseUrl, "/api/health")).status).toBe(200);
      } finally {
        await lock.release();
      }
      expect(await eventually(server.baseUrl, 200)).toBe(200);
    },
    90_000,
  );
});
