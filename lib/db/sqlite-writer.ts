import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { applyPragmas, whileBusy } from "./dialect.mjs";
import { Lock } from "./lock";

/**
 * The process's one connection that writes to a SQLite file, shared by Prisma (through its
 * better-sqlite3 adapter: lib/db/serialized-sqlite.ts) and the raw prepared statements
 * (lib/db/sql.ts), and the one lock that lends it to one of them at a time: a statement from
 * another request must never run inside an open transaction (and vanish with its rollback).
 * SQLite's own lock is then only ever contended by other processes (a second instance, a
 * script), and waited for asynchronously (dialect.mjs's whileBusy).
 *
 * The connection is the one Prisma's adapter opens, so that Prisma converts its rows as it
 * always does; the raw statements are prepared on the same connection.
 */
export interface Opened {
  adapter: SqlDriverAdapter;
  connection: Database.Database;
}

/** The lock held and SQLite's write lock taken (BEGIN IMMEDIATE); `release` gives the connection back. */
export interface Held extends Opened {
  release: () => void;
}

/**
 * @prisma/adapter-better-sqlite3 6.19 keeps its connection in `client`: taken from there, and
 * checked, so that an upgrade that moves it fails on the first query, not with a second writer
 * (tests/unit/db/sqlite-writer.test.ts checks it too).
 */
function connectionOf(adapter: SqlDriverAdapter): Database.Database {
  const client = (adapter as unknown as { client?: unknown }).client;
  if (!(client instanceof Database))
    throw new Error(
      "@prisma/adapter-better-sqlite3 no longer keeps its better-sqlite3 connection in `client`: see lib/db/sqlite-writer.ts.",
    );
  return client;
}

export class SqliteWriter {
  private readonly lock = new Lock();
  private opened: Promise<Opened> | undefined;
  /** Prisma's adapter factory, which opens the connection. */
  readonly factory: PrismaBetterSQLite3;

  constructor(url: string) {
    this.factory = new PrismaBetterSQLite3({ url });
  }

  private open(): Promise<Opened> {
    return (this.opened ??= this.factory.connect().then(
      (adapter) => {
        const connection = connectionOf(adapter);
        applyPragmas(connection, "writer");
        return { adapter, connection };
      },
      (err: unknown) => {
        this.opened = undefined; // tried again on the next use
        throw err;
      },
    ));
  }

  /** Runs `work` alone on the connection: one statement outside any transaction. */
  async exclusive<T>(work: (opened: Opened) => Promise<T>): Promise<T> {
    const release = await this.lock.acquire();
    try {
      return await work(await this.open());
    } finally {
      release();
    }
  }

  /**
   * Takes the lock, then SQLite's write lock up front (BEGIN IMMEDIATE), so that a transaction
   * that reads before it writes cannot fail with SQLITE_BUSY_SNAPSHOT when another process wrote
   * in between. While another process holds SQLite's lock, ours is let go between the tries:
   * reads on this connection (Prisma's) go on meanwhile.
   */
  begin(): Promise<Held> {
    return whileBusy(async () => {
      const release = await this.lock.acquire();
      try {
        const opened = await this.open();
        await opened.adapter.executeScript("BEGIN IMMEDIATE");
        return { ...opened, release };
      } catch (err) {
        release();
        throw err;
      }
    });
  }

  /** At shutdown, after the transaction in progress (closing under it would lose its commit); opened again if used again. */
  async close(): Promise<void> {
    const release = await this.lock.acquire();
    try {
      const opened = this.opened;
      this.opened = undefined;
      if (opened)
        await opened.then(
          (o) => o.adapter.dispose(),
          () => {},
        );
    } finally {
      release();
    }
  }
}
