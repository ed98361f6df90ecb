import type Database from "better-sqlite3";
import { LISTS, VALUES } from "./dialect.mjs";
import { bind, type Row, type Sql, type SqlRunner } from "./sql";
import { render, type Rendered, type Statement } from "./sql-statement";
import type { SqliteWriter } from "./sqlite-writer";

// The raw statements on SQLite (better-sqlite3): reads on a read-only connection of their own
// (WAL: it sees every commit and never waits for the writer), writes in transactions on the
// process's one writer connection, the one Prisma uses (lib/db/sqlite-writer.ts), under the
// same lock. better-sqlite3 answers synchronously, but each call returns a promise, as on
// PostgreSQL: one interface for both (what that costs: bench/README.md, issue 21).

interface Prepared {
  stmt: Database.Statement;
  order: Rendered["order"];
}

// Per connection: a connection closed and opened again (Prisma's $disconnect) prepares afresh.
const statements = new WeakMap<Database.Database, Map<string, Prepared>>();
const runners = new WeakMap<Database.Database, SqlRunner>();

function prepare(conn: Database.Database, s: Statement): Prepared {
  const { text, order } = render(s, "sqlite");
  // Plain numbers, not BigInts: Prisma's adapter turns safe integers on for the whole connection.
  const stmt = conn.prepare(text).safeIntegers(false);
  return { stmt: stmt.reader ? stmt.raw(true) : stmt, order };
}

function prepared(conn: Database.Database, s: Statement): Prepared {
  // Composed at run time (a SCIM filter's shape): prepared for this call only, never cached, so
  // that a client cannot fill the cache with endless shapes.
  if (s.once) return prepare(conn, s);
  let cache = statements.get(conn);
  if (!cache) statements.set(conn, (cache = new Map()));
  let p = cache.get(s.name);
  if (!p) cache.set(s.name, (p = prepare(conn, s)));
  return p;
}

const args = (p: Prepared, a: Record<string, unknown>) => bind(p.order, a, VALUES.sqlite, LISTS.sqlite);

function runnerOn(conn: Database.Database): SqlRunner {
  let runner = runners.get(conn);
  if (!runner) {
    runner = {
      rows: async (s, a) => {
        const p = prepared(conn, s);
        return p.stmt.all(...args(p, a)) as Row[];
      },
      row: async (s, a) => {
        const p = prepared(conn, s);
        return p.stmt.get(...args(p, a)) as Row | undefined;
      },
      run: async (s, a) => {
        const p = prepared(conn, s);
        return p.stmt.run(...args(p, a)).changes;
      },
    };
    runners.set(conn, runner);
  }
  return runner;
}

const COMMIT = { name: "sqlite_commit", strings: ["COMMIT"], params: [] } satisfies Statement;
const ROLLBACK = { name: "sqlite_rollback", strings: ["ROLLBACK"], params: [] } satisfies Statement;

export function sqliteSql(openReader: () => Database.Database, writer: SqliteWriter): Sql {
  let reader: Database.Database | undefined;
  const read = () => runnerOn((reader ??= openReader()));
  const transaction = async <T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T> => {
    const { connection, release } = await writer.begin();
    try {
      const result = await fn(runnerOn(connection));
      prepared(connection, COMMIT).stmt.run();
      return result;
    } catch (err) {
      if (connection.inTransaction) prepared(connection, ROLLBACK).stmt.run();
      throw err;
    } finally {
      release();
    }
  };
  return {
    dialect: "sqlite",
    rows: (s, a) => read().rows(s, a),
    row: (s, a) => read().row(s, a),
    run: (s, a) => transaction((tx) => tx.run(s, a)),
    transaction,
    async close() {
      reader?.close();
      reader = undefined;
      await writer.close();
    },
  };
}
