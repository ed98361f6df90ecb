// Retention is a scheduled job (lib/jobs/), not a side effect of reading the activity log:
// reads leave old events alone; `npm run jobs -- --once` (what the server's timer runs) prunes them.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import type { ActivityPage } from "@/lib/audit/activity-view";
import type { ActivitySummary } from "@/lib/audit/summarize-activity";
import type { Actor } from "@/lib/audit/record-event";
import { consoleApi, signIn } from "../../helpers/console-client";
import { createOrganization } from "../../helpers/fixtures";
import { hoursAgo, insertEvents } from "./fixtures";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run jobs -- --once` against a database, as an operator or a cron entry runs it. */
function runJobsOnce(databaseUrl: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      "npm",
      ["run", "--silent", "jobs", "--", "--once"],
      { env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: 60_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === "number" ? err.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const day = 24;
const details = async (orgId: string) =>
  (await db.auditEvent.findMany({ where: { organizationId: orgId }, orderBy: { createdAt: "asc" } })).map((e) => e.detail);

describe("audit retention job", () => {
  it("reads prune nothing; the job deletes events past retention and keeps the rest", async () => {
    const org = await createOrganization();
    const cookie = (await signIn(org.owner.email, org.owner.password))!;
    const actor: Actor = { type: "system" };
    await insertEvents([
      { organizationId: org.orgId, actor, action: "scim.enabled", detail: "old", createdAt: hoursAgo(200 * day) },
      { organizationId: org.orgId, actor, action: "scim.enabled", detail: "edge", createdAt: hoursAgo(181 * day) },
      { organizationId: org.orgId, actor, action: "scim.enabled", detail: "recent", createdAt: hoursAgo(179 * day) },
    ]);

    const list = await consoleApi<ActivityPage>(cookie, "GET", `/api/organizations/${org.orgId}/activity`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(3);
    expect((await consoleApi<ActivitySummary>(cookie, "GET", `/api/organizations/${org.orgId}/activity/summary`)).status).toBe(200);
    expect(await details(org.orgId)).toEqual(["old", "edge", "recent"]);

    const run = await runJobsOnce(inject("databaseUrl"));
    expect(run, run.stderr).toMatchObject({ code: 0 });
    expect(run.stdout).toContain("Jobs done: audit-retention");
    expect(await details(org.orgId)).toEqual(["recent"]);

    // Idempotent: a second run (another instance, the next hour) finds nothing more to delete.
    expect((await runJobsOnce(inject("databaseUrl"))).code).toBe(0);
    expect(await details(org.orgId)).toEqual(["recent"]);
  });

  describe("a job that fails", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "scim-jobs-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("makes `npm run jobs -- --once` exit 1 naming it", async () => {
      // A database without the schema: the retention job's DELETE fails.
      const run = await runJobsOnce(`file:${path.join(dir, "empty.db")}`);
      expect(run.code).toBe(1);
      // The failure is a log line (JSON on stdout, lib/ops/logger.ts); the summary is on stderr.
      expect(run.stdout).toContain("Job audit-retention failed");
      expect(run.stderr).toContain("Jobs failed: audit-retention");
    });
  });
});
