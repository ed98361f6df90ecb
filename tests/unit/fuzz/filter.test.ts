// Property tests of the SCIM filter compiler, in-process (thousands of cases in seconds): whatever
// the filter, the answer is one statement that SQLite prepares, written only from our own SQL
// (every value a parameter), whose plan finds rows by index and never scans a table — or a 400
// invalidFilter, never another error (which would be a 500).
import Database from "better-sqlite3";
import fc from "fast-check";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "scim2-parse-filter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FilterTable } from "@/lib/db/filter-table";
import { render, type Statement } from "@/lib/db/sql-statement";
import { groupFilter } from "@/lib/groups/store/statements";
import { GROUP_FILTER } from "@/lib/groups/store/filter-table";
import { MEMBER_FILTER } from "@/lib/members/store/filter-table";
import { scimMemberFilter } from "@/lib/members/store/statements";
import { ScimError } from "@/lib/scim/errors";
import { compileFilter } from "@/lib/scim/filter/compile-filter";
import { parseFilter } from "@/lib/scim/filter/parse-filter";
import { SCIM_LIMITS } from "@/lib/scim/http/limits";
import { anyCase, filterText, nastyString } from "../../fuzz/arbitraries";
import { checkProperty, pureRuns } from "../../fuzz/fuzz-config";
import { groupFilterText } from "../../fuzz/group-arbitraries";
import { hardeningReport } from "../../fuzz/hardening-report";
// @ts-expect-error -- plain ESM script without types
import { migrate } from "../../../scripts/migrate.mjs";

const report = hardeningReport("fuzz-filter");

let dir: string;
let db: Database.Database;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "fuzz-filter-"));
  const file = path.join(dir, "fuzz.db");
  await (migrate as (url: string) => Promise<string[]>)(`file:${file}`);
  db = new Database(file);
});
afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Outcome = { ok: true; statements: Statement[]; condition: string; values: Record<string, unknown> } | { ok: false; error: ScimError };

function compile(filter: string, resource: "users" | "groups" = "users"): Outcome {
  report.cases++;
  try {
    const table = resource === "users" ? MEMBER_FILTER : GROUP_FILTER;
    const condition = compileFilter(parseFilter(filter), table);
    const { count, page, values } = resource === "users" ? scimMemberFilter(condition) : groupFilter(condition);
    return { ok: true, statements: [count, page], condition: condition.strings.join(" ? "), values };
  } catch (err) {
    if (!(err instanceof ScimError)) throw new Error(`filter ${JSON.stringify(filter)} threw ${String(err)}`, { cause: err });
    return { ok: false, error: err };
  }
}

// Every token a condition's text may hold: our identifiers (from the stores' tables), SQL words, punctuation.
const identifiers = (t: FilterTable) =>
  [...Object.values(t.columns), ...Object.values(t.children).flatMap((c) => [...Object.values(c.columns), { sql: c.rows }])].flatMap(
    (c) => c.sql.match(/"[^"]+"/g) ?? [],
  );
const OURS = new Set([
  ...identifiers(MEMBER_FILTER),
  ...identifiers(GROUP_FILTER),
  ...[
    "NOT",
    "AND",
    "OR",
    "IS",
    "NULL",
    "LIKE",
    "ESCAPE",
    "EXISTS",
    "SELECT",
    "FROM",
    "WHERE",
    "substr",
    "length",
    "m",
    "e",
    "g",
    "gm",
    "0",
    "1",
  ],
  ...["''", "'\\'", "(", ")", "=", "<", ">", ".", ",", "-", "+", "?"],
]);

function expectOurText(condition: string): void {
  for (const token of condition.match(/"[^"]*"|'[^']*'|[A-Za-z_]+|\d+|\S/g) ?? [])
    expect(OURS.has(token), `${token} in ${condition}`).toBe(true);
}

/** Every step of the plan finds rows through an index (SEARCH); none reads a whole table (SCAN). */
function expectIndexedPlan(s: Statement): void {
  const { text, order } = render(s, "sqlite");
  const plan = (db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...order.map(() => "x")) as { detail: string }[]).map((r) => r.detail);
  expect(
    plan.filter((d) => /^SCAN /.test(d)),
    plan.join("\n"),
  ).toEqual([]);
}

function expectAnswer(out: Outcome): void {
  if (out.ok) {
    expectOurText(out.condition);
    for (const s of out.statements) expectIndexedPlan(s);
  } else {
    expect(out.error.status).toBe(400);
    expect(out.error.scimType).toBe("invalidFilter");
    expect(out.error.detail.length).toBeGreaterThan(0);
  }
}

describe("filter → SQL, property-based", () => {
  it("answers every Users filter with an indexed statement of our own text, or a 400 invalidFilter", () => {
    checkProperty(
      fc.property(filterText, (filter) => expectAnswer(compile(filter))),
      pureRuns(3000),
    );
  });

  it("answers every Groups filter likewise", () => {
    checkProperty(
      fc.property(groupFilterText(["m1", "m2"]), (filter) => expectAnswer(compile(filter, "groups"))),
      pureRuns(1500),
    );
  });

  it("attribute names and operators are case-insensitive (RFC 7644 §3.4.2.2)", () => {
    const attrs = ["userName", "externalId", "displayName", "name.givenName", "emails.value", "emails.type", "active", "id"];
    const ops = ["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"];
    const case_ = fc
      .tuple(fc.constantFrom(...attrs), fc.constantFrom(...ops), nastyString)
      .chain(([attr, op, value]) =>
        fc
          .tuple(fc.constant(`${attr} ${op} ${JSON.stringify(value)}`), anyCase(attr), anyCase(op))
          .map(([canonical, a, o]) => [canonical, `${a} ${o} ${JSON.stringify(value)}`] as const),
      );
    checkProperty(
      fc.property(case_, ([canonical, shouted]) => {
        const a = compile(canonical);
        const b = compile(shouted);
        expect(b.ok).toBe(a.ok);
        if (a.ok && b.ok) expect([b.condition, b.values]).toEqual([a.condition, a.values]);
        if (!a.ok && !b.ok) expect(b.error.scimType).toBe(a.error.scimType);
      }),
      pureRuns(2000),
    );
  });

  it("the userName-eq shortcut answers exactly what scim2-parse-filter answers", () => {
    // parseFilter builds `userName eq "…"` itself (the hot path of every IdP); the library decides the rest.
    const raw = fc.oneof(nastyString, fc.string({ unit: "binary" }), fc.string()).map((v) => `"${v}"`);
    const filter = fc
      .tuple(
        anyCase("userName"),
        fc.constantFrom(" ", "  ", "\t", "\u00a0"),
        anyCase("eq"),
        fc.constantFrom(" ", "  ", "\n"),
        fc.oneof(
          raw,
          nastyString.map((v) => JSON.stringify(v)),
        ),
        fc.constantFrom("", " ", "\n"),
      )
      .map(([attr, s1, op, s2, value, tail]) => `${attr}${s1}${op}${s2}${value}${tail}`)
      .filter((f) => f.length <= SCIM_LIMITS.filterLength);
    checkProperty(
      fc.property(filter, (f) => {
        report.cases++;
        let expected: unknown;
        try {
          expected = parse(f);
        } catch {
          expect(() => parseFilter(f)).toThrow(ScimError);
          return;
        }
        expect(parseFilter(f)).toEqual(expected);
      }),
      pureRuns(3000),
    );
  });

  it("refuses filters past the length, comparison, nesting and date limits, naming the limit", () => {
    const { filterLength, filterComparisons, filterDepth } = SCIM_LIMITS;
    const many = Array.from({ length: filterComparisons + 1 }, (_, i) => `userName eq "u${i}"`).join(" or ");
    const enough = Array.from({ length: filterComparisons }, (_, i) => `userName eq "u${i}"`).join(" or ");
    const long = `userName eq "${"x".repeat(filterLength)}"`;
    const deep = `${"not (".repeat(filterDepth + 1)}userName eq "x"${")".repeat(filterDepth + 1)}`;
    for (const [filter, words] of [
      [many, `at most ${filterComparisons} comparisons`],
      [long, `at most ${filterLength} characters`],
      [deep, `at most ${filterDepth} levels`],
      ['meta.created gt "-271821-04-20T00:00:00Z"', SCIM_LIMITS.filterDateRange.from],
      ['meta.lastModified lt "+010000-01-01T00:00:00Z"', SCIM_LIMITS.filterDateRange.to],
    ] as const) {
      const out = compile(filter);
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.error.detail).toContain(words);
    }
    expect(compile(enough).ok).toBe(true);
  });
});
