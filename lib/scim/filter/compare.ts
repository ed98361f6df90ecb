import type { Compare, Suffix } from "scim2-parse-filter";
import type { FilterColumn } from "../../db/filter-table";
import { bind, fragment, text, type Fragment } from "../../db/sql-fragment";
import { textMatch } from "../../db/sql-like";
import { dialects } from "../../db/sql-statement";
import { SCIM_LIMITS } from "../http/limits";
import { invalidFilter } from "./parse-filter";

// One comparison (eq ne co sw ew gt ge lt le pr) on one column → a condition that is TRUE or
// FALSE, never NULL: a nullable column is tested for NULL first. So `not` is SQL's NOT at any
// level, and the negation of a comparison matches the rows that lack the attribute.

type Op = "eq" | "co" | "sw" | "ew" | "gt" | "ge" | "lt" | "le";

const ORDER = { gt: ">", ge: ">=", lt: "<", le: "<=" } as const;

// Strings order by code point on both databases: SQLite compares them as bytes (BINARY), and
// PostgreSQL does with "C" whatever collation the database was created with.
const BYTE_ORDER = dialects({ sqlite: "", postgres: ` COLLATE "C"` });

function booleanValue(value: unknown, attr: string): boolean {
  const b = typeof value === "string" ? value.toLowerCase() : value;
  if (b !== true && b !== false && b !== "true" && b !== "false") throw invalidFilter(`'${attr}' must be compared with true or false.`);
  return b === true || b === "true";
}

function dateValue(value: unknown, attr: string): Date {
  const d = typeof value === "string" ? new Date(value) : new Date(NaN);
  const { from, to } = SCIM_LIMITS.filterDateRange;
  if (Number.isNaN(d.getTime())) throw invalidFilter(`'${attr}' must be compared with an ISO 8601 date-time.`);
  if (d < new Date(from) || d > new Date(to))
    throw invalidFilter(`Limit exceeded: '${attr}' must be compared with a date-time from ${from} to ${to}.`);
  return d;
}

function stringValue(value: unknown, col: FilterColumn, attr: string): string {
  if (typeof value !== "string" && typeof value !== "number") throw invalidFilter(`'${attr}' must be compared with a string.`);
  const s = String(value);
  return col.lower ? s.toLowerCase() : s;
}

function compare(col: FilterColumn, op: Op, value: unknown, attr: string): Fragment {
  const c = text(col.sql);
  const textual = op === "co" || op === "sw" || op === "ew";
  if (col.type === "boolean") {
    if (op !== "eq") throw invalidFilter(`Operator '${op}' is not supported for the boolean '${attr}'.`);
    const v = booleanValue(value, attr);
    return fragment`${c} = ${bind(col.invert ? !v : v)}`;
  }
  if (col.type === "date") {
    if (textual) throw invalidFilter(`Operator '${op}' is not supported for the date '${attr}'.`);
    return fragment`${c} ${text(op === "eq" ? "=" : ORDER[op])} ${bind(dateValue(value, attr))}`;
  }
  const s = stringValue(value, col, attr);
  if (op === "eq") return fragment`${c} = ${bind(s)}`;
  if (textual) return textMatch(col.sql, op === "co" ? "contains" : op === "sw" ? "startsWith" : "endsWith", s, !col.lower);
  return fragment`${c}${BYTE_ORDER} ${text(ORDER[op])} ${bind(s)}`;
}

function present(col: FilterColumn): Fragment {
  if (col.type !== "string") return text("1 = 1"); // booleans and dates always have a value
  return col.nullable ? fragment`(${text(col.sql)} IS NOT NULL AND ${text(col.sql)} <> '')` : fragment`${text(col.sql)} <> ''`;
}

/** `ne x` is `not (eq x)`, `eq null` is `not pr`, `ne null` is `pr`. */
export function comparison(col: FilterColumn, node: Compare | Suffix): Fragment {
  const attr = node.attrPath;
  const value = node.op === "pr" ? undefined : node.compValue;
  let op: Op | "pr" = node.op === "ne" ? "eq" : node.op;
  let neg = node.op === "ne";
  if (value === null) {
    if (op !== "eq") throw invalidFilter(`Operator '${op}' cannot be used with null.`);
    op = "pr";
    neg = !neg;
  }
  const positive =
    op === "pr"
      ? present(col)
      : col.nullable
        ? fragment`(${text(col.sql)} IS NOT NULL AND ${compare(col, op, value, attr)})`
        : compare(col, op, value, attr);
  return neg ? fragment`NOT (${positive})` : positive;
}
