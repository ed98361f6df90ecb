import { parseConfig, type Config } from "./schema";

/**
 * Start-up check for `next start` (instrumentation.ts) and `npm start` (scripts/start.mjs):
 * an invalid variable stops the process with one sentence per problem, instead of a server
 * that runs with a limit silently off.
 */
export function exitOnInvalidConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = parseConfig(env);
  if (result.ok) return result.config;
  // Plain sentences on stderr, not the JSON log: this refusal is read by a person at a terminal
  // before the service runs, and the logger's own LOG_LEVEL may be the variable at fault.
  for (const problem of result.problems) process.stderr.write(`${problem}\n`);
  process.exit(1);
}
