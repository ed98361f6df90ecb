import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";
import { whileBusy } from "./dialect.mjs";
import type { SqliteWriter } from "./sqlite-writer";

/**
 * Prisma's way to the SQLite file: its better-sqlite3 adapter on the process's one writer
 * connection (lib/db/sqlite-writer.ts), under the lock the raw statements take too. A query of
 * another request waits while a transaction is open (it would otherwise run inside it, and
 * vanish with its rollback), so every acknowledged write is really committed.
 */
const CLOSING = /^\s*(COMMIT|ROLLBACK)\s*;?\s*$/i;

function serialize(inner: SqlDriverAdapter, writer: SqliteWriter): SqlDriverAdapter {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (q) => whileBusy(() => writer.exclusive(({ adapter }) => adapter.queryRaw(q))),
    executeRaw: (q) => whileBusy(() => writer.exclusive(({ adapter }) => adapter.executeRaw(q))),
    executeScript: (s) => writer.exclusive(({ adapter }) => adapter.executeScript(s)),
    // $disconnect (at shutdown): the connection is the raw statements' too; opened again if used again.
    dispose: () => writer.close(),
    getConnectionInfo: inner.getConnectionInfo?.bind(inner),
    // BEGIN IMMEDIATE (SqliteWriter.begin). Prisma sends COMMIT and ROLLBACK itself
    // (usePhantomQuery: false); commit()/rollback() only give the connection back.
    async startTransaction(isolationLevel): Promise<Transaction> {
      if (isolationLevel && isolationLevel !== "SERIALIZABLE") return inner.startTransaction(isolationLevel); // the adapter's own error
      const { adapter, release } = await writer.begin();
      let open = true;
      const end = () => {
        if (open) {
          open = false;
          release();
        }
        return Promise.resolve();
      };
      return {
        provider: adapter.provider,
        adapterName: adapter.adapterName,
        options: { usePhantomQuery: false },
        queryRaw: (q) => adapter.queryRaw(q),
        executeRaw: async (q) => {
          try {
            return await adapter.executeRaw(q);
          } catch (err) {
            // A failed COMMIT/ROLLBACK: Prisma will not call commit()/rollback() now, so roll
            // back and release here, or every later query of the instance would wait forever.
            if (CLOSING.test(q.sql)) {
              await adapter.executeScript("ROLLBACK").catch(() => {});
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
}

/** The adapter factory Prisma's client is given (lib/db.ts). */
export function serializedSqlite(writer: SqliteWriter): SqlDriverAdapterFactory {
  return {
    provider: writer.factory.provider,
    adapterName: writer.factory.adapterName,
    connect: () => writer.exclusive(({ adapter }) => Promise.resolve(serialize(adapter, writer))),
  };
}
