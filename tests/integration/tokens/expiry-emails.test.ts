// Expiry emails against a real SMTP server on loopback, with the clock injected into the
// job's check (in-process, real database), and from two `npm run jobs -- --once` processes at
// once to prove each (token, threshold) is sent exactly once.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { smtpMailer } from "@/lib/notifications/mailer";
import { checkTokenExpiry } from "@/lib/notifications/token-expiry-check";
import { getScimSettings } from "@/lib/provisioning/get-scim-settings";
import { createOrganization, enableScimWithToken, type TestOrganization } from "../../helpers/fixtures";
import { freshDatabase } from "../../setup/server-process";
import { mailsTo, startSmtp, subjectOf, textOf, type TestSmtp } from "../../helpers/smtp";

const DAY = 86_400_000;
const ORIGIN = "https://console.test.example";
let smtp: TestSmtp;

async function orgWithToken(): Promise<{ org: TestOrganization; tokenId: string; expiresAt: Date }> {
  const org = await createOrganization();
  await enableScimWithToken(org);
  const t = await db.scimToken.findFirstOrThrow({ where: { organizationId: org.orgId } });
  return { org, tokenId: t.id, expiresAt: t.expiresAt };
}

// Scoped to the test's organization: an injected clock a year ahead would otherwise notify every
// organization the other test files created in the same database.
const check = (now: Date, org: TestOrganization) =>
  checkTokenExpiry(now, {
    mailer: smtpMailer(smtp.url, "SCIM console <console@test.example>"),
    origin: ORIGIN,
    organizationIds: [org.orgId],
  });
const counts = (org: TestOrganization) => [org.owner, org.iam, org.member].map((p) => mailsTo(smtp, p.email).length);

beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => smtp.stop());

describe("token expiry emails", () => {
  it("sends nothing and claims nothing without SMTP, or more than 30 days ahead", async () => {
    const { org, tokenId, expiresAt } = await orgWithToken();
    expect(
      (await checkTokenExpiry(new Date(expiresAt.getTime() - 6 * DAY), { mailer: null, origin: ORIGIN, organizationIds: [org.orgId] }))
        .sent,
    ).toEqual([]);
    expect(await db.tokenExpiryNotice.count({ where: { tokenId } })).toBe(0);
    await check(new Date(expiresAt.getTime() - 31 * DAY), org);
    expect(counts(org)).toEqual([0, 0, 0]);
  });

  it("emails owners and IAM managers once per threshold (two checks racing each time), and the banner shows the same threshold", async () => {
    const { org, tokenId, expiresAt } = await orgWithToken();
    const steps = [
      { before: 29 * DAY, threshold: "30d", subject: "expires in 30 days" },
      { before: 6 * DAY, threshold: "7d", subject: "expires in 7 days" },
      { before: DAY / 2, threshold: "1d", subject: "expires within a day" },
      { before: -3_600_000, threshold: "expired", subject: "has expired, provisioning has stopped" },
    ] as const;
    for (const [i, step] of steps.entries()) {
      const now = new Date(expiresAt.getTime() - step.before);
      const settings = await getScimSettings(org.orgId, ORIGIN, now);
      expect(settings.expiry).toMatchObject({ threshold: step.threshold, tokenId });
      expect(settings.stopped === null).toBe(step.threshold !== "expired");

      await Promise.all([check(now, org), check(now, org)]);
      await check(new Date(now.getTime() + 60_000), org); // a later run of the same threshold sends nothing new
      expect(counts(org), step.threshold).toEqual([i + 1, i + 1, 0]);
      const last = mailsTo(smtp, org.owner.email).at(-1)!;
      expect(subjectOf(last)).toContain(step.subject);
      expect(last.from).toBe("console@test.example");
      expect(textOf(last)).toContain(`${ORIGIN}/organizations/${org.orgId}/settings/scim`);
      expect(textOf(last)).toContain(`The SCIM token ${settings.expiry?.prefix}…`);
      expect(await db.tokenExpiryNotice.findMany({ where: { tokenId, threshold: step.threshold } })).toMatchObject([{ recipients: 2 }]);
    }
    const events = await db.auditEvent.count({ where: { organizationId: org.orgId, action: "scim.token.expiry_notified" } });
    expect(events).toBe(4);
  });

  it("sends only the most urgent threshold after a long gap", async () => {
    const { org, tokenId, expiresAt } = await orgWithToken();
    await check(new Date(expiresAt.getTime() - DAY / 4), org);
    expect(counts(org)).toEqual([1, 1, 0]);
    expect((await db.tokenExpiryNotice.findMany({ where: { tokenId } })).map((n) => n.threshold)).toEqual(["1d"]);
  });

  it("releases the claim when the SMTP server refuses, so the next run retries", async () => {
    const { org, tokenId, expiresAt } = await orgWithToken();
    const now = new Date(expiresAt.getTime() - 5 * DAY);
    smtp.refuse = true;
    try {
      const failed = await check(now, org);
      expect(failed.failed.map((f) => f.tokenId)).toContain(tokenId);
    } finally {
      smtp.refuse = false;
    }
    expect(await db.tokenExpiryNotice.count({ where: { tokenId } })).toBe(0);
    expect(counts(org)).toEqual([0, 0, 0]);
    const retried = await check(new Date(now.getTime() + 15 * 60_000), org);
    expect(retried.sent.filter((s) => s.tokenId === tokenId)).toEqual([
      { organizationId: org.orgId, tokenId, threshold: "7d", recipients: 2 },
    ]);
    expect(counts(org)).toEqual([1, 1, 0]);
  });

  it("sends exactly once when two `npm run jobs -- --once` processes run at the same time", async () => {
    // A database of their own: the processes use the real clock and scan every organization.
    const dir = mkdtempSync(path.join(tmpdir(), "scim-jobs-"));
    const separate = await freshDatabase(dir);
    try {
      const env = {
        ...process.env,
        DATABASE_URL: separate.url,
        SMTP_URL: smtp.url,
        MAIL_FROM: "SCIM console <console@test.example>",
        APP_URL: ORIGIN,
      };
      const run = (args: string[]) =>
        new Promise<{ code: number | null; out: string }>((resolve) => {
          const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
          let out = "";
          child.stdout.on("data", (c: Buffer) => (out += c.toString()));
          child.stderr.on("data", (c: Buffer) => (out += c.toString()));
          child.on("exit", (code) => resolve({ code, out }));
        });
      const seeded = await run(["tests/integration/tokens/separate-database.ts", "seed"]);
      expect(seeded.code, seeded.out).toBe(0);
      const { tokenId, emails } = JSON.parse(seeded.out.trim().split("\n").at(-1)!) as {
        tokenId: string;
        emails: [string, string, string];
      };

      const results = await Promise.all([run(["scripts/jobs.ts", "--once"]), run(["scripts/jobs.ts", "--once"])]);
      for (const r of results) expect(r.code, r.out).toBe(0);
      expect(emails.map((e) => mailsTo(smtp, e).length)).toEqual([1, 1, 0]); // owner, IAM manager, plain member
      expect(subjectOf(mailsTo(smtp, emails[0])[0]!)).toContain("expires in 7 days");
      const notices = await run(["tests/integration/tokens/separate-database.ts", "notices", tokenId]);
      expect(JSON.parse(notices.out.trim().split("\n").at(-1)!)).toMatchObject([{ threshold: "7d", recipients: 2 }]);
    } finally {
      await separate.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
