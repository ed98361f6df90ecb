import { PrismaClient } from "./generated/prisma/client";
import { serializedSqlite } from "./db/serialized-sqlite";
import { sqliteUrl } from "./db-url";

// The one Prisma client of the process (kept on globalThis so dev reloads reuse it).
const globalForDb = globalThis as unknown as { __db?: PrismaClient };

function createClient(): PrismaClient {
  return new PrismaClient({ adapter: serializedSqlite(sqliteUrl(process.env.DATABASE_URL)) });
}

export const db: PrismaClient = globalForDb.__db ?? (globalForDb.__db = createClient());
export type Db = PrismaClient;
export type { Prisma } from "./generated/prisma/client";
