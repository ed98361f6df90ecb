import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./prisma/dev.db";

export function isPostgresUrl(url: string | undefined): boolean {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}

/** Resolves a SQLite `file:` URL to an absolute path (relative paths are relative to the project root). */
export function sqliteUrl(url: string | undefined): string {
  const raw = url && !isPostgresUrl(url) ? url : DEFAULT_DATABASE_URL;
  const file = raw.replace(/^file:/, "");
  return "file:" + (path.isAbsolute(file) ? file : path.resolve(/*turbopackIgnore: true*/ process.cwd(), file));
}
