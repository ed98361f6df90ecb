import Database from "better-sqlite3";
import { mkdtempSync, readdirSync, readlinkSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyPragmas } from "@/lib/db/dialect.mjs";
import { serializedSqlite } from "@/lib/db/serialized-sqlite";
import { statement } from "@/lib/db/sql-statement";
import { sqliteSql } from "@/lib/db/sqlite-sql";
import { SqliteWriter } from "@/lib/db/sqlite-writer";
import { PrismaClient } from "@/lib/generated/prisma/client";
// @ts-expect-error -- plain ESM script without types
import { migrate } from "../../../scripts/migrate.mjs";

const migrateDb = migrate as (url: string) => Promise<string[]>;

// One writer per SQLite file per process: Prisma and the raw statements write through the same
// connection (the one @prisma/adapter-better-sqlite3 opens), one at a time under one lock, so
// neither ever meets the other as SQLITE_BUSY.

let dir: string;
let file: string;
let writer: SqliteWriter;
let prisma: PrismaClient;
let sql: ReturnType<typeof sqliteSql>;

const INSERT_ORG = statement(
  "test_insert_org",
)`INSERT INTO "Organization" ("id", "name", "createdAt") VALUES (${"id"}, ${"name"}, ${"now"})`;
const COUNT_ORGS = statement("test_count_orgs")`SELECT COUNT(*) FROM "Organization" WHERE "name" = ${"name"}`;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "sqlite-writer-"));
  file = path.join(dir, "w.db");
  await migrateDb(`file:${file}`);
  writer = new SqliteWriter(`file:${file}`);
  prisma = new PrismaClient({ adapter: serializedSqlite(writer) });
  sql = sqliteSql(() => {
    const conn = new Database(file);
    applyPragmas(conn, "reader");
    return conn;
  }, writer);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await sql?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** This process's open file descriptors on the database file itself (not its -wal and -shm). */
const handlesOnFile = () =>
  readdirSync("/proc/self/fd").filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false; // closed meanwhile
    }
  }).length;

describe("the SQLite writer", () => {
  it("is the connection Prisma's adapter opened, with the writer's pragmas", async () => {
    const connection = await writer.exclusive(async ({ connection }) => connection);
    expect(connection).toBeInstanceOf(Database);
    const pragma = (name: string) => String(connection.pragma(name, { simple: true })); // Prisma's adapter reads integers as BigInts
    expect([pragma("journal_mode"), pragma("busy_timeout"), pragma("foreign_keys")]).toEqual(["wal", "0", "1"]);
  });

  it("is shared: after Prisma's and the raw statements' writes and reads, the file is open twice (the writer and the raw reader)", async () => {
    await prisma.organization.create({ data: { id: "org-prisma", name: "shared" } });
    await sql.run(INSERT_ORG, { id: "org-raw", name: "shared", now: new Date() });
    expect(await prisma.organization.count({ where: { name: "shared" } })).toBe(2);
    expect(Number((await sql.row(COUNT_ORGS, { name: "shared" }))?.[0])).toBe(2);
    expect(handlesOnFile()).toBe(2);
  });

  it("lets a raw write wait for Prisma's open transaction, and the reverse, without SQLITE_BUSY", async () => {
    const order: string[] = [];
    let raw: Promise<number> | undefined;
    await prisma.$transaction(async (tx) => {
      await tx.organization.create({ data: { id: "org-tx-prisma", name: "ordered" } });
      raw = sql.run(INSERT_ORG, { id: "org-tx-raw", name: "ordered", now: new Date() }).then((n) => (order.push("raw"), n));
      await new Promise((resolve) => setTimeout(resolve, 50)); // the raw write is waiting meanwhile
      order.push("prisma");
    });
    expect(await raw).toBe(1);
    const late = sql.transaction(async (tx) => {
      await tx.run(INSERT_ORG, { id: "org-tx-raw-2", name: "ordered", now: new Date() });
      await new Promise((resolve) => setTimeout(resolve, 50));
      order.push("raw transaction");
    });
    await prisma.organization.create({ data: { id: "org-tx-prisma-2", name: "ordered" } }).then(() => order.push("prisma after"));
    await late;
    expect(order).toEqual(["prisma", "raw", "raw transaction", "prisma after"]);
  });

  it("serves many concurrent writes from both sides, every one committed", async () => {
    const writes = Array.from({ length: 60 }, (_, i) =>
      i % 2
        ? prisma.organization.create({ data: { id: `org-many-${i}`, name: "many" } })
        : sql.transaction(async (tx) => {
            await tx.run(INSERT_ORG, { id: `org-many-${i}`, name: "many", now: new Date() });
          }),
    );
    await Promise.all(writes);
    expect(await prisma.organization.count({ where: { name: "many" } })).toBe(60);
  });

  it("rolls a failed raw transaction back whole, and keeps serving", async () => {
    await expect(
      sql.transaction(async (tx) => {
        await tx.run(INSERT_ORG, { id: "org-rolled-back", name: "rolled back", now: new Date() });
        await tx.run(INSERT_ORG, { id: "org-rolled-back", name: "rolled back", now: new Date() }); // duplicate key
      }),
    ).rejects.toMatchObject({ code: "SQLITE_CONSTRAINT_PRIMARYKEY" });
    expect(await prisma.organization.count({ where: { name: "rolled back" } })).toBe(0);
    expect(await sql.run(INSERT_ORG, { id: "org-after-rollback", name: "after", now: new Date() })).toBe(1);
  });

  it("opens again after Prisma's $disconnect closed it", async () => {
    await prisma.$disconnect();
    expect(await sql.run(INSERT_ORG, { id: "org-reopened", name: "reopened", now: new Date() })).toBe(1);
    expect(await prisma.organization.count({ where: { name: "reopened" } })).toBe(1);
  });
});
