import { environment } from "./environment";
import type { Config } from "./schema";

/**
 * Start-up check for `next start` (instrumentation.ts) and `npm start` (scripts/start.mjs), on
 * the process's one parse of the environment: an invalid variable stops the process with one
 * sentence per problem, instead of a server that runs with a limit silently off.
 */
export function exitOnInvalidConfig(): Config {
  if (environment.ok) return environment.config;
  // Plain sentences on stderr, not the JSON log: this refusal is read by a person at a terminal
  // before the service runs, and the logger's own LOG_LEVEL may be the variable at fault.
  for (const problem of environment.problems) process.stderr.write(`${problem}\n`);
  process.exit(1);
}
