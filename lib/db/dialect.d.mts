// Types of lib/db/dialect.mjs (plain JavaScript, so that scripts/*.mjs import it without a build).
import type Database from "better-sqlite3";

export type Dialect = "sqlite" | "postgres";
export type SqliteConnectionKind = "writer" | "reader" | "migrator";

export declare const DEFAULT_DATABASE_URL: string;
export declare function dialectOf(url: string | undefined): Dialect;
export declare function isPostgresUrl(url: string | undefined): boolean;
export declare function sqliteFile(url: string | undefined): string;
export declare function sqliteUrl(url: string | undefined): string;

export declare const SQLITE_PRAGMAS: Readonly<Record<SqliteConnectionKind, readonly string[]>>;
export declare function applyPragmas(conn: Database.Database, kind: SqliteConnectionKind): void;

export declare function isSqliteBusyCode(code: unknown): boolean;
export declare function isBusy(err: unknown): boolean;
export declare const BUSY_WAIT_MS: number;
export declare function whileBusy<T>(attempt: () => Promise<T>): Promise<T>;
export declare function isConflict(err: unknown): boolean;
export declare const CONFLICT_ATTEMPTS: number;
export declare function retryingConflicts<T>(transaction: () => Promise<T>): Promise<T>;
export declare function isPostgresUnavailableCode(code: string): boolean;
export declare function isUniqueViolation(err: unknown): boolean;

export interface Placeholders {
  value(n: number): string;
  list(n: number): string;
  table(n: number): string;
}
export declare const PLACEHOLDERS: Readonly<Record<Dialect, Placeholders>>;
export declare const FOR_UPDATE: Readonly<Record<Dialect, string>>;
export declare const VALUES: Readonly<Record<Dialect, (v: unknown) => unknown>>;
export declare const LISTS: Readonly<Record<Dialect, (values: unknown[]) => unknown>>;
