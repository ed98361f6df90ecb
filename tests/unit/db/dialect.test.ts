import Database from "better-sqlite3";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import { describe, expect, it } from "vitest";
import {
  applyPragmas,
  CONFLICT_ATTEMPTS,
  dialectOf,
  isBusy,
  isConflict,
  isUniqueViolation,
  retryingConflicts,
  sqliteFile,
  VALUES,
  LISTS,
  whileBusy,
} from "@/lib/db/dialect.mjs";

// lib/db/dialect.mjs holds what differs between SQLite and PostgreSQL; nothing else decides it.

const root = path.join(__dirname, "../../..");
const coded = (code: string) => Object.assign(new Error(code), { code });

describe("which database a URL names", () => {
  it.each([
    ["postgresql://app@db:5432/scim", "postgres"],
    ["postgres://db/scim", "postgres"],
    ["file:./prisma/dev.db", "sqlite"],
    ["file:/tmp/x.db", "sqlite"],
    [undefined, "sqlite"],
    ["postgresish:x", "sqlite"],
  ] as const)("%s → %s", (url, dialect) => expect(dialectOf(url)).toBe(dialect));

  it("resolves a relative SQLite file against the working directory, and defaults to prisma/dev.db", () => {
    expect(sqliteFile("file:/tmp/x.db")).toBe("/tmp/x.db");
    expect(sqliteFile("file:./data/x.db")).toBe(path.resolve("data/x.db"));
    expect(sqliteFile(undefined)).toBe(path.resolve("prisma/dev.db"));
  });
});

describe("SQLite connections", () => {
  it("get the pragmas of their kind", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "dialect-"));
    try {
      const file = path.join(dir, "p.db");
      const writer = new Database(file);
      applyPragmas(writer, "writer");
      expect([
        writer.pragma("journal_mode", { simple: true }),
        writer.pragma("synchronous", { simple: true }),
        writer.pragma("busy_timeout", { simple: true }),
        writer.pragma("foreign_keys", { simple: true }),
      ]).toEqual(["wal", 1, 0, 1]);
      const reader = new Database(file);
      applyPragmas(reader, "reader");
      expect(() => reader.exec("CREATE TABLE t (x)")).toThrow(/readonly|query_only/i);
      const migrator = new Database(file);
      applyPragmas(migrator, "migrator");
      expect(migrator.pragma("foreign_keys", { simple: true })).toBe(0); // a migration's table rebuild must not cascade
      for (const c of [writer, reader, migrator]) c.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("errors", () => {
  it("knows busy from better-sqlite3 and through Prisma's adapter", () => {
    expect(isBusy(new Database.SqliteError("database is locked", "SQLITE_BUSY"))).toBe(true);
    expect(isBusy(new Database.SqliteError("database is locked", "SQLITE_BUSY_SNAPSHOT"))).toBe(true);
    expect(
      isBusy(
        new DriverAdapterError({ kind: "SocketTimeout", originalCode: "SQLITE_BUSY", originalMessage: "database is locked" } as never),
      ),
    ).toBe(true);
    expect(isBusy(new Database.SqliteError("UNIQUE constraint failed", "SQLITE_CONSTRAINT_UNIQUE"))).toBe(false);
  });

  it("waits while busy, and gives up on anything else at once", async () => {
    let calls = 0;
    await expect(whileBusy(async () => (++calls < 3 ? Promise.reject(coded("SQLITE_BUSY")) : "done"))).resolves.toBe("done");
    expect(calls).toBe(3);
    calls = 0;
    await expect(whileBusy(async () => (++calls, Promise.reject(coded("SQLITE_CONSTRAINT_UNIQUE"))))).rejects.toThrow(
      "SQLITE_CONSTRAINT_UNIQUE",
    );
    expect(calls).toBe(1);
  });

  it("runs a transaction again after a PostgreSQL deadlock or serialization failure, a bounded number of times", async () => {
    expect([isConflict(coded("40P01")), isConflict(coded("40001")), isConflict(coded("23505"))]).toEqual([true, true, false]);
    let calls = 0;
    await expect(retryingConflicts(async () => (++calls < 2 ? Promise.reject(coded("40P01")) : "ok"))).resolves.toBe("ok");
    calls = 0;
    await expect(retryingConflicts(async () => (++calls, Promise.reject(coded("40001"))))).rejects.toThrow("40001");
    expect(calls).toBe(CONFLICT_ATTEMPTS);
    calls = 0;
    await expect(retryingConflicts(async () => (++calls, Promise.reject(coded("23505"))))).rejects.toThrow("23505");
    expect(calls).toBe(1);
  });

  it.each(["SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY", "23505", "P2002"])("%s is a unique violation", (code) =>
    expect(isUniqueViolation(coded(code))).toBe(true),
  );
});

describe("values", () => {
  it("are written for SQLite as Prisma's adapter writes them, and as they are for PostgreSQL", () => {
    const at = new Date("2026-12-01T10:00:00.000Z");
    expect([VALUES.sqlite(true), VALUES.sqlite(at), VALUES.sqlite(undefined)]).toEqual([1, "2026-12-01T10:00:00.000+00:00", null]);
    expect([VALUES.postgres(true), VALUES.postgres(at), VALUES.postgres(undefined)]).toEqual([true, "2026-12-01T10:00:00.000Z", null]);
    expect([LISTS.sqlite(["a", false]), LISTS.postgres(["a", false])]).toEqual(['["a",0]', ["a", false]]);
  });
});

describe("the dialect is decided in one module", () => {
  const files = (dir: string) =>
    readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && /\.(ts|tsx|mjs)$/.test(e.name))
      .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
      .filter((f) => !f.startsWith("lib/generated/") && f !== "lib/db/dialect.mjs");
  const sources = ["lib", "app", "scripts", "prisma", "tests", "e2e"]
    .flatMap(files)
    .map((f) => ({ f, text: readFileSync(path.join(root, f), "utf8") }));

  it("no other module tells PostgreSQL from SQLite by its URL", () => {
    expect(sources.filter(({ text }) => /postgres\(ql\)\?|startsWith\("postgres/.test(text)).map(({ f }) => f)).toEqual([]);
  });

  it("no module of the application or its scripts sets a pragma of its own", () => {
    const app = sources.filter(({ f }) => /^(lib|app|scripts|prisma)\//.test(f));
    const setsPragma = /pragma\(\s*["'`]\w+\s*=|PRAGMA \w+\s*=/i;
    expect(app.filter(({ text }) => setsPragma.test(text)).map(({ f }) => f)).toEqual([]);
  });
});
