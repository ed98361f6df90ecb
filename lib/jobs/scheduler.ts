import { logger } from "../ops/logger";
import type { Job } from "./job";
import { JOBS } from "./jobs";

export interface JobFailure {
  name: string;
  error: unknown;
}

/** Runs a job once; a failure is returned (and logged with the job's name), never thrown. */
export async function runJob(job: Job, now = new Date()): Promise<JobFailure | null> {
  try {
    await job.run(now);
    return null;
  } catch (error) {
    logger.error({ job: job.name, err: error }, `Job ${job.name} failed`);
    return { name: job.name, error };
  }
}

/** Every job once, one after another (they share one database); the failures, in order. */
export async function runJobsOnce(jobs: readonly Job[] = JOBS, now = new Date()): Promise<JobFailure[]> {
  const failures: JobFailure[] = [];
  for (const job of jobs) {
    const failure = await runJob(job, now);
    if (failure) failures.push(failure);
  }
  return failures;
}

/**
 * Starts each job now and then every `everyMs`. A run still going when the next is due is not
 * doubled. Timers are unref()ed: jobs never keep a process alive that is otherwise done.
 * Returns a function that stops them.
 */
export function scheduleJobs(jobs: readonly Job[]): () => void {
  const timers = jobs.map((job) => {
    let running = false;
    const tick = () => {
      if (running) return;
      running = true;
      void runJob(job).finally(() => (running = false));
    };
    tick();
    const timer = setInterval(tick, job.everyMs);
    timer.unref();
    return timer;
  });
  return () => timers.forEach((t) => clearInterval(t));
}

// Once per process: Next may call register() again (dev reloads), and the module may be loaded twice.
const state = globalThis as unknown as { __jobsStarted?: boolean };

/** Called from instrumentation.ts when a server process starts. */
export function startJobs(jobs: readonly Job[] = JOBS): void {
  if (state.__jobsStarted) return;
  state.__jobsStarted = true;
  scheduleJobs(jobs);
  logger.info(`Jobs started: ${jobs.map((j) => `${j.name} every ${Math.round(j.everyMs / 60_000)} min`).join(", ")}`);
}
