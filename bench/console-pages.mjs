// Issue #4's console pages under load (members and activity APIs on 10,000 members and
// 100,000 audit events), signed in as the owner. Used by bench/run.mjs.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrate } from "../scripts/migrate.mjs";
import { env, load, measure, startServer } from "./harness.mjs";

async function signIn(base, email, password) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  return [...jar, ...res.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
}

/** Their API calls at saturation and at 20 req/s; returns the figures for latest.json. */
export async function benchConsolePages(seconds) {
  console.log("\n== console pages: seeding 10,000 members and 100,000 audit events…");
  const dir = mkdtempSync(path.join(tmpdir(), "bench-pages-"));
  const databaseUrl = `file:${path.join(dir, "pages.db")}`;
  await migrate(databaseUrl);
  const out = execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "bench/seed-large.ts"], {
    encoding: "utf8",
    env: { ...env, DATABASE_URL: databaseUrl },
    maxBuffer: 16 * 1024 * 1024,
  });
  const seed = JSON.parse(out.trim().split("\n").pop());
  const port = 3901;
  const server = await startServer("ours", port, databaseUrl);
  try {
    const base = `http://127.0.0.1:${port}`;
    const api = `/api/organizations/${seed.orgId}`;
    const cookie = await signIn(base, seed.ownerEmail, seed.password);
    const groups = {
      members: [
        `${api}/members?page=1&pageSize=50`,
        `${api}/members?sort=lastChange&order=desc&page=3`,
        `${api}/members?q=martin&status=all&managed=managed`,
        `${api}/members?status=locked&page=2`,
      ],
      activity: [
        `${api}/activity?page=1&pageSize=50`,
        `${api}/activity?outcome=failure`,
        `${api}/activity?period=7d&page=10`,
        `${api}/activity/summary`,
      ],
    };
    const pages = [];
    for (const [name, paths] of Object.entries(groups)) {
      const cfgFile = path.join(dir, `${name}.json`);
      writeFileSync(cfgFile, JSON.stringify({ baseUrl: base, cookie, paths, seconds, fixedSeconds: seconds, rate: 20 }));
      await load("consolePages", "warm", cfgFile);
      const r = { page: name, ...(await measure(server, "consolePages", cfgFile)) };
      pages.push(r);
      console.log(
        `  ${name.padEnd(10)} ${String(r.rps).padStart(6)} req/s   p50 ${r.p50At100} ms  p99 ${r.p99At100} ms @20 req/s   errors ${r.errors} non-2xx ${r.non2xx}`,
      );
    }
    return { members: seed.members, events: seed.events, pages };
  } finally {
    server.kill("SIGTERM");
  }
}
