import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";

/**
 * The better-sqlite3 adapter runs everything on one connection. While an interactive
 * transaction is open, a query from another request would run *inside* it (and vanish
 * on rollback). This wrapper makes such queries wait until the transaction ends, so
 * every acknowledged write is really committed, and sets the pragmas we rely on.
 */
class Lock {
  private tail: Promise<void> = Promise.resolve();
  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return ready;
  }
}

const PRAGMAS = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;";

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
    queryRaw: (q) => locked(() => inner.queryRaw(q)),
    executeRaw: (q) => locked(() => inner.executeRaw(q)),
    executeScript: (s) => locked(() => inner.executeScript(s)),
    dispose: () => inner.dispose(),
    getConnectionInfo: inner.getConnectionInfo?.bind(inner),
    // BEGIN IMMEDIATE takes SQLite's write lock up front (waiting up to busy_timeout), so a
    // transaction that reads before it writes cannot fail with SQLITE_BUSY_SNAPSHOT when
    // another process (a second instance, a script) wrote in between. Prisma sends COMMIT and
    // ROLLBACK itself (usePhantomQuery: false); commit()/rollback() only release our lock.
    async startTransaction(isolationLevel): Promise<Transaction> {
      if (isolationLevel && isolationLevel !== "SERIALIZABLE") return inner.startTransaction(isolationLevel); // the adapter's own error
      const release = await lock.acquire();
      try {
        await inner.executeScript("BEGIN IMMEDIATE");
      } catch (err) {
        release();
        throw err;
      }
      const end = () => {
        release();
        return Promise.resolve();
      };
      return {
        provider: inner.provider,
        adapterName: inner.adapterName,
        options: { usePhantomQuery: false },
        queryRaw: (q) => inner.queryRaw(q),
        executeRaw: (q) => inner.executeRaw(q),
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
