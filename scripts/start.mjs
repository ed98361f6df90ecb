// npm start: migrate, seed the demo organization if the database is empty, build if
// needed, then serve. Honours PORT and DATABASE_URL (default: SQLite under prisma/).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { tsImport } from "tsx/esm/api";
import { isPostgresUrl } from "../lib/db/dialect.mjs";
import { buildIsStale } from "./build-state.mjs";
import { migrate } from "./migrate.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
if (existsSync(".env")) process.loadEnvFile(".env");
// Before anything is migrated, written or built: a bad variable stops here with a sentence
// naming it (the schema is TypeScript, lib/config/schema.ts; tsx already runs the seed below).
const { exitOnInvalidConfig } = await tsImport("../lib/config/exit-on-invalid-config.ts", import.meta.url);
const config = exitOnInvalidConfig();
process.env.NEXT_TELEMETRY_DISABLED = "1";
const dev = process.argv.includes("--dev");
const port = String(config.PORT);

// What the server's own parse will read (lib/config/schema.ts): a stable session secret for this
// installation unless one is configured, and next-auth's URL (it reads NEXTAUTH_URL itself).
if (!config.NEXTAUTH_SECRET) {
  const file = "prisma/.auth-secret";
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  process.env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}
if (!config.NEXTAUTH_URL) process.env.NEXTAUTH_URL = config.APP_URL ?? `http://localhost:${port}`;

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const applied = await migrate(config.DATABASE_URL);
if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
// --quiet: the credentials are printed below, on every start.
run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "prisma/seed.ts", "--quiet"]);

if (!dev) {
  if (buildIsStale()) {
    console.log("Building the console (first start, or sources changed)…");
    run(process.execPath, ["node_modules/next/dist/bin/next", "build"]);
  }
}

if (existsSync("prisma/.demo-credentials") && !isPostgresUrl(config.DATABASE_URL)) {
  console.log("\n" + readFileSync("prisma/.demo-credentials", "utf8"));
}
console.log(`Console: http://localhost:${port}\n`);
// next start leaves SIGTERM to instrumentation.ts (lib/ops/shutdown.ts: grace period, database closed, exit 0).
if (!dev) process.env.NEXT_MANUAL_SIG_HANDLE = "true";
const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", dev ? "dev" : "start", "-p", port], {
  stdio: "inherit",
  env: process.env,
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
