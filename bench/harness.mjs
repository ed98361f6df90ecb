// The bench's machinery: servers pinned to core 0, the load generator as its own process on
// core 1, and what /proc says of a server's memory and CPU. Used by bench/run.mjs.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildIsStale } from "../scripts/build-state.mjs";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
// The per-token rate limit (100 req/s by default) would measure 429s: the bench saturates one token.
export const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_SECRET: "bench-secret", SCIM_RATE_LIMIT_PER_SECOND: "0" };
export const pin = (core, args) => (existsSync("/usr/bin/taskset") ? ["taskset", ["-c", String(core), ...args]] : [args[0], args.slice(1)]);

/** Builds the app when its build is older than its sources, and each reference app when it has none. */
export function ensureBuilt() {
  const build = (dir) =>
    execFileSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { cwd: dir, stdio: "inherit", env });
  if (buildIsStale()) build(root);
  if (BASELINE && !existsSync(path.join(BASELINE, ".next/BUILD_ID")))
    throw new Error(`BENCH_BASELINE=${BASELINE} has no production build: run \`npx next build\` there first.`);
  for (const app of ["next-app", "lean-app"]) {
    const reference = path.join(root, "bench/reference", app);
    if (!existsSync(path.join(reference, ".next/BUILD_ID"))) build(reference);
  }
}

/** The server and its children (next start forks next-server): pids of the whole tree. */
function processTree(pid) {
  const pids = [];
  const walk = (p) => {
    try {
      for (const t of readdirSync(`/proc/${p}/task`))
        for (const c of readFileSync(`/proc/${p}/task/${t}/children`, "utf8").split(" ").filter(Boolean)) walk(c);
      pids.push(p);
    } catch {
      /* exited */
    }
  };
  walk(pid);
  return pids;
}

function rssKb(pid) {
  let total = 0;
  for (const p of processTree(pid)) {
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      /* exited */
    }
  }
  return total;
}

/** CPU time (user + system) of the server's tree, in ms: /proc/<pid>/stat fields 14 and 15, in 1/100 s. */
function cpuMs(pid) {
  let ticks = 0;
  for (const p of processTree(pid)) {
    try {
      const fields = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1].split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      /* exited */
    }
  }
  return ticks * 10;
}

async function waitFor(url, child) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode})`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`no answer from ${url}`);
}

// The Next.js references, each its own app (next start runs where its .next is).
const REFERENCE_APPS = { "next-ref": "bench/reference/next-app", "lean-ref": "bench/reference/lean-app" };

/**
 * `before`: another checkout of this app (BENCH_BASELINE, e.g. a git worktree of an older commit,
 * built), served from its own folder: the before/after of a change, measured in the same run.
 */
export const BASELINE = process.env.BENCH_BASELINE ? path.resolve(process.env.BENCH_BASELINE) : null;

export async function startServer(kind, port, databaseUrl, sqliteFile) {
  const appDir = kind === "before" ? BASELINE : root;
  const [cmd, args] =
    kind === "raw"
      ? pin(0, [process.execPath, "bench/reference/raw-server.mjs"])
      : pin(0, [process.execPath, path.join(appDir, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"]);
  const child = spawn(cmd, args, {
    cwd: REFERENCE_APPS[kind] ?? appDir,
    // NEXT_MANUAL_SIG_HANDLE: as npm start runs it (the shutdown handler observes every request).
    env: {
      ...env,
      NEXT_MANUAL_SIG_HANDLE: "true",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      BENCH_SQLITE_FILE: sqliteFile ?? "",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitFor(`http://127.0.0.1:${port}/scim/v2/x/Users`, child);
  return child;
}

/** Runs the load generator as its own process (asynchronously, so RSS sampling goes on meanwhile). */
export function load(caseName, mode, cfgFile, seconds) {
  const [cmd, args] = pin(1, [process.execPath, "bench/load.mjs", caseName, mode, cfgFile, ...(seconds ? [String(seconds)] : [])]);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "inherit"], timeout: 120_000 });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("exit", (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop())) : reject(new Error(`load ${caseName} ${mode} exited ${code}`)),
    );
  });
}

/**
 * Saturation (req/s, and the server's CPU per request over that phase), then latency at a steady
 * rate (open loop, evenly spaced), and optionally the same rate as autocannon -R sends it (bursts).
 */
export async function measure(server, caseName, cfgFile, { bursty = false } = {}) {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, rssKb(server.pid))), 250);
  try {
    const cpuBefore = cpuMs(server.pid);
    const sat = await load(caseName, "saturate", cfgFile);
    const cpuPerRequestMs = sat.requests ? +((cpuMs(server.pid) - cpuBefore) / sat.requests).toFixed(3) : null;
    const fixed = await load(caseName, "steady", cfgFile);
    const burst = bursty ? await load(caseName, "bursty", cfgFile) : null;
    return {
      case: caseName,
      rps: sat.rps,
      cpuPerRequestMs,
      steadyRate: fixed.rps,
      p50At100: fixed.p50,
      p99At100: fixed.p99,
      ...(burst ? { p50Bursty: burst.p50, p99Bursty: burst.p99 } : {}),
      errors: sat.errors + fixed.errors + (burst?.errors ?? 0),
      non2xx: sat.non2xx + fixed.non2xx + (burst?.non2xx ?? 0),
      peakRssMb: Math.round(peak / 1024),
    };
  } finally {
    clearInterval(timer);
  }
}

export async function soak(server, cfgFile, seconds) {
  const before = rssKb(server.pid);
  const cfg = JSON.parse(readFileSync(cfgFile, "utf8"));
  writeFileSync(cfgFile, JSON.stringify({ ...cfg, fixedSeconds: seconds }));
  const r = await load("filter", "steady", cfgFile);
  writeFileSync(cfgFile, JSON.stringify(cfg));
  return { seconds, rssStartMb: Math.round(before / 1024), rssEndMb: Math.round(rssKb(server.pid) / 1024), p99: r.p99 };
}
