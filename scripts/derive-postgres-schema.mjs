// Usage:
//   node scripts/derive-postgres-schema.mjs            write prisma/postgres/schema.prisma
//   node scripts/derive-postgres-schema.mjs new NAME   also write migration NAME for SQLite and PostgreSQL
//   node scripts/derive-postgres-schema.mjs --check    fail when anything derived is out of date (CI)
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  derivePostgresSchema,
  diffSql,
  lastSnapshot,
  migrationNames,
  PG_MIGRATIONS,
  PG_SCHEMA,
  SQLITE_MIGRATIONS,
  SQLITE_SCHEMA,
  writeDerivedSchema,
} from "./schema-tools.mjs";

const [cmd, name] = process.argv.slice(2);

function check() {
  const problems = [];
  const expected = derivePostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8"));
  if (!existsSync(PG_SCHEMA) || readFileSync(PG_SCHEMA, "utf8") !== expected)
    problems.push("prisma/postgres/schema.prisma is not derived from prisma/schema.prisma");
  const a = migrationNames(SQLITE_MIGRATIONS).join(",");
  const b = migrationNames(PG_MIGRATIONS).join(",");
  if (a !== b) problems.push(`SQLite and PostgreSQL migrations differ: [${a}] vs [${b}]`);
  for (const [dir, schema] of [
    [SQLITE_MIGRATIONS, SQLITE_SCHEMA],
    [PG_MIGRATIONS, PG_SCHEMA],
  ]) {
    const snap = lastSnapshot(dir);
    if (!snap) problems.push(`${path.relative(process.cwd(), dir)}: the last migration has no schema snapshot`);
    else if (
      diffSql(snap, schema)
        .replace(/--.*\n/g, "")
        .trim()
    )
      problems.push(
        `${path.relative(process.cwd(), schema)} has changes without a migration (run: node scripts/derive-postgres-schema.mjs new <name>)`,
      );
  }
  if (problems.length) {
    console.error(problems.map((p) => `✖ ${p}`).join("\n"));
    process.exit(1);
  }
  console.log("Schemas and migrations are in sync (SQLite and PostgreSQL).");
}

function newMigration(label) {
  if (!label || !/^[a-z0-9_]+$/.test(label)) throw new Error("Usage: new <name> (lower case, digits, _)");
  writeDerivedSchema();
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  for (const [dir, schema] of [
    [SQLITE_MIGRATIONS, SQLITE_SCHEMA],
    [PG_MIGRATIONS, PG_SCHEMA],
  ]) {
    const previous = lastSnapshot(dir);
    const sql = diffSql(previous, schema);
    const target = path.join(dir, `${stamp}_${label}`);
    mkdirSync(target, { recursive: true });
    writeFileSync(path.join(target, "migration.sql"), sql);
    copyFileSync(schema, path.join(target, "schema.prisma"));
    // Only the newest snapshot is ever read: the previous one goes.
    if (previous) rmSync(previous);
    console.log(`wrote ${path.relative(process.cwd(), target)}`);
  }
}

if (cmd === "--check") check();
else if (cmd === "new") newMigration(name);
else {
  writeDerivedSchema();
  console.log("wrote prisma/postgres/schema.prisma");
}
