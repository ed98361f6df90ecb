// Starts the production build (`next start`) on a fresh database for the integration
// tests: real HTTP, real Next.js, real SQLite (or PostgreSQL via TEST_DATABASE_URL).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freshDatabase, startServer } from "./server-process";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npx next build` first (`npm test` does it for you).");
  const dir = mkdtempSync(path.join(tmpdir(), "scim-it-"));
  const db = await freshDatabase(dir);
  const server = await startServer({ databaseUrl: db.url, logFile: path.join(dir, "server.log"), env: { SCHEDULED_JOBS: "on" } });
  project.provide("baseUrl", server.baseUrl);
  project.provide("databaseUrl", db.url);
  return async () => {
    await server.stop();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  };
}
