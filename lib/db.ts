import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "./generated/prisma-pg/client";
import { serializedSqlite } from "./db/serialized-sqlite";
import { isPostgresUrl, sqliteUrl } from "./db-url";

// The one Prisma client of the process (kept on globalThis so dev reloads reuse it).
const globalForDb = globalThis as unknown as { __db?: PrismaClient };

function createClient(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (isPostgresUrl(url)) {
    // Generated from the derived PostgreSQL schema: same models, same API.
    const pool = Number(process.env.DATABASE_POOL_SIZE ?? 10);
    return new PgPrismaClient({ adapter: new PrismaPg({ connectionString: url, max: pool }) }) as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: serializedSqlite(sqliteUrl(url)) });
}

export const db: PrismaClient = globalForDb.__db ?? (globalForDb.__db = createClient());
export type Db = PrismaClient;
export type { Prisma } from "./generated/prisma/client";
