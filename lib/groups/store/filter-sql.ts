import { createHash } from "node:crypto";
import type { Filter } from "scim2-parse-filter";
import type { Statement } from "../../db/sql-statement";
import { badRequest } from "../../scim/errors";
import { normalizeAttrPath } from "../../scim/filter/filter-columns";
import { SCIM_LIMITS } from "../../scim/http/limits";

// A parsed SCIM filter on Groups → an SQL condition on "Group" g, with its values as
// parameters (never in the text). The grammar is the Users filter's: and/or/not, eq ne co sw
// ew gt ge lt le pr, value paths. `members.value` and `members[value …]` test GroupMember rows.

interface Column {
  sql: string;
  type: "string" | "date";
  lower?: boolean;
  nullable?: boolean;
}

const GROUP: Record<string, Column> = {
  id: { sql: `g."id"`, type: "string" },
  displayname: { sql: `g."displayNameLower"`, type: "string", lower: true },
  externalid: { sql: `g."externalId"`, type: "string", nullable: true }, // caseExact (RFC 7643 §3.1)
  "meta.created": { sql: `g."createdAt"`, type: "date" },
  "meta.lastmodified": { sql: `g."updatedAt"`, type: "date" },
};
const MEMBER_VALUE: Column = { sql: `gm."memberId"`, type: "string" };

const invalid = (detail: string) => badRequest("invalidFilter", detail);
// `not (not (…))` nests without adding comparisons: SQLite refuses expressions past 1,000 levels.
const MAX_DEPTH = 64;
const own = (key: string) => (Object.hasOwn(GROUP, key) ? GROUP[key] : undefined);

class Builder {
  readonly values: unknown[] = [];
  param(v: unknown): string {
    this.values.push(v);
    return `\u0000${this.values.length - 1}\u0000`; // split into statement parts later
  }
}

const escapeLike = (v: string) => v.replace(/[\\%_]/g, (c) => "\\" + c);

function value(b: Builder, col: Column, op: string, v: unknown, attr: string): string {
  if (col.type === "date") {
    const d = typeof v === "string" ? new Date(v) : new Date(NaN);
    const { from, to } = SCIM_LIMITS.filterDateRange;
    if (Number.isNaN(d.getTime())) throw invalid(`'${attr}' must be compared with an ISO 8601 date-time.`);
    if (d < new Date(from) || d > new Date(to)) throw invalid(`Limit exceeded: '${attr}' must be compared with a date-time from ${from} to ${to}.`);
    if (op === "co" || op === "sw" || op === "ew") throw invalid(`Operator '${op}' is not supported for the date '${attr}'.`);
    return b.param(d);
  }
  if (typeof v !== "string" && typeof v !== "number") throw invalid(`'${attr}' must be compared with a string.`);
  const s = col.lower ? String(v).toLowerCase() : String(v);
  if (op === "co") return b.param(`%${escapeLike(s)}%`);
  if (op === "sw") return b.param(`${escapeLike(s)}%`);
  if (op === "ew") return b.param(`%${escapeLike(s)}`);
  return b.param(s);
}

const SQL_OP: Record<string, string> = { eq: "=", gt: ">", ge: ">=", lt: "<", le: "<=", co: "LIKE", sw: "LIKE", ew: "LIKE" };

function leaf(b: Builder, col: Column, node: Filter, attr: string): { cond: string; col: Column } {
  let op = node.op;
  const v = "compValue" in node ? node.compValue : undefined;
  let neg = false;
  if (op === "ne") [op, neg] = ["eq", true];
  if (v === null) {
    if (op !== "eq") throw invalid(`Operator '${op}' cannot be used with null.`);
    [op, neg] = ["pr", !neg];
  }
  let cond: string;
  if (op === "pr") cond = col.type === "string" ? `(${col.sql} IS NOT NULL AND ${col.sql} <> '')` : "1 = 1";
  else {
    const sqlOp = SQL_OP[op];
    if (!sqlOp) throw invalid(`Unsupported operator '${op}'.`);
    cond = `${col.sql} ${sqlOp} ${value(b, col, op, v, attr)}${sqlOp === "LIKE" ? ` ESCAPE '\\'` : ""}`;
  }
  return { cond: neg ? negate(col, cond) : cond, col };
}

// A negation of a nullable column also matches NULL (SQL's three-valued logic would drop it).
const negate = (col: Column, cond: string) => (col.nullable ? `(${col.sql} IS NULL OR NOT (${cond}))` : `NOT (${cond})`);

function memberCond(b: Builder, node: Filter, depth = 0): string {
  if (depth > MAX_DEPTH) throw invalid(`The filter is nested too deeply (at most ${MAX_DEPTH} levels).`);
  switch (node.op) {
    case "and":
    case "or":
      return `(${node.filters.map((f) => memberCond(b, f, depth + 1)).join(` ${node.op.toUpperCase()} `)})`;
    case "not":
      return `NOT (${memberCond(b, node.filter, depth + 1)})`;
    case "[]":
      throw invalid("Nested value paths are not supported.");
    default: {
      const name = normalizeAttrPath(node.attrPath).replace(/^members\./, "");
      if (name !== "value") throw invalid(`Filtering on members.'${node.attrPath}' is not supported.`);
      return leaf(b, MEMBER_VALUE, node, node.attrPath).cond;
    }
  }
}

const someMember = (cond: string) => `EXISTS (SELECT 1 FROM "GroupMember" gm WHERE gm."groupId" = g."id" AND ${cond})`;

function groupCond(b: Builder, node: Filter, depth = 0): string {
  if (depth > MAX_DEPTH) throw invalid(`The filter is nested too deeply (at most ${MAX_DEPTH} levels).`);
  switch (node.op) {
    case "and":
    case "or":
      return `(${node.filters.map((f) => groupCond(b, f, depth + 1)).join(` ${node.op.toUpperCase()} `)})`;
    case "not":
      return `NOT (${groupCond(b, node.filter, depth + 1)})`;
    case "[]":
      if (normalizeAttrPath(node.attrPath) !== "members") throw invalid(`Filtering on '${node.attrPath}' is not supported.`);
      return someMember(memberCond(b, node.valFilter));
    default: {
      const name = normalizeAttrPath(node.attrPath);
      if (name === "members" || name === "members.value") return someMember(leaf(b, MEMBER_VALUE, node, node.attrPath).cond);
      const col = own(name);
      if (!col) throw invalid(`Filtering on '${node.attrPath}' is not supported.`);
      return leaf(b, col, node, node.attrPath).cond;
    }
  }
}

/**
 * The count and the page for a filter, as two statements named after their text (PostgreSQL
 * prepares each shape once per connection; the values are parameters, so shapes are few).
 */
export function groupFilterStatements(filter: Filter, columns: string): { count: Statement<string>; page: Statement<string>; values: Record<string, unknown> } {
  const b = new Builder();
  const cond = groupCond(b, filter);
  const make = (prefix: string, text: string): Statement<string> => {
    const pieces = text.split("\u0000");
    const strings: string[] = [];
    const params: string[] = [];
    pieces.forEach((piece, i) => (i % 2 === 0 ? strings.push(piece) : params.push(`p${piece}`)));
    return { name: `${prefix}_${createHash("sha1").update(text).digest("hex").slice(0, 16)}`, strings, params };
  };
  const where = `g."organizationId" = \u0000org\u0000 AND ${cond}`;
  const values: Record<string, unknown> = Object.fromEntries(b.values.map((v, i) => [`p${i}`, v]));
  return {
    count: make("group_filter_count", `SELECT COUNT(*) FROM "Group" g WHERE ${where}`),
    page: make("group_filter_page", `SELECT ${columns} FROM "Group" g WHERE ${where} ORDER BY g."createdAt" ASC, g."id" ASC LIMIT \u0000limit\u0000 OFFSET \u0000offset\u0000`),
    values,
  };
}
