// Next calls register() once when the server starts (Node.js runtime only: both use the database
// or the environment): refuse to serve with an invalid environment, then start the scheduled jobs.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { exitOnInvalidConfig } = await import("./lib/config/exit-on-invalid-config");
    exitOnInvalidConfig();
    const { startJobs } = await import("./lib/jobs/scheduler");
    startJobs();
  }
}
