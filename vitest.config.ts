import path from "node:path";
import { defineConfig } from "vitest/config";
import { isPostgresUrl } from "./lib/db/dialect.mjs";

const postgres = isPostgresUrl(process.env.TEST_DATABASE_URL);

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 90_000,
    maxWorkers: 2,
    projects: [
      // Pure functions: no server, no database.
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      // Real HTTP against `next start` on a fresh database (tests/setup/global-setup.ts).
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          // Several app instances need a database server: these run in the PostgreSQL pass of `npm test`.
          exclude: postgres ? [] : ["tests/integration/scale-out/**"],
          globalSetup: ["tests/setup/global-setup.ts"],
          setupFiles: ["tests/setup/worker-env.ts"],
        },
      },
    ],
  },
});
