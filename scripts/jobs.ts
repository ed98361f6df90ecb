// `npm run jobs -- --once`: runs every scheduled job (lib/jobs/jobs.ts) once against DATABASE_URL
// and exits 0, or 1 naming the jobs that failed. For cron, or to prune right now; the server
// runs the same jobs on its own timers (instrumentation.ts).
import { db } from "../lib/db";
import { JOBS } from "../lib/jobs/jobs";
import { runJobsOnce } from "../lib/jobs/scheduler";

async function main(): Promise<number> {
  if (!process.argv.includes("--once")) {
    console.error("Usage: npm run jobs -- --once   (runs every job once; the server schedules them itself)");
    return 2;
  }
  const failures = await runJobsOnce(JOBS);
  await db.$disconnect();
  if (failures.length === 0) {
    console.info(`Jobs done: ${JOBS.map((j) => j.name).join(", ")}`);
    return 0;
  }
  console.error(`Jobs failed: ${failures.map((f) => f.name).join(", ")}`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error("npm run jobs failed:", err);
    process.exit(1);
  },
);
