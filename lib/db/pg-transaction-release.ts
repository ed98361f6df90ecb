import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";

/**
 * Prisma 6.19 ends an interactive transaction by sending COMMIT or ROLLBACK as a query and
 * only then calling the adapter's commit()/rollback(), which is what returns the pg client to
 * the pool. When that query fails because the connection died (database restarted, network
 * cut), commit()/rollback() is never called and the client never goes back: after a few
 * outages every pool slot is leaked and the instance answers 503 until it is restarted.
 * This wrapper releases the client itself when the closing statement fails.
 */
const CLOSING = /^\s*(COMMIT|ROLLBACK)\s*;?\s*$/i;

function releaseOnFailedEnd(tx: Transaction): Transaction {
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (q) => tx.queryRaw(q),
    executeRaw: async (q) => {
      try {
        return await tx.executeRaw(q);
      } catch (err) {
        if (CLOSING.test(q.sql)) await tx.rollback().catch(() => {}); // Prisma will not call it now
        throw err;
      }
    },
    commit: () => tx.commit(),
    rollback: () => tx.rollback(),
  };
}

export function releasingTransactions(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect(): Promise<SqlDriverAdapter> {
      const inner = await factory.connect();
      return {
        provider: inner.provider,
        adapterName: inner.adapterName,
        queryRaw: (q) => inner.queryRaw(q),
        executeRaw: (q) => inner.executeRaw(q),
        executeScript: (s) => inner.executeScript(s),
        dispose: () => inner.dispose(),
        getConnectionInfo: inner.getConnectionInfo?.bind(inner),
        startTransaction: async (isolationLevel) => releaseOnFailedEnd(await inner.startTransaction(isolationLevel)),
      };
    },
  };
}
