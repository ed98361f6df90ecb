import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { isPostgresUrl } from "../../lib/db/dialect.mjs";
// @ts-expect-error -- plain ESM script without types
import { migrate } from "../../scripts/migrate.mjs";

const migrateDb = migrate as (url: string) => Promise<string[]>;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** A new, migrated database: a SQLite file in `dir`, or a new PostgreSQL database when TEST_DATABASE_URL is postgres. */
export async function freshDatabase(dir: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const pgBase = process.env.TEST_DATABASE_URL;
  if (pgBase && isPostgresUrl(pgBase)) {
    const { default: pg } = await import("pg");
    const name = `scim_test_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: pgBase });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(pgBase);
    url.pathname = `/${name}`;
    await migrateDb(url.toString());
    return {
      url: url.toString(),
      drop: async () => {
        const c = new pg.Client({ connectionString: pgBase });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const url = `file:${path.join(dir, "test.db")}`;
  await migrateDb(url);
  return { url, drop: async () => {} };
}

export interface RunningServer {
  baseUrl: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

export async function startServer(opts: {
  databaseUrl: string;
  logFile: string;
  port?: number;
  env?: Record<string, string>;
}): Promise<RunningServer> {
  const port = opts.port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      DATABASE_URL: opts.databaseUrl,
      NEXTAUTH_SECRET: "integration-test-secret-not-for-production",
      NEXTAUTH_URL: baseUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      // As npm start runs it: SIGTERM is lib/ops/shutdown.ts's (grace period, database closed, exit 0).
      NEXT_MANUAL_SIG_HANDLE: "true",
      // Every test signs in from 127.0.0.1: the per-address limit would couple unrelated tests.
      LOGIN_MAX_FAILURES_PER_IP: "100000",
      // Only the suite's main server (global-setup) runs the scheduled jobs: a second instance on the
      // same database would prune, at its start, the old events a retention test has just inserted.
      SCHEDULED_JOBS: "off",
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = createWriteStream(opts.logFile);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}; see ${opts.logFile}`);
    try {
      const res = await fetch(`${baseUrl}/login`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`next start did not answer within 60 s; see ${opts.logFile}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
