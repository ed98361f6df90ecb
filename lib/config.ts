import { parseConfig, type Config } from "./config/schema";

// The application's configuration, read from the environment once, when first imported.
// A bad value never reaches here in a running server: instrumentation.ts (next start) and
// scripts/start.mjs check the same schema first and stop with the sentence.

function load(): Config {
  const result = parseConfig(process.env);
  if (!result.ok) throw new Error(result.problems.join("\n"));
  return result.config;
}

export const config: Config = load();
export type { Config };
