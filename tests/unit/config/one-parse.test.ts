import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { config } from "@/lib/config";
import { environment } from "@/lib/config/environment";
import { exitOnInvalidConfig } from "@/lib/config/exit-on-invalid-config";

// The environment is parsed once per process (lib/config/environment.ts), and only there:
// every variable the application reads goes through lib/config/schema.ts.

const root = path.join(__dirname, "../../..");

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mjs)$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .filter((file) => !file.startsWith("lib/generated/"));
}

describe("the configuration", () => {
  it("is one parse, shared by lib/config.ts and the start-up check", () => {
    expect(environment.ok).toBe(true);
    expect(config).toBe(environment.ok ? environment.config : undefined);
    expect(exitOnInvalidConfig()).toBe(config);
  });

  it("is the only reader of the environment in lib/, app/ and components/", () => {
    const readers = ["lib", "app", "components"]
      .flatMap(sources)
      .filter((file) => /process\.env\b/.test(readFileSync(path.join(root, file), "utf8")));
    expect(readers).toEqual(["lib/config/environment.ts"]);
    // instrumentation.ts asks Next which runtime it is in (NEXT_RUNTIME is Next's, not configuration).
    expect(readFileSync(path.join(root, "instrumentation.ts"), "utf8").match(/process\.env\.\w+/g)).toEqual(["process.env.NEXT_RUNTIME"]);
  });
});
