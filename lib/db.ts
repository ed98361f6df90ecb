import Database from "better-sqlite3";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "./generated/prisma-pg/client";
import { applyPragmas, isPostgresUrl, sqliteFile, sqliteUrl } from "./db/dialect.mjs";
import { releasingTransactions } from "./db/pg-transaction-release";
import { postgresSql } from "./db/postgres-sql";
import { serializedSqlite } from "./db/serialized-sqlite";
import type { Sql } from "./db/sql";
import { sqliteSql } from "./db/sqlite-sql";
import { SqliteWriter } from "./db/sqlite-writer";
import { config } from "./config";

// The process's database access: one Prisma client, and the raw drivers' prepared statements
// (lib/db/sql.ts) for the paths that run all day, on the same connections: PostgreSQL's pool,
// or SQLite's one writer connection (lib/db/sqlite-writer.ts; reads of the raw statements have
// a read-only connection of their own). Kept on globalThis so dev reloads reuse them.
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
  const writer = new SqliteWriter(sqliteUrl(url));
  const openReader = () => {
    const conn = new Database(sqliteFile(url));
    applyPragmas(conn, "reader");
    return conn;
  };
  return { db: new PrismaClient({ adapter: serializedSqlite(writer) }), sql: sqliteSql(openReader, writer) };
}

const handles = globalForDb.__db ?? (globalForDb.__db = create());
export const db: PrismaClient = handles.db;
export const sql: Sql = handles.sql;
export type Db = PrismaClient;

/** At shutdown (lib/ops/shutdown.ts): Prisma's side, then the raw drivers' (SQLite's reader and writer, PostgreSQL's shared pool). */
export async function closeDatabase(): Promise<void> {
  await db.$disconnect();
  await sql.close();
}
export type { Prisma } from "./generated/prisma/client";
