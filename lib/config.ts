import { environment } from "./config/environment";
import type { Config } from "./config/schema";

// The application's configuration: the one parse of the environment (lib/config/environment.ts).
// A bad value never reaches here in a running server: instrumentation.ts (next start) and
// scripts/start.mjs stop first with the sentence naming it (lib/config/exit-on-invalid-config.ts).

function valid(): Config {
  if (!environment.ok) throw new Error(environment.problems.join("\n"));
  return environment.config;
}

export const config: Config = valid();
export type { Config };
