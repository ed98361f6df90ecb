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
    async startTransaction(isolationLevel): Promise<Transaction> {
      const release = await lock.acquire();
      try {
        const tx = await inner.startTransaction(isolationLevel);
        const end = (fn: () => Promise<void>) => async () => {
          try {
            await fn();
          } finally {
            release();
          }
        };
        return {
          provider: tx.provider,
          adapterName: tx.adapterName,
          options: tx.options,
          queryRaw: (q) => tx.queryRaw(q),
          executeRaw: (q) => tx.executeRaw(q),
          commit: end(() => tx.commit()),
          rollback: end(() => tx.rollback()),
        };
      } catch (err) {
        release();
        throw err;
      }
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
