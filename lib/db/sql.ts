import type Database from "better-sqlite3";
import pg, { type Pool, type PoolClient } from "pg";
import type { Later } from "../later";
import { LISTS, retryingConflicts, VALUES, whileBusy } from "./dialect.mjs";
import { Lock } from "./lock";
import { render, type Rendered, type Statement } from "./sql-statement";

/**
 * Statements prepared once on the raw driver, for the paths that run all day (the SCIM API's
 * reads and writes, the token check). Prisma 6.19's JS engine spends ~1.2 ms of CPU compiling
 * every query; a prepared statement costs ~0.05 ms. Rows come back as arrays in the order of
 * the statement's columns (better-sqlite3 `raw`, pg `rowMode: "array"`). Every call reaches
 * the database: nothing is cached but the statements themselves.
 *
 * Results are `Later`: on SQLite the value itself (better-sqlite3 is synchronous, and a promise
 * would only add AsyncLocalStorage's hooks under Next), on PostgreSQL a promise. `await` takes
 * either; the SCIM hot path chains them with lib/later.ts. A failing SQLite statement throws
 * where it is called, so call it inside an async function or under `recover`.
 */
export type Row = readonly unknown[];

export interface SqlRunner {
  rows<N extends string>(s: Statement<N>, args: Record<N, unknown>): Later<Row[]>;
  row<N extends string>(s: Statement<N>, args: Record<N, unknown>): Later<Row | undefined>;
  /** Rows changed. */
  run<N extends string>(s: Statement<N>, args: Record<N, unknown>): Later<number>;
}

export interface Sql extends SqlRunner {
  dialect: "sqlite" | "postgres";
  /** One transaction: all of `fn`'s statements commit together, or none do. */
  transaction<T>(fn: (tx: SqlRunner) => Later<T>): Promise<T>;
  /** At shutdown: closes the connections (SQLite) or ends the pool (PostgreSQL). */
  close(): Promise<void>;
}

// Reading values back: SQLite has no boolean or date type (0/1, ISO text), PostgreSQL has both.
export const asBool = (v: unknown): boolean => v === true || v === 1 || v === 1n;
export const asDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
export const asDateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : asDate(v));
export const asText = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export { isUniqueViolation } from "./dialect.mjs";

function bind(
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

// ---- SQLite (better-sqlite3): reads on a read-only connection, writes on one writer connection.

function sqliteRunner(open: () => Database.Database): SqlRunner & { close: () => void } {
  let conn: Database.Database | undefined;
  const cache = new Map<string, { stmt: Database.Statement; order: Rendered["order"] }>();
  const prepare = (s: Statement) => {
    conn ??= open();
    const { text, order } = render(s, "sqlite");
    const stmt = conn.prepare(text);
    return { stmt: stmt.reader ? stmt.raw(true) : stmt, order };
  };
  const prepared = (s: Statement) => {
    if (s.once) return prepare(s);
    let p = cache.get(s.name);
    if (!p) cache.set(s.name, (p = prepare(s)));
    return p;
  };
  const args = (p: { order: Rendered["order"] }, a: Record<string, unknown>) => bind(p.order, a, VALUES.sqlite, LISTS.sqlite);
  return {
    rows: (s, a) => {
      const p = prepared(s);
      return p.stmt.all(...args(p, a)) as Row[];
    },
    row: (s, a) => {
      const p = prepared(s);
      return p.stmt.get(...args(p, a)) as Row | undefined;
    },
    run: (s, a) => {
      const p = prepared(s);
      return p.stmt.run(...args(p, a)).changes;
    },
    close: () => {
      conn?.close();
      conn = undefined;
      cache.clear();
    },
  };
}

export function sqliteSql(openReader: () => Database.Database, openWriter: () => Database.Database): Sql {
  const reader = sqliteRunner(openReader);
  let writerConn: Database.Database | undefined;
  const writer = sqliteRunner(() => (writerConn ??= openWriter()));
  // One transaction at a time on the writer connection: a statement from another request would
  // otherwise run inside an open transaction (and vanish with its rollback).
  const lock = new Lock();
  let controls: { begin: Database.Statement; commit: Database.Statement; rollback: Database.Statement } | undefined;
  const transaction = async <T>(fn: (tx: SqlRunner) => Later<T>): Promise<T> => {
    const release = await lock.acquire();
    try {
      const conn = (writerConn ??= openWriter());
      const control = (controls ??= {
        begin: conn.prepare("BEGIN IMMEDIATE"),
        commit: conn.prepare("COMMIT"),
        rollback: conn.prepare("ROLLBACK"),
      });
      // IMMEDIATE: the write lock up front, so a transaction that reads before it writes cannot
      // fail with SQLITE_BUSY_SNAPSHOT when another process (a second instance, Prisma's own
      // connection) wrote in between. Busy: wait asynchronously and try again.
      await whileBusy(async () => void control.begin.run());
      try {
        const result = await fn(writer);
        control.commit.run();
        return result;
      } catch (err) {
        if (conn.inTransaction) control.rollback.run();
        throw err;
      }
    } finally {
      release();
    }
  };
  return {
    dialect: "sqlite",
    rows: reader.rows,
    row: reader.row,
    run: (s, a) => transaction((tx) => tx.run(s, a)),
    transaction,
    async close() {
      // After the transaction in progress, if any: closing under it would lose its commit.
      const release = await lock.acquire();
      try {
        reader.close();
        writer.close();
        writerConn?.close();
        writerConn = undefined;
        controls = undefined;
      } finally {
        release();
      }
    },
  };
}

// ---- PostgreSQL (node-postgres): named statements on the pool Prisma shares.

// Prisma writes timestamp(3) without time zone, in UTC: parse and write them as UTC whatever the server's TZ.
const TIMESTAMP_OID = 1114;
const parseUtc = (v: string) => new Date(v.replace(" ", "T") + "Z");
const pgTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID ? parseUtc : pg.types.getTypeParser(oid, format ?? "text")) as typeof pg.types.getTypeParser,
};

const pgRendered = new Map<string, Rendered>(); // shared by the pool and every transaction's client

function pgRunner(client: Pool | PoolClient): SqlRunner {
  const cache = pgRendered;
  const query = async (s: Statement, a: Record<string, unknown>) => {
    let r = s.once ? undefined : cache.get(s.name);
    if (!r) {
      r = render(s, "postgres");
      if (!s.once) cache.set(s.name, r);
    }
    // Unnamed when composed at run time: PostgreSQL keeps a named statement for the connection's life.
    return client.query<unknown[]>({
      name: s.once ? undefined : s.name,
      text: r.text,
      values: bind(r.order, a, VALUES.postgres, LISTS.postgres),
      types: pgTypes,
      rowMode: "array",
    });
  };
  return {
    rows: async (s, a) => (await query(s, a)).rows,
    row: async (s, a) => (await query(s, a)).rows[0],
    run: async (s, a) => (await query(s, a)).rowCount ?? 0,
  };
}

export function postgresSql(pool: Pool): Sql {
  const outside = pgRunner(pool);
  return {
    dialect: "postgres",
    ...outside,
    // A transaction the database aborted for a deadlock or a serialization failure is run again (lib/db/dialect.mjs).
    transaction: (fn) =>
      retryingConflicts(async () => {
        const client = await pool.connect();
        let broken: unknown;
        try {
          await client.query("BEGIN");
          const result = await fn(pgRunner(client));
          await client.query("COMMIT");
          return result;
        } catch (err) {
          // A connection that cannot even roll back is dropped from the pool, not reused.
          await client.query("ROLLBACK").catch((e: unknown) => (broken = e));
          throw err;
        } finally {
          client.release(broken instanceof Error ? broken : undefined);
        }
      }),
    close: async () => {
      if (!pool.ending && !pool.ended) await pool.end();
    },
  };
}
