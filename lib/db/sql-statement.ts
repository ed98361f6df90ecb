import { FOR_UPDATE, PLACEHOLDERS, type Dialect } from "./dialect.mjs";

/**
 * Statements for the raw drivers (lib/db/sql.ts), written once for SQLite and PostgreSQL.
 * The tag records where each named parameter stands; each dialect renders its own
 * placeholders from that (lib/db/dialect.mjs: `?` for better-sqlite3, `$1…` for node-postgres),
 * so no SQL text is ever rewritten. Both databases accept the rest as written: quoted
 * identifiers, `true`/`false`, `RETURNING`, `ON CONFLICT`.
 */

/** `${list("ids")}` → "is one of": PostgreSQL `= ANY($n)` with an array, SQLite `IN (json_each(?))` with its JSON. */
export interface ListParam<N extends string = string> {
  list: N;
}

/**
 * `FROM ${listed("ids")} CROSS JOIN "T" t WHERE t."id" = "listed"."value"`: the list as a table
 * of one text column, `"listed"."value"` (PostgreSQL `unnest($n::text[])`, SQLite `json_each(?)`).
 * For lookups that must start from the ids: SQLite keeps the left side of a CROSS JOIN as the
 * outer loop, whatever it guesses about the tables; with `IN (…)` and no statistics it may
 * walk every row of the organization instead (tests/unit/db/query-plans.test.ts).
 */
export interface ListTable<N extends string = string> {
  listed: N;
}

/** `${raw(COLUMNS)}`: SQL text of ours (a column list), inlined as it is; never a value. */
export interface RawSql {
  sql: string;
}

/** `${dialects({ sqlite, postgres })}`: SQL text of ours that the two databases spell differently (an aggregate). */
export interface DialectSql {
  sqlite: string;
  postgres: string;
}

export type Part<N extends string> = N | ListParam<N> | ListTable<N> | RawSql | DialectSql;

export interface Statement<N extends string = string> {
  /** Unique: PostgreSQL prepares a named statement once per connection. */
  name: string;
  strings: readonly string[];
  params: readonly Part<N>[];
  /** PostgreSQL only: `… FOR UPDATE` (SQLite's BEGIN IMMEDIATE already holds the whole database). */
  forUpdate?: boolean;
  /** Composed at run time (lib/db/sql-fragment.ts: a SCIM filter, a search): prepared for one call, never kept, since its shapes are unbounded. */
  once?: boolean;
}

export const list = <N extends string>(name: N): ListParam<N> => ({ list: name });
export const listed = <N extends string>(name: N): ListTable<N> => ({ listed: name });
export const raw = (sql: string): RawSql => ({ sql });
export const dialects = (sql: DialectSql): DialectSql => sql;

export function statement(name: string) {
  return <N extends string>(strings: TemplateStringsArray, ...params: Part<N>[]): Statement<N> => ({ name, strings: [...strings], params });
}

/** The same statement, locking the rows it reads on PostgreSQL. */
export function forUpdate<N extends string>(s: Statement<N>): Statement<N> {
  return { ...s, name: `${s.name}_for_update`, forUpdate: true };
}

export interface Rendered {
  text: string;
  /** Parameter names in placeholder order, and whether each is a list. */
  order: { name: string; list: boolean }[];
}

export function render(s: Statement, dialect: Dialect): Rendered {
  const order: Rendered["order"] = [];
  let text = s.strings[0] ?? "";
  s.params.forEach((p, i) => {
    if (typeof p === "object" && ("sql" in p || "sqlite" in p)) {
      text += ("sql" in p ? p.sql : p[dialect]) + (s.strings[i + 1] ?? "");
      return;
    }
    const kind = typeof p === "string" ? "value" : "list" in p ? "list" : "table";
    order.push({ name: typeof p === "string" ? p : "list" in p ? p.list : p.listed, list: kind !== "value" });
    text += PLACEHOLDERS[dialect][kind](order.length) + (s.strings[i + 1] ?? "");
  });
  text = text.replace(/\s+/g, " ").trim();
  if (s.forUpdate) text += FOR_UPDATE[dialect];
  return { text, order };
}
