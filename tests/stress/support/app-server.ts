// App instances for the stress suites: the production build, with the per-token rate limit
// off (the load here is deliberately heavier than an IdP's), and a hard kill.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { startServer, type RunningServer } from "../../setup/server-process";

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Other engineers build in this tree: a server started while .next is being rewritten fails. */
async function waitForOtherBuilds(): Promise<void> {
  while (spawnSync("pgrep", ["-f", "next build"]).status === 0) await sleep(1000);
}

export async function startApp(databaseUrl: string, logDir: string, label: string): Promise<RunningServer> {
  await waitForOtherBuilds();
  return startServer({ databaseUrl, logFile: path.join(logDir, `${label}.log`), env: { SCIM_RATE_LIMIT_PER_SECOND: "0" } });
}

const exited = (server: RunningServer) => server.process.exitCode !== null || server.process.signalCode !== null;

/** SIGKILL: no shutdown hook, no flush, in-flight requests cut — as a crash or an OOM kill. */
export async function killHard(server: RunningServer): Promise<void> {
  if (exited(server)) return;
  const done = new Promise<void>((resolve) => server.process.once("exit", () => resolve()));
  server.process.kill("SIGKILL");
  await done;
}

/** A graceful stop, unless it is already dead (RunningServer.stop() would wait for an exit that has happened). */
export async function stopApp(server: RunningServer | undefined): Promise<void> {
  if (server && !exited(server)) await server.stop();
}
