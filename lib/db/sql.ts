import type { Dialect } from "./dialect.mjs";
import type { Rendered, Statement } from "./sql-statement";

/**
 * Statements prepared once on the raw driver, for the paths that run all day (the SCIM API's
 * reads and writes, the token check). Prisma 6.19's JS engine spends ~1.2 ms of CPU compiling
 * every query; a prepared statement costs ~0.05 ms. Rows come back as arrays in the order of
 * the statement's columns (better-sqlite3 `raw`, pg `rowMode: "array"`). Every call reaches
 * the database: nothing is cached but the statements themselves.
 * SQLite: lib/db/sqlite-sql.ts (writes on the connection Prisma shares); PostgreSQL:
 * lib/db/postgres-sql.ts (on the pool Prisma shares).
 */
export type Row = readonly unknown[];

export interface SqlRunner {
  rows<N extends string>(s: Statement<N>, args: Record<N, unknown>): Promise<Row[]>;
  row<N extends string>(s: Statement<N>, args: Record<N, unknown>): Promise<Row | undefined>;
  /** Rows changed. */
  run<N extends string>(s: Statement<N>, args: Record<N, unknown>): Promise<number>;
}

export interface Sql extends SqlRunner {
  dialect: Dialect;
  /** One transaction: all of `fn`'s statements commit together, or none do. */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /** At shutdown: closes the connections (SQLite) or ends the pool (PostgreSQL). */
  close(): Promise<void>;
}

// Reading values back: SQLite has no boolean or date type (0/1, ISO text), PostgreSQL has both.
export const asBool = (v: unknown): boolean => v === true || v === 1 || v === 1n;
export const asDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
export const asDateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : asDate(v));
export const asText = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export { isUniqueViolation } from "./dialect.mjs";

/** The statement's arguments in placeholder order, each written as the driver takes it (dialect.mjs's VALUES and LISTS). */
export function bind(
  order: Rendered["order"],
  args: Record<string, unknown>,
  encode: (v: unknown) => unknown,
  encodeList: (v: unknown[]) => unknown,
): unknown[] {
  return order.map(({ name, list }) => {
    const v = args[name];
    return list ? encodeList(Array.isArray(v) ? v : []) : encode(v);
  });
}
