// Next calls register() once when the server starts (Node.js runtime only: both use the database
// or the environment): refuse to serve with an invalid environment, start the scheduled jobs, and
// take over SIGTERM for a graceful shutdown.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // The process's one parse of the environment (lib/config/environment.ts): a bad value stops here.
    const { exitOnInvalidConfig } = await import("./lib/config/exit-on-invalid-config");
    const config = exitOnInvalidConfig();
    const [{ installGracefulShutdown }, { closeDatabase }] = await Promise.all([import("./lib/ops/shutdown"), import("./lib/db")]);
    if (config.SCHEDULED_JOBS === "on") {
      const { startJobs } = await import("./lib/jobs/scheduler");
      startJobs();
    }
    // SIGTERM: finish the requests in flight, close the database, exit 0 (docs/OPERATIONS.md).
    installGracefulShutdown({
      nextLeavesSignals: config.NEXT_MANUAL_SIG_HANDLE !== undefined,
      graceSeconds: config.SHUTDOWN_GRACE_SECONDS,
      closeDatabase,
    });
  }
}
