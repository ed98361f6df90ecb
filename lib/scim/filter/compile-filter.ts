import type { Filter, LogExp, NotFilter } from "scim2-parse-filter";
import type { FilterChild, FilterColumn, FilterTable } from "../../db/filter-table";
import { fragment, join, text, type Fragment } from "../../db/sql-fragment";
import { limitDetail, SCIM_LIMITS } from "../http/limits";
import { normalizeAttrPath } from "./attribute-path";
import { comparison } from "./compare";
import { invalidFilter } from "./parse-filter";

// The one SCIM filter compiler, for Users and Groups alike: a parsed filter (parse-filter.ts) →
// one SQL condition on the resource's table, answered by the database, SQLite or PostgreSQL.
// The store says what may be compared and how it keeps it (lib/db/filter-table.ts); values are
// parameters, never text. A multi-valued attribute (emails, members) is an EXISTS over its rows,
// and a value path (`emails[type eq "work" and value co "x"]`) asks one and the same row.

const own = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);
const unsupported = (attrPath: string) => invalidFilter(`Filtering on '${attrPath}' is not supported.`);

function checkDepth(depth: number): void {
  const { filterDepth } = SCIM_LIMITS;
  if (depth > filterDepth) throw invalidFilter(limitDetail("the filter is nested too deeply", filterDepth, "levels"));
}

type Recurse = (node: Filter, depth: number) => Fragment;

/** and / or / not, the same at every level. */
function logical(node: LogExp | NotFilter, depth: number, recurse: Recurse): Fragment {
  if (node.op === "not") return fragment`NOT (${recurse(node.filter, depth + 1)})`;
  return fragment`(${join(
    node.filters.map((f) => recurse(f, depth + 1)),
    ` ${node.op.toUpperCase()} `,
  )})`;
}

interface Child {
  name: string;
  child: FilterChild;
}

const exists = ({ child }: Child, cond: Fragment) => fragment`EXISTS (SELECT 1 FROM ${text(child.rows)} AND ${cond})`;

function childOf(table: FilterTable, attrPath: string): Child {
  const name = normalizeAttrPath(attrPath);
  const child = own(table.children, name);
  if (!child) throw unsupported(attrPath);
  return { name, child };
}

/** Inside `emails[…]`: `type`, or `emails.type` too. */
function childColumn({ name, child }: Child, attrPath: string): FilterColumn {
  const path = normalizeAttrPath(attrPath);
  const column = own(child.columns, path.startsWith(name + ".") ? path.slice(name.length + 1) : path);
  if (!column) throw unsupported(attrPath);
  return column;
}

function childCondition(c: Child, node: Filter, depth: number): Fragment {
  checkDepth(depth);
  switch (node.op) {
    case "and":
    case "or":
    case "not":
      return logical(node, depth, (f, d) => childCondition(c, f, d));
    case "[]":
      throw invalidFilter("Nested value paths are not supported.");
    default:
      return comparison(childColumn(c, node.attrPath), node);
  }
}

/** A top-level attribute: a column of the row, or `emails` / `emails.<sub>` (any of the row's emails). */
function attribute(table: FilterTable, attrPath: string): { column: FilterColumn; child?: Child } {
  const path = normalizeAttrPath(attrPath);
  const column = own(table.columns, path);
  if (column) return { column };
  const [name = "", sub = "value", ...rest] = path.split(".");
  const child = rest.length ? undefined : own(table.children, name);
  const childColumn = child && own(child.columns, sub);
  if (!child || !childColumn) throw unsupported(attrPath);
  return { column: childColumn, child: { name, child } };
}

/** The parser turns `emails[type eq "work"].value eq "x"` into `and(emails[…], emails.value eq "x")`: both concern one email. */
function valuePathWithSub(node: Filter): { attrPath: string; conds: Filter[] } | undefined {
  if (node.op !== "and" || node.filters.length !== 2) return undefined;
  const [vp, sub] = node.filters;
  if (vp?.op !== "[]" || !sub || !("attrPath" in sub)) return undefined;
  if (!normalizeAttrPath(sub.attrPath).startsWith(normalizeAttrPath(vp.attrPath) + ".")) return undefined;
  return { attrPath: vp.attrPath, conds: [vp.valFilter, sub] };
}

function rowCondition(table: FilterTable, node: Filter, depth: number): Fragment {
  checkDepth(depth);
  const merged = valuePathWithSub(node);
  if (merged) {
    const c = childOf(table, merged.attrPath);
    return exists(
      c,
      join(
        merged.conds.map((f) => childCondition(c, f, depth + 1)),
        " AND ",
      ),
    );
  }
  switch (node.op) {
    case "and":
    case "or":
    case "not":
      return logical(node, depth, (f, d) => rowCondition(table, f, d));
    case "[]": {
      const c = childOf(table, node.attrPath);
      return exists(c, childCondition(c, node.valFilter, depth + 1));
    }
    default: {
      // A multi-valued attribute matches when any of its values does (RFC 7644 §3.4.2.2).
      const { column, child } = attribute(table, node.attrPath);
      return child ? exists(child, comparison(column, node)) : comparison(column, node);
    }
  }
}

/** A SCIM filter → a condition on the rows of `table` (the store adds its scope: organization, managed). */
export function compileFilter(filter: Filter, table: FilterTable): Fragment {
  return rowCondition(table, filter, 0);
}
