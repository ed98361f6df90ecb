import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { UNAVAILABLE_MESSAGE } from "../lib/http/unavailable-message";
import { acmeId, OWNER, signInWithApi } from "./helpers";

// A server-rendered page while the database cannot be reached: a second `next start` of the
// same build whose DATABASE_URL points at a port nobody listens on (connection refused). The
// session comes from the e2e server (same NEXTAUTH_SECRET; cookies are per host, not per port),
// so the page gets past "signed in?" and fails on the database, as during a real outage.
test.describe.configure({ mode: "serial" });

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });

async function expectNoSeriousA11yViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

let server: ChildProcess | undefined;
let log = "";
let origin = "";

test.beforeAll(async () => {
  const [port, deadPort] = [await freePort(), await freePort()];
  origin = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: `postgresql://scim:scim@127.0.0.1:${deadPort}/scim`,
    NEXTAUTH_SECRET: "e2e-secret-not-for-production", // scripts/e2e-server.mjs
    NEXTAUTH_URL: origin,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const append = (chunk: Buffer) => void (log += chunk.toString());
  server.stdout?.on("data", append);
  server.stderr?.on("data", append);
  // The sign-in page needs no database: it answers once the server is up.
  for (let i = 0; i < 120; i++) {
    const up = await fetch(`${origin}/login`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    expect(server.exitCode, log).toBeNull();
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the outage server did not start:\n${log}`);
});

test.afterAll(() => {
  server?.kill("SIGTERM");
});

test("a page shows the readable 503 sentence, not Next's generic error page, and Try again retries", async ({ page }) => {
  await signInWithApi(page.request, OWNER);
  const orgId = await acmeId(page.request);

  await page.goto(`${origin}/organizations/${orgId}/members`);
  // Next's route announcer is an (empty) alert too: ask for ours by its title.
  const alert = page.getByRole("alert", { name: "Service temporarily unavailable" });
  await expect(alert).toContainText(UNAVAILABLE_MESSAGE);
  await expect(page.getByText("Application error")).toHaveCount(0);
  await expect(page.getByText("Something went wrong")).toHaveCount(0);

  // Still down: the retry renders the server components again and lands on the same sentence.
  const retried = page.waitForResponse((r) => r.url().startsWith(origin) && r.request().headers()["rsc"] === "1");
  await page.getByRole("button", { name: "Try again" }).click();
  await retried;
  await expect(alert).toContainText(UNAVAILABLE_MESSAGE);
  await expectNoSeriousA11yViolations(page);

  // "/" reads the database too (the user's organizations).
  await page.goto(`${origin}/`);
  await expect(alert).toContainText(UNAVAILABLE_MESSAGE);
});

test("the scheduled retention job failed, was logged with its name, and the server kept serving", async () => {
  await expect.poll(() => log, { timeout: 15_000 }).toContain("Job audit-retention failed");
  expect(log).toContain("Jobs started: audit-retention every 60 min");
  expect(server?.exitCode).toBeNull();
  expect((await fetch(`${origin}/login`)).status).toBe(200);
});
