import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";
import { SQLITE_PRAGMAS, whileBusy } from "./dialect.mjs";
import { Lock } from "./lock";

/**
 * The better-sqlite3 adapter runs everything on one connection. While an interactive
 * transaction is open, a query from another request would run *inside* it (and vanish
 * on rollback). This wrapper makes such queries wait until the transaction ends, so
 * every acknowledged write is really committed, and sets the pragmas we rely on.
 */
// The writer's pragmas (lib/db/dialect.mjs); busy_timeout = 0: whileBusy waits, asynchronously, without holding our lock.
const PRAGMAS = SQLITE_PRAGMAS.writer.map((p) => `PRAGMA ${p};`).join(" ");
const CLOSING = /^\s*(COMMIT|ROLLBACK)\s*;?\s*$/i;

function serialize(inner: SqlDriverAdapter): SqlDriverAdapter {
  const lock = new Lock();
  const locked = async <T>(fn: () => Promise<T>): Promise<T> => {
    const release = await lock.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  };
  const adapter: SqlDriverAdapter = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (q) => whileBusy(() => locked(() => inner.queryRaw(q))),
    executeRaw: (q) => whileBusy(() => locked(() => inner.executeRaw(q))),
    executeScript: (s) => locked(() => inner.executeScript(s)),
    dispose: () => inner.dispose(),
    getConnectionInfo: inner.getConnectionInfo?.bind(inner),
    // BEGIN IMMEDIATE takes SQLite's write lock up front (waiting up to BUSY_WAIT_MS), so a
    // transaction that reads before it writes cannot fail with SQLITE_BUSY_SNAPSHOT when
    // another process (a second instance, a script) wrote in between. Prisma sends COMMIT and
    // ROLLBACK itself (usePhantomQuery: false); commit()/rollback() only release our lock.
    async startTransaction(isolationLevel): Promise<Transaction> {
      if (isolationLevel && isolationLevel !== "SERIALIZABLE") return inner.startTransaction(isolationLevel); // the adapter's own error
      const release = await whileBusy(async () => {
        const held = await lock.acquire();
        try {
          await inner.executeScript("BEGIN IMMEDIATE");
          return held;
        } catch (err) {
          held(); // others may read while we wait for SQLite's write lock
          throw err;
        }
      });
      let open = true;
      const end = () => {
        if (open) {
          open = false;
          release();
        }
        return Promise.resolve();
      };
      return {
        provider: inner.provider,
        adapterName: inner.adapterName,
        options: { usePhantomQuery: false },
        queryRaw: (q) => inner.queryRaw(q),
        executeRaw: async (q) => {
          try {
            return await inner.executeRaw(q);
          } catch (err) {
            // A failed COMMIT/ROLLBACK: Prisma will not call commit()/rollback() now, so roll
            // back and release here, or every later query of the instance would wait forever.
            if (CLOSING.test(q.sql)) {
              await inner.executeScript("ROLLBACK").catch(() => {});
              await end();
            }
            throw err;
          }
        },
        commit: end,
        rollback: end,
      };
    },
  };
  return adapter;
}

export function serializedSqlite(url: string): SqlDriverAdapterFactory {
  const factory = new PrismaBetterSQLite3({ url });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const inner = await factory.connect();
      await inner.executeScript(PRAGMAS);
      return serialize(inner);
    },
  };
}
