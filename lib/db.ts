import Database from "better-sqlite3";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "./generated/prisma-pg/client";
import { releasingTransactions } from "./db/pg-transaction-release";
import { serializedSqlite } from "./db/serialized-sqlite";
import { postgresSql, sqliteSql, type Sql } from "./db/sql";
import { applyPragmas, isPostgresUrl, sqliteFile, sqliteUrl } from "./db/dialect.mjs";
import { config } from "./config";

// The process's database access: one Prisma client, and the raw drivers' prepared statements
// (lib/db/sql.ts) for the paths that run all day, on the same database. Kept on globalThis so
// dev reloads reuse them.
interface Handles {
  db: PrismaClient;
  sql: Sql;
}
const globalForDb = globalThis as unknown as { __db?: Handles };

function create(): Handles {
  const url = config.DATABASE_URL;
  if (isPostgresUrl(url)) {
    // One pool shared by Prisma and the prepared reads. Bounded waits: without them a
    // black-holed server or a frozen connection hangs requests forever; with them the request
    // fails, is answered 503 (lib/db/errors.ts) and the pool recovers when the database returns.
    const pool = new pg.Pool({
      connectionString: url,
      max: config.DATABASE_POOL_SIZE,
      connectionTimeoutMillis: 5_000,
      query_timeout: 30_000,
    });
    // Generated from the derived PostgreSQL schema: same models, same API.
    const db = new PgPrismaClient({ adapter: releasingTransactions(new PrismaPg(pool)) }) as unknown as PrismaClient;
    return { db, sql: postgresSql(pool) };
  }
  // Each connection with the pragmas of its kind (lib/db/dialect.mjs).
  const open = (kind: "reader" | "writer") => () => {
    const conn = new Database(sqliteFile(url));
    applyPragmas(conn, kind);
    return conn;
  };
  return { db: new PrismaClient({ adapter: serializedSqlite(sqliteUrl(url)) }), sql: sqliteSql(open("reader"), open("writer")) };
}

const handles = globalForDb.__db ?? (globalForDb.__db = create());
export const db: PrismaClient = handles.db;
export const sql: Sql = handles.sql;
export type Db = PrismaClient;

/** At shutdown (lib/ops/shutdown.ts): Prisma's connections, then the raw drivers' (and PostgreSQL's shared pool). */
export async function closeDatabase(): Promise<void> {
  await db.$disconnect();
  await sql.close();
}
export type { Prisma } from "./generated/prisma/client";
