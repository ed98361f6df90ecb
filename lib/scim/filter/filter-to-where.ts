import { parse, type Filter } from "scim2-parse-filter";
import type { Prisma } from "../../db";
import { badRequest } from "../errors";
import { limitDetail, SCIM_LIMITS } from "../http/limits";
import { likeCondition, type LikeOp } from "../../members/store/like-marker";
import { assertEmailsPath, emailColumn, memberField, normalizeAttrPath, type Column } from "./filter-columns";

// RFC 7644 §3.4.2.2 filters → Prisma where clauses, so filtering happens in the database.
// `not` is pushed down to the leaves (De Morgan), where a negation of a nullable column also
// matches NULL: SQL's three-valued logic would otherwise drop members that lack the attribute.

type Cond = Record<string, unknown>;
type CompareOp = "eq" | "co" | "sw" | "ew" | "gt" | "ge" | "lt" | "le";

const ORDER: Record<string, string> = { gt: "gt", ge: "gte", lt: "lt", le: "lte" }; // SCIM → Prisma
const MATCH_NONE: Cond = { id: { in: [] } };
const MATCH_ALL: Cond = {};

function invalid(detail: string) {
  return badRequest("invalidFilter", detail);
}

function stringValue(value: unknown, col: Column, attr: string): string {
  if (typeof value !== "string" && typeof value !== "number") throw invalid(`'${attr}' must be compared with a string.`);
  const s = String(value);
  return col.lower ? s.toLowerCase() : s;
}

type Level = "member" | "email";

function like(col: Column, op: LikeOp, value: string, on: Level): Cond {
  return likeCondition(on, col.column, op, value);
}

function compare(col: Column, op: CompareOp, value: unknown, attr: string, on: Level): Cond {
  const c = col.column;
  if (col.type === "boolean") {
    if (op !== "eq") throw invalid(`Operator '${op}' is not supported for the boolean '${attr}'.`);
    const b = typeof value === "string" ? value.toLowerCase() : value;
    if (b !== true && b !== false && b !== "true" && b !== "false") throw invalid(`'${attr}' must be compared with true or false.`);
    const v = b === true || b === "true";
    return { [c]: col.invert ? !v : v };
  }
  if (col.type === "date") {
    if (op === "co" || op === "sw" || op === "ew") throw invalid(`Operator '${op}' is not supported for the date '${attr}'.`);
    const d = typeof value === "string" ? new Date(value) : new Date(NaN);
    const { from, to } = SCIM_LIMITS.filterDateRange;
    if (Number.isNaN(d.getTime())) throw invalid(`'${attr}' must be compared with an ISO 8601 date-time.`);
    if (d < new Date(from) || d > new Date(to)) throw invalid(`Limit exceeded: '${attr}' must be compared with a date-time from ${from} to ${to}.`);
    return op === "eq" ? { [c]: d } : { [c]: { [ORDER[op]!]: d } };
  }
  const v = stringValue(value, col, attr);
  switch (op) {
    case "eq":
      return { [c]: v };
    case "co":
      return like(col, "contains", v, on);
    case "sw":
      return like(col, "startsWith", v, on);
    case "ew":
      return like(col, "endsWith", v, on);
    default:
      return { [c]: { [ORDER[op]!]: v } };
  }
}

function present(col: Column): Cond {
  if (col.type !== "string") return MATCH_ALL; // booleans and dates always have a value
  return col.nullable ? { AND: [{ [col.column]: { not: null } }, { [col.column]: { not: "" } }] } : { [col.column]: { not: "" } };
}

function negate(col: Column, positive: Cond): Cond {
  if (positive === MATCH_ALL) return MATCH_NONE;
  return col.nullable ? { OR: [{ [col.column]: null }, { NOT: positive }] } : { NOT: positive };
}

/** One comparison (or pr) on one column; `ne x` is `not (eq x)`, `eq null` is `not pr`. */
function leaf(col: Column, node: Filter, neg: boolean, attr: string, on: Level): Cond {
  let op = node.op;
  const value = "compValue" in node ? node.compValue : undefined;
  if (op === "ne") {
    op = "eq";
    neg = !neg;
  }
  if (value === null) {
    if (op !== "eq") throw invalid(`Operator '${op}' cannot be used with null.`);
    op = "pr";
    neg = !neg;
  }
  const positive = op === "pr" ? present(col) : compare(col, op as CompareOp, value, attr, on);
  return neg ? negate(col, positive) : positive;
}

function logical(node: Filter & { filters: Filter[] }, neg: boolean, each: (f: Filter, neg: boolean) => Cond): Cond {
  const parts = node.filters.map((f) => each(f, neg));
  return (node.op === "and") !== neg ? { AND: parts } : { OR: parts };
}

/** Inside emails[…]: conditions on one MemberEmail row. */
function emailCond(node: Filter, neg: boolean): Cond {
  switch (node.op) {
    case "and":
    case "or":
      return logical(node, neg, emailCond);
    case "not":
      return emailCond(node.filter, !neg);
    case "[]":
      throw invalid("Nested value paths are not supported.");
    default:
      return leaf(emailColumn(node.attrPath), node, neg, node.attrPath, "email");
  }
}

function someEmail(cond: Cond, neg: boolean): Cond {
  return neg ? { emails: { none: cond } } : { emails: { some: cond } };
}

/** The parser turns `emails[type eq "work"].value eq "x"` into `and(emails[…], emails.value eq "x")`: both concern one email. */
function valuePathWithSub(node: Filter): { attrPath: string; conds: Filter[] } | undefined {
  if (node.op !== "and" || node.filters.length !== 2) return undefined;
  const [vp, sub] = node.filters;
  if (vp?.op !== "[]" || !sub || !("attrPath" in sub)) return undefined;
  const prefix = normalizeAttrPath(vp.attrPath) + ".";
  if (!normalizeAttrPath(sub.attrPath).startsWith(prefix)) return undefined;
  return { attrPath: vp.attrPath, conds: [vp.valFilter, sub] };
}

function memberCond(node: Filter, neg: boolean): Cond {
  const merged = valuePathWithSub(node);
  if (merged) {
    assertEmailsPath(merged.attrPath);
    return someEmail({ AND: merged.conds.map((c) => emailCond(c, false)) }, neg);
  }
  switch (node.op) {
    case "and":
    case "or":
      return logical(node, neg, memberCond);
    case "not":
      return memberCond(node.filter, !neg);
    case "[]":
      assertEmailsPath(node.attrPath);
      return someEmail(emailCond(node.valFilter, false), neg);
    default: {
      const field = memberField(node.attrPath);
      // A multi-valued attribute matches when any of its values does (RFC 7644 §3.4.2.2).
      return field.on === "email" ? someEmail(leaf(field.col, node, false, node.attrPath, "email"), neg) : leaf(field.col, node, neg, node.attrPath, "member");
    }
  }
}

/** Comparisons in a parsed filter: each becomes one SQL condition (and SQLite caps expression depth at 1000). */
function comparisons(node: Filter): number {
  switch (node.op) {
    case "and":
    case "or":
      return node.filters.reduce((n, f) => n + comparisons(f), 0);
    case "not":
      return comparisons(node.filter);
    case "[]":
      return comparisons(node.valFilter);
    default:
      return 1;
  }
}

// `userName eq "…"` with no escapes or control characters: Entra and Okta send it before
// every create and update. Built directly, as the very node scim2-parse-filter returns for it
// (a unit test holds the two equal); every other filter goes to the parser.
const USERNAME_EQ = /^(userName) +eq +"([^"\\\u0000-\u001f]*)"$/i;

// Microsoft's reference implementation and test tools leave values unquoted where unambiguous
// (`userName sw O`, `name.familyName eq Employee`, `meta.created gt 2015-10-10T14:38:21.86-07:00`).
// Only after a strict parse failed: a bare word after a comparison operator is read as a
// string, except the JSON literals and numbers, which keep their meaning.
const BARE_VALUE = /(\b(?:eq|ne|co|sw|ew|gt|ge|lt|le)\s+)([^\s"()[\]]+)(?=\s|\)|\]|$)/gi;
const JSON_LITERAL = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)$/;

function quoteBareValues(filter: string): string {
  return filter.replace(BARE_VALUE, (whole, op: string, value: string) => (JSON_LITERAL.test(value) ? whole : op + JSON.stringify(value)));
}

function parseLenient(filter: string): Filter {
  try {
    return parse(filter);
  } catch {
    return parse(quoteBareValues(filter));
  }
}

export function parseFilter(filter: string): Filter {
  const { filterLength, filterComparisons } = SCIM_LIMITS;
  if (filter.length > filterLength) throw invalid(limitDetail("the filter is too long", filterLength, "characters"));
  const simple = USERNAME_EQ.exec(filter);
  if (simple) return { op: "eq", attrPath: simple[1]!, compValue: simple[2]! };
  let parsed: Filter;
  try {
    parsed = parseLenient(filter);
  } catch {
    throw invalid("The filter is not a valid SCIM filter expression (RFC 7644 §3.4.2.2).");
  }
  if (comparisons(parsed) > filterComparisons) throw invalid(limitDetail("the filter has too many comparisons", filterComparisons, "comparisons"));
  return parsed;
}

/**
 * A SCIM filter → a where clause on Member (the caller adds organization and scimManaged).
 * co/sw/ew on values with LIKE wildcards leave markers for refineLikes to resolve.
 */
export function filterToWhere(filter: string | Filter): Prisma.MemberWhereInput {
  return memberCond(typeof filter === "string" ? parseFilter(filter) : filter, false) as Prisma.MemberWhereInput;
}
