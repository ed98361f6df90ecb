// Direct access to the e2e server's database, for what only time can do: bring a token close
// to its expiry. Same database as scripts/e2e-server.mjs (E2E_DATABASE_URL, else the SQLite file).
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl } from "../lib/db/dialect.mjs";

export async function setTokenExpiry(tokenId: string, expiresAt: Date): Promise<void> {
  const url = process.env.E2E_DATABASE_URL;
  if (isPostgresUrl(url)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      // timestamp(3) without time zone, in UTC (as Prisma writes it).
      await client.query(`UPDATE "ScimToken" SET "expiresAt" = ($1::timestamptz AT TIME ZONE 'UTC') WHERE "id" = $2`, [
        expiresAt.toISOString(),
        tokenId,
      ]);
    } finally {
      await client.end();
    }
    return;
  }
  const file = url?.startsWith("file:") ? url.slice(5) : path.join(__dirname, "..", ".tmp", "e2e", "e2e.db");
  const db = new Database(file);
  try {
    db.pragma("busy_timeout = 5000");
    const changed = db
      .prepare(`UPDATE "ScimToken" SET "expiresAt" = ? WHERE "id" = ?`)
      .run(expiresAt.toISOString().replace("Z", "+00:00"), tokenId).changes;
    if (changed !== 1) throw new Error(`token ${tokenId} not found in ${file}`);
  } finally {
    db.close();
  }
}
