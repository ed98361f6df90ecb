// Is a failure "the database is unavailable right now" (unreachable, connection lost, locked
// by another process, pool exhausted), as opposed to a bug or a bad request? Those are
// answered 503 + Retry-After by both faces, and go away by themselves when the database
// returns. The shapes below are the ones that actually surface through Prisma 6.19 with
// @prisma/adapter-pg and better-sqlite3 (see tests/unit/db/errors.test.ts for each).
import { isPostgresUnavailableCode as isPostgresUnavailable, isSqliteBusyCode as isSqliteBusy } from "./dialect.mjs";

/** Prisma error codes that mean the database could not be reached or did not answer in time. */
const PRISMA_CODES = new Set([
  "P1001", // can't reach database server (connection refused)
  "P1002", // reached, but timed out
  "P1008", // operations timed out (SQLite: SQLITE_BUSY after busy_timeout)
  "P1017", // server closed the connection
  "P2024", // timed out fetching a connection from the pool
  "P2037", // too many database connections
]);

/** `DriverAdapterError` kinds (Prisma's driver-adapter vocabulary) of the same family. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/** Node socket errors: the server is gone or the network between us is. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);

// The two databases' own codes (SQLite busy, PostgreSQL's unavailable SQLSTATEs) are in lib/db/dialect.mjs.

/**
 * Messages of node-postgres errors that carry no code: a connection dropped mid-query
 * ("Connection terminated unexpectedly"), a connect that hit connectionTimeoutMillis, a
 * query that hit query_timeout, a client reused after its socket died.
 */
const PG_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error and is not queryable)/;

/** Prisma's interactive-transaction errors that mean "the database was too slow or locked". */
const TRANSACTION_TIMEOUT = /Unable to start a transaction in the given time|expired transaction|timeout for this transaction/i;

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === "object" && v !== null;
const str = (v: unknown): string => (typeof v === "string" ? v : "");

function matches(node: Node): boolean {
  const code = str(node.code);
  const message = str(node.message);
  if (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || isSqliteBusy(code)) return true;
  if (code === "P2028" && TRANSACTION_TIMEOUT.test(message)) return true;
  // DriverAdapterError causes: { kind, originalCode } or { kind: "postgres", code }.
  if (ADAPTER_KINDS.has(str(node.kind)) || isSqliteBusy(str(node.originalCode))) return true;
  // From Prisma's adapter ({ kind: "postgres", code }) or straight from node-postgres (lib/db/sql.ts).
  if ((node.kind === "postgres" || typeof node.severity === "string") && isPostgresUnavailable(code)) return true;
  return PG_MESSAGES.test(message);
}

/** Seconds a client should wait before retrying when the database is unavailable (the 503s of the SCIM API and the console; Entra and Okta both retry 5xx answers). */
export const RETRY_AFTER_SECONDS = 10;

/** Walks the error, its `cause` chain, Prisma's `meta.driverAdapterError` and AggregateErrors (bounded: causes may cycle). */
export function isDatabaseUnavailable(err: unknown): boolean {
  const queue: unknown[] = [err];
  for (let seen = 0; queue.length && seen < 10; seen++) {
    const node = queue.shift();
    if (!isNode(node)) continue;
    if (matches(node)) return true;
    queue.push(node.cause);
    if (isNode(node.meta)) queue.push(node.meta.driverAdapterError);
    if (Array.isArray(node.errors)) queue.push(...(node.errors as unknown[])); // AggregateError: one per address tried
  }
  return false;
}

/** One line for the server log: what failed, without a stack per request during an outage. */
export function describeDatabaseError(err: unknown): string {
  if (!isNode(err)) return String(err);
  const meta = isNode(err.meta) && isNode(err.meta.driverAdapterError) ? err.meta.driverAdapterError.cause : undefined;
  const detail = isNode(meta) ? ` ${str(meta.kind)} ${str(meta.originalCode) || str(meta.code)}`.trimEnd() : "";
  const code = str(err.code) || str(err.name);
  // Prisma puts a code frame first and the driver's message last.
  const lastLine = str(err.message).trim().split("\n").at(-1) ?? "";
  return `${code}${detail}: ${lastLine}`.trim();
}
