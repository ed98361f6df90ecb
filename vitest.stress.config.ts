import path from "node:path";
import { defineConfig } from "vitest/config";

// `npm run test:stress` (scripts/stress.mjs): long fault-injection runs against the production
// build, one file at a time because they kill servers and lock the shared database.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    include: ["tests/stress/**/*.test.ts"],
    globalSetup: ["tests/stress/global-setup.ts"],
    setupFiles: ["tests/setup/worker-env.ts"],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 90_000,
  },
});
