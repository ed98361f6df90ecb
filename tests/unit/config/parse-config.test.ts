import { describe, expect, it } from "vitest";
import { parseConfig, variables, type Config, type VariableName } from "@/lib/config/schema";

function configOf(env: Record<string, string>): Config {
  const result = parseConfig(env);
  if (!result.ok) throw new Error(result.problems.join("\n"));
  return result.config;
}

function problemsOf(env: Record<string, string>): string[] {
  const result = parseConfig(env);
  return result.ok ? [] : result.problems;
}

interface Row {
  /** The value when the variable is unset. */
  unset: unknown;
  /** A valid text and what it becomes; `env` adds the variables it needs. */
  good: [string, unknown];
  env?: Record<string, string>;
  /** An invalid text and the exact sentence, or null when every text is accepted. */
  bad: [string, string] | null;
}

// One row per variable in lib/config/schema.ts (a test below checks that none is missing).
const rows: Record<VariableName, Row> = {
  PORT: { unset: 3000, good: ["8080", 8080], bad: ["http", 'PORT is "http"; it must be a whole number from 1 to 65535.'] },
  DATABASE_URL: {
    unset: "file:./prisma/dev.db",
    good: ["postgresql://app@db:5432/scim", "postgresql://app@db:5432/scim"],
    bad: [
      "mysql://root:hunter2@db/scim",
      'DATABASE_URL is "mysql://root:(hidden)@db/scim"; it must be a SQLite file URL (file:…) or a PostgreSQL URL (postgresql://…).',
    ],
  },
  DATABASE_POOL_SIZE: { unset: 10, good: ["25", 25], bad: ["0", 'DATABASE_POOL_SIZE is "0"; it must be a whole number from 1 to 1000.'] },
  APP_URL: {
    unset: undefined,
    good: ["https://console.example.com//", "https://console.example.com"],
    bad: [
      "console.example.com",
      'APP_URL is "console.example.com"; it must be an http:// or https:// URL such as https://console.example.com.',
    ],
  },
  NEXTAUTH_URL: {
    unset: undefined,
    good: ["https://console.example.com/", "https://console.example.com"],
    bad: [
      "console.example.com",
      'NEXTAUTH_URL is "console.example.com"; it must be an http:// or https:// URL such as https://console.example.com.',
    ],
  },
  NEXTAUTH_SECRET: {
    unset: undefined,
    good: [" a-secret-with-spaces-kept ", " a-secret-with-spaces-kept "],
    bad: ["changeme", "NEXTAUTH_SECRET is (hidden); it must be at least 12 characters long (generate one with: openssl rand -base64 32)."],
  },
  SEED_PASSWORD: {
    unset: undefined,
    good: ["demo-password", "demo-password"],
    bad: ["pass", "SEED_PASSWORD is (hidden); it must be at least 8 characters long."],
  },
  SEED_DEMO: { unset: "0", good: ["1", "1"], bad: ["yes", 'SEED_DEMO is "yes"; it must be one of 0, 1.'] },
  TRUST_PROXY: {
    unset: 0,
    good: ["2", 2],
    bad: ["yes", 'TRUST_PROXY is "yes"; it must be a whole number of reverse proxies from 0 to 100, or true (= 1) or false (= 0).'],
  },
  SCIM_RATE_LIMIT_PER_SECOND: {
    unset: 100,
    good: ["0", 0],
    bad: ["-1", 'SCIM_RATE_LIMIT_PER_SECOND is "-1"; it must be a number from 0 to 1000000 (0 turns the limit off).'],
  },
  SCIM_RATE_LIMIT_BURST: {
    unset: 200,
    good: ["5", 5],
    bad: ["0", 'SCIM_RATE_LIMIT_BURST is "0"; it must be a whole number from 1 to 1000000.'],
  },
  SCIM_AUTH_MAX_FAILURES: {
    unset: 100,
    good: ["0", 0],
    bad: ["many", 'SCIM_AUTH_MAX_FAILURES is "many"; it must be a whole number from 0 to 1000000 (0 turns the limit off).'],
  },
  SCIM_AUTH_FAILURE_WINDOW_SECONDS: {
    unset: 60,
    good: ["600", 600],
    bad: ["0", 'SCIM_AUTH_FAILURE_WINDOW_SECONDS is "0"; it must be a whole number from 1 to 86400.'],
  },
  LOGIN_MAX_FAILURES_PER_EMAIL: {
    unset: 5,
    good: ["10", 10],
    bad: ["abc", 'LOGIN_MAX_FAILURES_PER_EMAIL is "abc"; it must be a whole number from 1 to 1000000.'],
  },
  LOGIN_MAX_FAILURES_PER_IP: {
    unset: 50,
    good: [" 100000 ", 100000],
    bad: ["1e3", 'LOGIN_MAX_FAILURES_PER_IP is "1e3"; it must be a whole number from 1 to 1000000.'],
  },
  AUDIT_RETENTION_DAYS: {
    unset: 180,
    good: ["30", 30],
    bad: ["36501", 'AUDIT_RETENTION_DAYS is "36501"; it must be a whole number from 1 to 36500.'],
  },
  SMTP_URL: {
    unset: undefined,
    good: ["smtp://mailer:s3cret@127.0.0.1:2525", "smtp://mailer:s3cret@127.0.0.1:2525"],
    bad: [
      "https://mail.example.com",
      "SMTP_URL is (hidden); it must be an smtp:// or smtps:// URL such as smtp://user:password@mail.example.com:587.",
    ],
  },
  MAIL_FROM: {
    unset: "SCIM console <no-reply@localhost>",
    good: ["Acme IAM <iam@acme.example>", "Acme IAM <iam@acme.example>"],
    bad: [
      "not an address",
      'MAIL_FROM is "not an address"; it must be an email address, optionally with a name: Console <console@example.com>.',
    ],
  },
  LOG_LEVEL: {
    unset: "info",
    good: [" Debug ", "debug"],
    bad: ["verbose", 'LOG_LEVEL is "verbose"; it must be one of fatal, error, warn, info, debug, trace, silent.'],
  },
  METRICS_TOKEN: {
    unset: undefined,
    good: ["a-metrics-token-0123456789", "a-metrics-token-0123456789"],
    bad: ["short", "METRICS_TOKEN is (hidden); it must be at least 16 characters long (generate one with: openssl rand -hex 32)."],
  },
  SCHEDULED_JOBS: { unset: "on", good: [" OFF ", "off"], bad: ["no", 'SCHEDULED_JOBS is "no"; it must be one of on, off.'] },
  NEXT_MANUAL_SIG_HANDLE: { unset: undefined, good: ["true", "true"], bad: null },
  SHUTDOWN_GRACE_SECONDS: {
    unset: 10,
    good: ["0", 0],
    bad: ["10s", 'SHUTDOWN_GRACE_SECONDS is "10s"; it must be a whole number from 0 to 3600.'],
  },
};
const table = Object.entries(rows) as [VariableName, Row][];

describe("parseConfig", () => {
  it("has a row for every variable of the schema", () => {
    expect(Object.keys(rows).sort()).toEqual(Object.keys(variables).sort());
  });

  it.each(table)("%s: unset and blank give the default", (name, row) => {
    expect(configOf({})[name]).toEqual(row.unset);
    expect(configOf({ [name]: "  " })[name]).toEqual(row.unset);
  });

  it.each(table)("%s: a good value is taken", (name, row) => {
    expect(configOf({ ...row.env, [name]: row.good[0] })[name]).toEqual(row.good[1]);
  });

  it.each(table.filter(([, row]) => row.bad))("%s: a bad value is named in one sentence", (name, row) => {
    const [value, sentence] = row.bad ?? ["", ""];
    expect(problemsOf({ ...row.env, [name]: value })).toEqual([`Invalid configuration: ${sentence}`]);
  });

  it("never echoes a secret", () => {
    const secrets = { NEXTAUTH_SECRET: "tiny-secret", SEED_PASSWORD: "pw-1234", DATABASE_URL: "mysql://root:hunter2@db/scim" };
    const text = problemsOf(secrets).join("\n");
    for (const secret of ["tiny-secret", "pw-1234", "hunter2"]) expect(text).not.toContain(secret);
    expect(text).toContain("NEXTAUTH_SECRET is (hidden)");
  });

  it("reports every bad variable, in the table's order", () => {
    expect(problemsOf({ LOGIN_MAX_FAILURES_PER_EMAIL: "abc", PORT: "0" })).toEqual([
      'Invalid configuration: PORT is "0"; it must be a whole number from 1 to 65535.',
      'Invalid configuration: LOGIN_MAX_FAILURES_PER_EMAIL is "abc"; it must be a whole number from 1 to 1000000.',
    ]);
  });

  it("accepts what TRUST_PROXY always accepted", () => {
    for (const [text, hops] of [
      ["true", 1],
      ["TRUE", 1],
      ["false", 0],
      ["0", 0],
      [" 1 ", 1],
      ["3", 3],
    ] as const)
      expect(configOf({ TRUST_PROXY: text }).TRUST_PROXY).toBe(hops);
  });

  it("sizes the burst at twice the rate unless it is set, and at least 1", () => {
    expect(configOf({ SCIM_RATE_LIMIT_PER_SECOND: "10" }).SCIM_RATE_LIMIT_BURST).toBe(20);
    expect(configOf({ SCIM_RATE_LIMIT_PER_SECOND: "0.25" }).SCIM_RATE_LIMIT_BURST).toBe(1);
    expect(configOf({ SCIM_RATE_LIMIT_PER_SECOND: "0" }).SCIM_RATE_LIMIT_BURST).toBe(1);
    expect(configOf({ SCIM_RATE_LIMIT_PER_SECOND: "10", SCIM_RATE_LIMIT_BURST: "3" }).SCIM_RATE_LIMIT_BURST).toBe(3);
  });

  it("no longer knows the global OIDC_* variables (single sign-on is per organization)", () => {
    expect(Object.keys(variables).filter((name) => name.startsWith("OIDC_"))).toEqual([]);
  });

  it("accepts a SQLite file URL and postgres:// too", () => {
    expect(configOf({ DATABASE_URL: "file:/tmp/x.db" }).DATABASE_URL).toBe("file:/tmp/x.db");
    expect(configOf({ DATABASE_URL: "postgres://db/scim" }).DATABASE_URL).toBe("postgres://db/scim");
  });

  it("is frozen", () => {
    expect(Object.isFrozen(configOf({}))).toBe(true);
  });
});
