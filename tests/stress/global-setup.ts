// The stress suites start, kill and restart app instances themselves: this only makes the
// database they share (SQLite file, or a new PostgreSQL database when TEST_DATABASE_URL is
// postgres), which tests/setup/worker-env.ts hands to lib/db.ts in the test process.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freshDatabase } from "../setup/server-process";

export default async function setup(project: TestProject) {
  if (!existsSync(".next/BUILD_ID"))
    throw new Error("No production build: run `npx next build` first (`npm run test:stress` does it for you).");
  const dir = mkdtempSync(path.join(tmpdir(), "scim-stress-"));
  const db = await freshDatabase(dir);
  project.provide("databaseUrl", db.url);
  return async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  };
}
