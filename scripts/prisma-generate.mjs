// Generates the Prisma clients offline (JS engine) on `npm install`: one for SQLite, one for
// PostgreSQL, from the one schema (the PostgreSQL schema is derived first).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const prisma = "node_modules/prisma/build/index.js";
if (!existsSync(prisma)) process.exit(0); // production install without dev dependencies
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
execFileSync(process.execPath, ["scripts/derive-postgres-schema.mjs"], { stdio: "inherit" });
for (const config of ["prisma.config.ts", "prisma/postgres/prisma.config.ts"]) {
  execFileSync(process.execPath, [prisma, "generate", "--config", config], { stdio: "inherit", env });
}
