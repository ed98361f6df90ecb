import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, startServer } from "../../setup/server-process";

// A bad variable must stop the process with a sentence naming it, not start a server with
// a limit silently off. Both ways of starting are tried for real: `next start` (checked in
// instrumentation.ts) and `npm start` (scripts/start.mjs, checked before it migrates or builds).

const dir = mkdtempSync(path.join(tmpdir(), "scim-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Exit {
  code: number | null;
  output: string;
  ms: number;
}

function run(args: string[], env: Record<string, string>, timeoutMs: number): Promise<Exit> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], timeout: timeoutMs });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, output, ms: Date.now() - started }));
  });
}

describe("an invalid configuration", () => {
  it("stops next start with the sentence", async () => {
    const logFile = path.join(dir, "next-start.log");
    const start = startServer({
      databaseUrl: `file:${path.join(dir, "next-start.db")}`,
      logFile,
      env: { LOGIN_MAX_FAILURES_PER_EMAIL: "abc" },
    });
    await expect(start).rejects.toThrow(/next start exited with [1-9]\d*;/);
    // The log is piped: give the last chunk a moment to land.
    await expect
      .poll(() => readFileSync(logFile, "utf8"), { timeout: 5_000 })
      .toContain('Invalid configuration: LOGIN_MAX_FAILURES_PER_EMAIL is "abc"; it must be a whole number from 1 to 1000000.');
  });

  it("stops npm start before it migrates or builds", async () => {
    const dbFile = path.join(dir, "npm-start.db");
    const env = { DATABASE_URL: `file:${dbFile}`, DATABASE_POOL_SIZE: "lots", PORT: String(await freePort()) };
    const exit = await run(["scripts/start.mjs"], env, 15_000);
    expect(exit.output).toContain('Invalid configuration: DATABASE_POOL_SIZE is "lots"; it must be a whole number from 1 to 1000.');
    expect(exit.code).toBe(1);
    expect(existsSync(dbFile)).toBe(false); // never migrated
    expect(exit.output).not.toMatch(/Applied migrations|Building the console|Console: http/);
    expect(exit.ms).toBeLessThan(10_000); // a migration plus a build takes minutes
  });
});
