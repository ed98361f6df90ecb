import pg, { type Pool, type PoolClient } from "pg";
import { LISTS, retryingConflicts, VALUES } from "./dialect.mjs";
import { bind, type Sql, type SqlRunner } from "./sql";
import { render, type Rendered, type Statement } from "./sql-statement";

// The raw statements on PostgreSQL (node-postgres): named statements on the pool Prisma shares.

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
