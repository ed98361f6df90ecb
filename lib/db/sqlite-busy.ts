// Waiting for SQLite's write lock without freezing the event loop. Connections run with
// busy_timeout = 0: better-sqlite3 waits for a busy lock synchronously, which would stop every
// request of the instance, not just this one. Callers wait here instead, asynchronously.

/** A FIFO mutex: one holder at a time, in arrival order. */
export class Lock {
  private tail: Promise<void> = Promise.resolve();
  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return ready;
  }
}

export const BUSY_WAIT_MS = 5000;

export function isBusy(err: unknown): boolean {
  const e = err as { code?: unknown; cause?: { originalCode?: unknown } } | null;
  const code = e?.cause?.originalCode ?? e?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

/** Runs `attempt` until SQLite's lock is free or BUSY_WAIT_MS have passed (then its SQLITE_BUSY error stands). */
export async function whileBusy<T>(attempt: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + BUSY_WAIT_MS;
  for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
    try {
      return await attempt();
    } catch (err) {
      if (!isBusy(err) || Date.now() >= deadline) throw err;
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}
