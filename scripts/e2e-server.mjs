// Playwright's web server: a fresh SQLite database with the demo seed, then `next start`.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { migrate } from "./migrate.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const dir = path.join(root, ".tmp", "e2e");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const env = {
  ...process.env,
  DATABASE_URL: process.env.E2E_DATABASE_URL || `file:${path.join(dir, "e2e.db")}`,
  SEED_PASSWORD: process.env.E2E_PASSWORD,
  NEXTAUTH_SECRET: "e2e-secret-not-for-production",
  NEXTAUTH_URL: `http://127.0.0.1:${process.env.PORT}`,
  NEXT_TELEMETRY_DISABLED: "1",
};
await migrate(env.DATABASE_URL);
const seed = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "prisma/seed.ts"], { env, stdio: "inherit" });
if (seed.status !== 0) process.exit(1);
const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", process.env.PORT, "-H", "127.0.0.1"], {
  env,
  stdio: "inherit",
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
