// One holder at a time for a SQLite connection: a statement from another request would otherwise
// run inside an open transaction (and vanish with its rollback). Waiting for the lock of SQLite
// itself (another process) is lib/db/dialect.mjs's whileBusy, asynchronous too.

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
