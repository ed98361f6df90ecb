// What differs between the two databases the application runs on (SQLite, PostgreSQL), in one
// place: which one a URL names, how a SQLite connection is set up, which errors mean "try again"
// (SQLite busy, PostgreSQL deadlock or serialization failure) or "a unique index refused it",
// and how values and placeholders are written into a statement. Plain JavaScript, so that the
// scripts that run outside Next and before a build (scripts/migrate.mjs, scripts/start.mjs) use
// it as it is; its types are in dialect.d.mts.
import path from "node:path";

// ---- Which database: the URL decides.

export const DEFAULT_DATABASE_URL = "file:./prisma/dev.db";

/** postgres:// and postgresql:// name a PostgreSQL server; anything else is a SQLite file (file:…). */
export function dialectOf(url) {
  return /^postgres(ql)?:\/\//.test(url ?? "") ? "postgres" : "sqlite";
}

export const isPostgresUrl = (url) => dialectOf(url) === "postgres";

/** The absolute path of a SQLite `file:` URL (relative paths are relative to the working directory, the project root). */
export function sqliteFile(url) {
  const file = (url && !isPostgresUrl(url) ? url : DEFAULT_DATABASE_URL).replace(/^file:/, "");
  return path.isAbsolute(file) ? file : path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
}

/** The same as a `file:` URL, the form Prisma's SQLite adapter takes. */
export const sqliteUrl = (url) => `file:${sqliteFile(url)}`;

// ---- SQLite connections: the pragmas of each kind of connection.

export const SQLITE_PRAGMAS = {
  // The process's writer (lib/db.ts): WAL, so readers never block it and it never blocks them;
  // synchronous NORMAL, WAL's usual setting (a process crash loses nothing committed, a power cut
  // may lose the last commits but never corrupts the file); busy_timeout 0, because better-sqlite3 waits for a lock synchronously, which would
  // freeze every request of the instance: whileBusy below waits instead, asynchronously; foreign
  // keys on, so a member's emails and group memberships go with it.
  writer: ["journal_mode = WAL", "synchronous = NORMAL", "busy_timeout = 0", "foreign_keys = ON"],
  // Reads: in WAL mode a reader sees every committed write and is never blocked by the writer;
  // keep any synchronous wait (a checkpoint in progress) short. query_only: it cannot write by mistake.
  reader: ["busy_timeout = 100", "query_only = true"],
  // scripts/migrate.mjs, alone at start: it may wait (synchronously) for another process. Foreign
  // keys off (better-sqlite3 turns them on by default): a migration that rebuilds a table (Prisma's
  // "RedefineTables": copy, DROP, rename) would otherwise cascade the DROP's deletes to the rows
  // that reference it, and SQLite ignores the migration's own `PRAGMA foreign_keys = OFF` inside
  // the transaction that applies it.
  migrator: ["journal_mode = WAL", "busy_timeout = 5000", "foreign_keys = OFF"],
};

/** Sets the pragmas of `kind` on a better-sqlite3 connection. */
export function applyPragmas(conn, kind) {
  for (const pragma of SQLITE_PRAGMAS[kind]) conn.pragma(pragma);
}

// ---- Errors: busy (SQLite), conflicts (PostgreSQL), unique violations (both).

const codeOf = (err) => (typeof err === "object" && err !== null && typeof err.code === "string" ? err.code : undefined);

/** SQLite: another connection holds the lock, in all extended variants (SQLITE_BUSY_SNAPSHOT…). */
export const isSqliteBusyCode = (code) => typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));

/** SQLite busy, from better-sqlite3 (`code`) or through Prisma's adapter (`cause.originalCode`). */
export function isBusy(err) {
  return isSqliteBusyCode(err?.cause?.originalCode ?? codeOf(err));
}

export const BUSY_WAIT_MS = 5000;

/** Runs `attempt` until SQLite's lock is free or BUSY_WAIT_MS have passed (then its SQLITE_BUSY error stands). */
export async function whileBusy(attempt) {
  const deadline = Date.now() + BUSY_WAIT_MS;
  for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
    try {
      return await attempt();
    } catch (err) {
      if (!isBusy(err) || Date.now() >= deadline) throw err;
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

/**
 * PostgreSQL aborted one of two transactions that got in each other's way: deadlock_detected
 * (40P01; e.g. a group membership insert, which key-share-locks the member, against a DELETE of
 * that member, which cascades to it) or serialization_failure (40001). Rolled back whole, it is
 * safe to run again.
 */
export const isConflict = (err) => ["40P01", "40001"].includes(codeOf(err));

export const CONFLICT_ATTEMPTS = 3;

/** Runs a transaction again (CONFLICT_ATTEMPTS in all) when the database aborted it for a conflict. */
export async function retryingConflicts(transaction) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (err) {
      if (!isConflict(err) || attempt >= CONFLICT_ATTEMPTS) throw err;
    }
  }
}

/** PostgreSQL SQLSTATEs of an unavailable server: class 08 (connection exception), 57P01–57P03 (shutdown, starting up), 53300 (too many connections). */
export const isPostgresUnavailableCode = (code) => code.startsWith("08") || /^57P0[123]$/.test(code) || code === "53300";

const UNIQUE_VIOLATIONS = new Set(["SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY", "23505", "P2002"]);

/** A unique index refused the write (SQLite, PostgreSQL, or Prisma on either). */
export const isUniqueViolation = (err) => UNIQUE_VIOLATIONS.has(codeOf(err));

// ---- Statements: placeholders and values (lib/db/sql-statement.ts renders, lib/db/sql.ts binds).

export const PLACEHOLDERS = {
  // node-postgres: numbered; a list is one array parameter.
  postgres: { value: (n) => `$${n}`, list: (n) => `= ANY($${n})`, table: (n) => `unnest($${n}::text[]) AS "listed"("value")` },
  // better-sqlite3: positional; a list is one JSON text, read back with json_each.
  sqlite: { value: () => "?", list: () => "IN (SELECT value FROM json_each(?))", table: () => `json_each(?) AS "listed"` },
};

/** Row locks: PostgreSQL's `FOR UPDATE`; SQLite has none (BEGIN IMMEDIATE already holds the whole database). */
export const FOR_UPDATE = { postgres: " FOR UPDATE", sqlite: "" };

/**
 * Values as each driver takes them. SQLite has no boolean or date type: 0/1, and dates as ISO
 * 8601 text with +00:00, as Prisma's adapter writes them, so both read them alike. PostgreSQL
 * takes booleans as they are, and dates as UTC text (Prisma's timestamp(3) has no time zone).
 */
export const VALUES = {
  sqlite: (v) =>
    v === undefined ? null : typeof v === "boolean" ? (v ? 1 : 0) : v instanceof Date ? v.toISOString().replace("Z", "+00:00") : v,
  postgres: (v) => (v === undefined ? null : v instanceof Date ? v.toISOString() : v),
};

/** A list parameter: a JSON array for SQLite's json_each, an array for PostgreSQL. */
export const LISTS = {
  sqlite: (values) => JSON.stringify(values.map(VALUES.sqlite)),
  postgres: (values) => values.map(VALUES.postgres),
};
