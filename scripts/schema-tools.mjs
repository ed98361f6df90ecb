// One Prisma schema (prisma/schema.prisma, SQLite) is the source of truth. This module
// derives the PostgreSQL schema from it and writes matching SQL migrations for both.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
export const SQLITE_SCHEMA = path.join(root, "prisma/schema.prisma");
export const PG_SCHEMA = path.join(root, "prisma/postgres/schema.prisma");
export const SQLITE_MIGRATIONS = path.join(root, "prisma/migrations");
export const PG_MIGRATIONS = path.join(root, "prisma/postgres/migrations");
const HEADER = "// GENERATED from prisma/schema.prisma by scripts/derive-postgres-schema.mjs — do not edit.\n";

export function derivePostgresSchema(sqliteSchema) {
  const out = sqliteSchema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(
      /url\s*=\s*"file:[^"]*"(.*)/,
      'url      = "postgresql://localhost/placeholder" // required by the 6.19 CLI; the driver adapter decides the real database',
    )
    .replace(/output\s*=\s*"\.\.\/lib\/generated\/prisma"/, 'output     = "../../lib/generated/prisma-pg"');
  if (out === sqliteSchema || !out.includes('"postgresql"') || !out.includes("prisma-pg"))
    throw new Error("Could not derive the PostgreSQL schema: generator or datasource block changed shape");
  return HEADER + out;
}

export function migrationNames(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

const prismaCli = path.join(root, "node_modules/prisma/build/index.js");

/** SQL that turns schema `from` (file path, or null for empty) into schema `to`. */
export function diffSql(from, to) {
  const args = [
    prismaCli,
    "migrate",
    "diff",
    from ? "--from-schema-datamodel" : "--from-empty",
    ...(from ? [from] : []),
    "--to-schema-datamodel",
    to,
    "--script",
  ];
  return execFileSync(process.execPath, args, {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}

/**
 * The newest migration keeps the schema it produced (schema.prisma beside migration.sql), so the
 * next diff starts from it; older migrations need no snapshot (`new` moves it forward).
 */
export function lastSnapshot(dir) {
  const names = migrationNames(dir);
  const last = names[names.length - 1];
  const file = last ? path.join(dir, last, "schema.prisma") : null;
  return file && existsSync(file) ? file : null;
}

export function writeDerivedSchema() {
  mkdirSync(path.dirname(PG_SCHEMA), { recursive: true });
  writeFileSync(PG_SCHEMA, derivePostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8")));
}

export function tmpFile(name, content) {
  const dir = path.join(tmpdir(), `schema-tools-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}
