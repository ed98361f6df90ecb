// Another process holding SQLite's write lock, as a backup tool or a `sqlite3` shell left in a
// transaction would: BEGIN EXCLUSIVE plus a write, held until release(). In WAL mode readers
// go on; every writer waits busy_timeout (5 s) and then fails with SQLITE_BUSY.
import { spawn } from "node:child_process";

const LOCKER = `
const Database = require("better-sqlite3");
const db = new Database(process.argv[1]);
db.pragma("busy_timeout = 30000"); // wait for the app's write in progress, then hold the lock
db.exec("BEGIN EXCLUSIVE");
db.exec('UPDATE "Organization" SET "name" = "name"');
process.stdout.write("locked\\n");
process.stdin.on("data", () => { db.exec("ROLLBACK"); db.close(); process.exit(0); });
`;

export interface SqliteLock {
  release: () => Promise<void>;
}

export async function lockSqliteFile(file: string): Promise<SqliteLock> {
  const child = spawn(process.execPath, ["-e", LOCKER, file], { stdio: ["pipe", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`the SQLite locker exited with ${code} before locking`)));
  });
  return {
    release: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.stdin.write("release\n");
      }),
  };
}
