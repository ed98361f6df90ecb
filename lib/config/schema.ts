import { DEFAULT_DATABASE_URL } from "../db/dialect.mjs";
import { databaseUrl, decimalNumber, httpUrl, mailbox, minLength, oneOf, proxyHops, smtpUrl, text, wholeNumber, type Rule } from "./rules";

// Every environment variable the application reads, in one table: what it accepts and its
// default (the text used when it is unset or blank). README.md's "Configuration" table
// documents the same variables; tests/unit/config/readme-table.test.ts keeps the two equal.

export interface Variable<T> {
  rule: Rule<T>;
  /** Used when the variable is unset or blank; without one the value is `undefined`. */
  default?: string;
  /** Never echoed in an error: the sentence says "(hidden)". */
  secret?: boolean;
}

const MILLION = 1_000_000;

export const variables = {
  PORT: { rule: wholeNumber(1, 65_535), default: "3000" },
  DATABASE_URL: { rule: databaseUrl, default: DEFAULT_DATABASE_URL },
  DATABASE_POOL_SIZE: { rule: wholeNumber(1, 1_000), default: "10" },
  APP_URL: { rule: httpUrl },
  // Unset: APP_URL (npm start passes it on, or http://localhost:PORT). next-auth reads it from the environment itself.
  NEXTAUTH_URL: { rule: httpUrl },
  // Unset here means "scripts/start.mjs generates one into prisma/.auth-secret".
  NEXTAUTH_SECRET: { rule: minLength(12, " (generate one with: openssl rand -base64 32)"), secret: true },
  SEED_PASSWORD: { rule: minLength(8), secret: true },
  // 1: prisma/seed.ts seeds an empty PostgreSQL database too (the embedded SQLite one always).
  SEED_DEMO: { rule: oneOf(["0", "1"]), default: "0" },
  TRUST_PROXY: { rule: proxyHops, default: "0" },
  SCIM_RATE_LIMIT_PER_SECOND: { rule: decimalNumber(0, MILLION, " (0 turns the limit off)"), default: "100" },
  // Unset: twice SCIM_RATE_LIMIT_PER_SECOND (see parseConfig).
  SCIM_RATE_LIMIT_BURST: { rule: wholeNumber(1, MILLION) },
  SCIM_AUTH_MAX_FAILURES: { rule: wholeNumber(0, MILLION, " (0 turns the limit off)"), default: "100" },
  SCIM_AUTH_FAILURE_WINDOW_SECONDS: { rule: wholeNumber(1, 86_400), default: "60" },
  LOGIN_MAX_FAILURES_PER_EMAIL: { rule: wholeNumber(1, MILLION), default: "5" },
  LOGIN_MAX_FAILURES_PER_IP: { rule: wholeNumber(1, MILLION), default: "50" },
  AUDIT_RETENTION_DAYS: { rule: wholeNumber(1, 36_500), default: "180" },
  // Unset: no email is sent (token expiry banners still show). May carry a password.
  SMTP_URL: { rule: smtpUrl, secret: true },
  MAIL_FROM: { rule: mailbox, default: "SCIM console <no-reply@localhost>" },
  LOG_LEVEL: { rule: oneOf(["fatal", "error", "warn", "info", "debug", "trace", "silent"]), default: "info" },
  // Unset: GET /metrics answers 404 (metrics off).
  METRICS_TOKEN: { rule: minLength(16, " (generate one with: openssl rand -hex 32)"), secret: true },
  SHUTDOWN_GRACE_SECONDS: { rule: wholeNumber(0, 3_600), default: "10" },
  // off: this instance runs no timers; the jobs run from cron with `npm run jobs -- --once`.
  SCHEDULED_JOBS: { rule: oneOf(["on", "off"]), default: "on" },
  // Next.js's own switch, read by Next as set or not: set, SIGTERM is lib/ops/shutdown.ts's. npm start sets it.
  NEXT_MANUAL_SIG_HANDLE: { rule: text },
} satisfies Record<string, Variable<unknown>>;

export type VariableName = keyof typeof variables;
type Value<V> = V extends { rule: Rule<infer T>; default: string } ? T : V extends { rule: Rule<infer T> } ? T | undefined : never;
type Values = { [K in VariableName]: Value<(typeof variables)[K]> };

/** The validated configuration, keyed by variable name; SCIM_RATE_LIMIT_BURST always has its effective value. */
export type Config = Readonly<Omit<Values, "SCIM_RATE_LIMIT_BURST"> & { SCIM_RATE_LIMIT_BURST: number }>;

export type ParseResult = { ok: true; config: Config } | { ok: false; problems: string[] };

const names = Object.keys(variables) as VariableName[];

function shown(name: VariableName, raw: string): string {
  const variable: Variable<unknown> = variables[name];
  if (variable.secret) return "(hidden)";
  // A PostgreSQL URL may carry a password.
  return JSON.stringify(raw.replace(/(\/\/[^:@/]*:)[^@/]*@/, "$1(hidden)@"));
}

const sentence = (name: string, value: string, allowed: string) => `Invalid configuration: ${name} is ${value}; it must be ${allowed}.`;

/** Pure: reads `env` and returns the configuration, or one sentence per invalid variable. */
export function parseConfig(env: Record<string, string | undefined>): ParseResult {
  const problems: string[] = [];
  const values: Partial<Record<VariableName, unknown>> = {};
  const given = (name: VariableName) => (env[name]?.trim() ? env[name] : undefined);
  for (const name of names) {
    const variable: Variable<unknown> = variables[name];
    const raw = given(name) ?? variable.default;
    if (raw === undefined) continue;
    const parsed = variable.rule.schema.safeParse(raw);
    if (parsed.success) values[name] = parsed.data;
    else problems.push(sentence(name, shown(name, raw), variable.rule.allowed));
  }
  if (problems.length > 0) return { ok: false, problems };
  // Every name is either parsed or optional-and-unset, so `values` now has the table's shape.
  const parsed = values as Values;
  const burst = parsed.SCIM_RATE_LIMIT_BURST ?? Math.max(1, parsed.SCIM_RATE_LIMIT_PER_SECOND * 2);
  return { ok: true, config: Object.freeze({ ...parsed, SCIM_RATE_LIMIT_BURST: burst }) };
}
