// The classifier behind every 503: each "unavailable" shape below was captured by experiment
// (PostgreSQL behind a TCP proxy that was cut, refused or black-holed; a SQLite file held by
// another process's BEGIN EXCLUSIVE beyond busy_timeout). Everything else must stay a 4xx/500.
import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { describeDatabaseError, isDatabaseUnavailable } from "@/lib/db/errors";
import { Prisma } from "@/lib/generated/prisma/client";

const known = (code: string, message: string, cause?: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError(message, {
    code,
    clientVersion: "6.19.3",
    meta: cause ? { driverAdapterError: { name: "DriverAdapterError", cause } } : undefined,
  });

/** node-postgres errors without a code, with the clientVersion Prisma stamps on them. */
const pgError = (message: string, cause?: Error) =>
  Object.assign(new Error(message, cause ? { cause } : undefined), { clientVersion: "6.19.3" });

/** What adapter-pg makes of a PostgreSQL error it has no name for (SQLSTATE kept in `code`). */
const postgresError = (code: string, message: string) =>
  new DriverAdapterError({ kind: "postgres", code, severity: "FATAL", message, detail: undefined, column: undefined, hint: undefined });

const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: "connect", errno: -111 });

const unavailable: [string, unknown][] = [
  [
    "PostgreSQL refused (P1001, DatabaseNotReachable)",
    known("P1001", "Can't reach database server at 127.0.0.1:45432", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 45432 }),
  ],
  [
    "raw query while refused (P2010 carrying DatabaseNotReachable)",
    known("P2010", "Raw query failed. Code: `N/A`.", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 45432 }),
  ],
  ["connection cut mid-query", pgError("Connection terminated unexpectedly")],
  [
    "black hole, connectionTimeoutMillis hit",
    pgError("Connection terminated due to connection timeout", pgError("Connection terminated unexpectedly")),
  ],
  ["pool wait timed out (connectionTimeoutMillis)", pgError("timeout exceeded when trying to connect")],
  ["frozen connection (query_timeout)", pgError("Query read timeout")],
  ["backend terminated (57P01)", postgresError("57P01", "terminating connection due to administrator command")],
  ["server starting up (57P03)", postgresError("57P03", "the database system is starting up")],
  ["connection exception class 08", postgresError("08006", "connection failure")],
  ["connection reset", new DriverAdapterError({ kind: "ConnectionClosed" })],
  ["too many connections", new DriverAdapterError({ kind: "TooManyConnections", cause: "sorry, too many clients already" })],
  ["bare socket error (node-postgres, lib/db/sql.ts)", socketError("ECONNREFUSED")],
  ["localhost tried on ::1 and 127.0.0.1", new AggregateError([socketError("ECONNREFUSED"), socketError("ECONNREFUSED")])],
  [
    "node-postgres DatabaseError 57P01 (fast reads)",
    Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01", severity: "FATAL" }),
  ],
  [
    "SQLite locked beyond busy_timeout (P1008, SQLITE_BUSY)",
    known("P1008", "Operation has timed out", {
      originalCode: "SQLITE_BUSY",
      originalMessage: "database is locked",
      kind: "SocketTimeout",
    }),
  ],
  [
    "SQLite raw write while locked (P2010, SQLITE_BUSY)",
    known("P2010", "Raw query failed. Code: `SQLITE_BUSY`. Message: `database is locked`", {
      originalCode: "SQLITE_BUSY",
      originalMessage: "database is locked",
      kind: "SocketTimeout",
    }),
  ],
  ["better-sqlite3 error", new Database.SqliteError("database is locked", "SQLITE_BUSY_SNAPSHOT")],
  ["pool timeout (P2024)", known("P2024", "Timed out fetching a new connection from the connection pool.")],
  [
    "transaction could not start in time (P2028)",
    known("P2028", "Transaction API error: Unable to start a transaction in the given time."),
  ],
  ["wrapped in a cause", new Error("while listing users", { cause: known("P1017", "Server has closed the connection.") })],
];

const notUnavailable: [string, unknown][] = [
  ["unique violation (P2002)", known("P2002", "Unique constraint failed on the fields: (`organizationId`,`userNameLower`)")],
  [
    "lost version race (P2025)",
    known("P2025", "An operation failed because it depends on one or more records that were required but not found."),
  ],
  ["other transaction API error (P2028)", known("P2028", "Transaction API error: Transaction not found.")],
  ["PostgreSQL syntax error", postgresError("42601", "syntax error")],
  ["node-postgres syntax error", Object.assign(new Error("syntax error at or near"), { code: "42601", severity: "ERROR" })],
  ["PostgreSQL unique violation", new DriverAdapterError({ kind: "UniqueConstraintViolation", constraint: { fields: ["id"] } })],
  ["SQLite constraint", new Database.SqliteError("UNIQUE constraint failed", "SQLITE_CONSTRAINT_UNIQUE")],
  ["a bug", new TypeError("Cannot read properties of undefined (reading 'id')")],
  ["invalid input", new ZodError([])],
  ["not an error", "database is locked"],
  ["nothing", undefined],
];

describe("isDatabaseUnavailable", () => {
  it.each(unavailable)("%s → unavailable", (_, err) => expect(isDatabaseUnavailable(err)).toBe(true));
  it.each(notUnavailable)("%s → not unavailable", (_, err) => expect(isDatabaseUnavailable(err)).toBe(false));

  it("terminates on a cause cycle", () => {
    const a = new Error("a");
    const b = new Error("b", { cause: a });
    Object.assign(a, { cause: b });
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});

describe("describeDatabaseError", () => {
  it("is one line with the code, the driver's kind and its message", () => {
    const line = describeDatabaseError(
      known("P1008", "\nInvalid `db.member.update()` invocation:\n\n→ 26 await db.member.update(\nOperation has timed out", {
        originalCode: "SQLITE_BUSY",
        kind: "SocketTimeout",
      }),
    );
    expect(line).toBe("P1008 SocketTimeout SQLITE_BUSY: Operation has timed out");
  });
});
