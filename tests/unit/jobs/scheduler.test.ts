import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/ops/logger";
import type { Job } from "@/lib/jobs/job";
import { JOBS } from "@/lib/jobs/jobs";
import { runJobsOnce, scheduleJobs } from "@/lib/jobs/scheduler";

const minute = 60_000;

/** A job that records when it ran; `fail` makes every run throw. */
function recordingJob(name: string, everyMs: number, fail = false): Job & { runs: Date[] } {
  const runs: Date[] = [];
  return {
    name,
    everyMs,
    runs,
    run: async (now) => {
      runs.push(now);
      if (fail) throw new Error(`${name} broke`);
    },
  };
}

describe("job scheduler", () => {
  let stop: (() => void) | undefined;
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(logger, "error").mockImplementation(() => undefined);
  });
  afterEach(() => {
    stop?.();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("runs each job at start, then every everyMs", async () => {
    const hourly = recordingJob("hourly", 60 * minute);
    const quarter = recordingJob("quarter", 15 * minute);
    stop = scheduleJobs([hourly, quarter]);
    await vi.advanceTimersByTimeAsync(0);
    expect([hourly.runs.length, quarter.runs.length]).toEqual([1, 1]);
    await vi.advanceTimersByTimeAsync(60 * minute);
    expect([hourly.runs.length, quarter.runs.length]).toEqual([2, 5]);
  });

  it("logs a failing job with its name and keeps running it and the others", async () => {
    const broken = recordingJob("broken", minute, true);
    const fine = recordingJob("fine", minute);
    stop = scheduleJobs([broken, fine]);
    await vi.advanceTimersByTimeAsync(2 * minute);
    expect(broken.runs).toHaveLength(3);
    expect(fine.runs).toHaveLength(3);
    expect(logger.error).toHaveBeenCalledWith({ job: "broken", err: expect.any(Error) }, "Job broken failed");
  });

  it("does not start a run while the previous one is still going", async () => {
    let running = 0;
    let most = 0;
    const slow: Job = {
      name: "slow",
      everyMs: minute,
      run: async () => {
        most = Math.max(most, ++running);
        await new Promise((r) => setTimeout(r, 3 * minute));
        running--;
      },
    };
    stop = scheduleJobs([slow]);
    await vi.advanceTimersByTimeAsync(10 * minute);
    expect(most).toBe(1);
  });

  it("never keeps the process alive: its timers are unref()ed", () => {
    const unref = vi.fn();
    vi.spyOn(globalThis, "setInterval").mockImplementation(() => ({ unref }) as unknown as NodeJS.Timeout);
    scheduleJobs([recordingJob("a", minute), recordingJob("b", minute)]);
    expect(unref).toHaveBeenCalledTimes(2);
  });

  it("runJobsOnce runs every job once and returns the failures by name", async () => {
    const ok = recordingJob("ok", minute);
    const broken = recordingJob("broken", minute, true);
    const now = new Date("2026-01-01T00:00:00Z");
    const failures = await runJobsOnce([ok, broken], now);
    expect(failures.map((f) => f.name)).toEqual(["broken"]);
    expect(ok.runs).toEqual([now]);
  });

  it("the server's jobs: retention every hour, token expiry emails and SSO prune every 15 minutes", () => {
    expect(JOBS.map((j) => [j.name, j.everyMs])).toEqual([
      ["audit-retention", 60 * minute],
      ["token-expiry-emails", 15 * minute],
      ["sso-prune", 15 * minute],
    ]);
  });
});
