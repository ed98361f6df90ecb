// Generates the Prisma client(s) offline (JS engine). Runs on `npm install`.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const prisma = "node_modules/prisma/build/index.js";
if (!existsSync(prisma)) process.exit(0); // production install without dev deps
execFileSync(process.execPath, [prisma, "generate"], { stdio: "inherit", env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" } });
