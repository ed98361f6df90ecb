// Once per server process: start the scheduled jobs (lib/jobs/). Node.js runtime only: the jobs use the database.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startJobs } = await import("./lib/jobs/scheduler");
    startJobs();
  }
}
