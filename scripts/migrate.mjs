// Applies the committed SQL migrations that the database has not seen yet, each in
// its own transaction, and records them in "_app_migrations". One small runner for
// SQLite and PostgreSQL alike (Prisma's JS schema engine cannot deploy to PostgreSQL).
import { mkdirSync, readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { applyPragmas, isPostgresUrl, PLACEHOLDERS, sqliteFile } from "../lib/db/dialect.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

function migrationsDir(url) {
  return path.join(root, "prisma", isPostgresUrl(url) ? "postgres/migrations" : "migrations");
}

/** Records one applied migration: (name, appliedAt), in the dialect's placeholders. */
const record = (dialect) =>
  `INSERT INTO "_app_migrations" ("name", "appliedAt") VALUES (${PLACEHOLDERS[dialect].value(1)}, ${PLACEHOLDERS[dialect].value(2)})`;

function pending(dir, applied) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .filter((name) => !applied.has(name))
    .map((name) => ({ name, sql: readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

async function migrateSqlite(url) {
  const { default: Database } = await import("better-sqlite3");
  const file = sqliteFile(url);
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    applyPragmas(db, "migrator");
    db.exec('CREATE TABLE IF NOT EXISTS "_app_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)');
    const applied = new Set(
      db
        .prepare('SELECT "name" FROM "_app_migrations"')
        .all()
        .map((r) => r.name),
    );
    const todo = pending(migrationsDir(url), applied);
    for (const m of todo) {
      db.transaction(() => {
        db.exec(m.sql);
        db.prepare(record("sqlite")).run(m.name, new Date().toISOString());
      }).immediate();
    }
    return todo.map((m) => m.name);
  } finally {
    db.close();
  }
}

async function migratePostgres(url) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Several instances may start at once: one advisory lock serialises them.
    await client.query("SELECT pg_advisory_lock(727274)");
    await client.query('CREATE TABLE IF NOT EXISTS "_app_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TIMESTAMPTZ NOT NULL)');
    const { rows } = await client.query('SELECT "name" FROM "_app_migrations"');
    const todo = pending(migrationsDir(url), new Set(rows.map((r) => r.name)));
    for (const m of todo) {
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(record("postgres"), [m.name, new Date()]);
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw err;
      }
    }
    return todo.map((m) => m.name);
  } finally {
    await client.query("SELECT pg_advisory_unlock(727274)").catch(() => {});
    await client.end();
  }
}

export async function migrate(url) {
  return isPostgresUrl(url) ? migratePostgres(url) : migrateSqlite(url);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  // npm run db:migrate: DATABASE_URL as the server reads it (lib/config/schema.ts: checked, defaulted).
  const { tsImport } = await import("tsx/esm/api");
  const { exitOnInvalidConfig } = await tsImport("../lib/config/exit-on-invalid-config.ts", import.meta.url);
  const applied = await migrate(exitOnInvalidConfig().DATABASE_URL);
  console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database is up to date.");
}
