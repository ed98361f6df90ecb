// Property tests of the SCIM filter → where translation, in-process (thousands of cases in
// a second or two): whatever the filter, the answer is a where clause built only from our
// own column names, or a 400 invalidFilter — never another error, which would be a 500.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ScimError } from "@/lib/scim/errors";
import { parse } from "scim2-parse-filter";
import { filterToWhere, parseFilter } from "@/lib/scim/filter/filter-to-where";
import { LIKE_MARKER } from "@/lib/members/store/like-marker";
import { SCIM_LIMITS } from "@/lib/scim/http/limits";
import { anyCase, filterText, nastyString } from "../../fuzz/arbitraries";
import { checkProperty, pureRuns } from "../../fuzz/fuzz-config";
import { hardeningReport } from "../../fuzz/hardening-report";

const report = hardeningReport("fuzz-filter");

const COLUMNS = ["id", "userNameLower", "externalId", "scimDisplayNameLower", "givenNameLower", "familyNameLower", "locked", "createdAt", "updatedAt", "valueLower", "type", "primary"];
const STRUCTURE = ["AND", "OR", "NOT", "emails", "some", "none"];
const OPERATORS = ["in", "not", "contains", "startsWith", "endsWith", "gt", "gte", "lt", "lte"];
const ALLOWED_KEYS = new Set([...COLUMNS, ...STRUCTURE, ...OPERATORS]);

type Outcome = { ok: true; where: unknown } | { ok: false; error: ScimError };

function translate(filter: string): Outcome {
  report.cases++;
  try {
    return { ok: true, where: filterToWhere(filter) };
  } catch (err) {
    if (!(err instanceof ScimError)) throw new Error(`filter ${JSON.stringify(filter)} threw ${String(err)}`, { cause: err });
    return { ok: false, error: err };
  }
}

/** Every key of the where tree is one of ours: nothing from the filter text becomes a Prisma key. */
function assertSafeWhere(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(assertSafeWhere);
  if (node === null || typeof node !== "object" || node instanceof Date) {
    expect(["string", "boolean", "object"]).toContain(typeof node);
    return;
  }
  expect(Object.getPrototypeOf(node)).toBe(Object.prototype);
  for (const [key, value] of Object.entries(node)) {
    if (key === LIKE_MARKER) {
      expect(COLUMNS).toContain((value as { column: string }).column);
      continue;
    }
    expect(ALLOWED_KEYS.has(key), `unexpected key ${key}`).toBe(true);
    assertSafeWhere(value);
  }
}

describe("filter → where, property-based", () => {
  it("answers every filter with a safe where clause or a 400 invalidFilter", () => {
    checkProperty(
      fc.property(filterText, (filter) => {
        const out = translate(filter);
        if (out.ok) assertSafeWhere(out.where);
        else {
          expect(out.error.status).toBe(400);
          expect(out.error.scimType).toBe("invalidFilter");
          expect(out.error.detail.length).toBeGreaterThan(0);
        }
      }),
      pureRuns(4000),
    );
  });

  it("attribute names and operators are case-insensitive (RFC 7644 §3.4.2.2)", () => {
    const attrs = ["userName", "externalId", "displayName", "name.givenName", "emails.value", "emails.type", "active", "id"];
    const ops = ["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"];
    const case_ = fc.tuple(fc.constantFrom(...attrs), fc.constantFrom(...ops), nastyString).chain(([attr, op, value]) =>
      fc.tuple(fc.constant(`${attr} ${op} ${JSON.stringify(value)}`), anyCase(attr), anyCase(op)).map(([canonical, a, o]) => [canonical, `${a} ${o} ${JSON.stringify(value)}`] as const),
    );
    checkProperty(
      fc.property(case_, ([canonical, shouted]) => {
        const a = translate(canonical);
        const b = translate(shouted);
        expect(b.ok).toBe(a.ok);
        if (a.ok && b.ok) expect(JSON.stringify(b.where)).toBe(JSON.stringify(a.where));
        if (!a.ok && !b.ok) expect(b.error.scimType).toBe(a.error.scimType);
      }),
      pureRuns(2000),
    );
  });

  it("the userName-eq shortcut answers exactly what scim2-parse-filter answers", () => {
    // parseFilter builds `userName eq "…"` itself (the hot path of every IdP); the library decides the rest.
    const raw = fc.oneof(nastyString, fc.string({ unit: "binary" }), fc.string()).map((v) => `"${v}"`);
    const filter = fc
      .tuple(anyCase("userName"), fc.constantFrom(" ", "  ", "\t", "\u00a0"), anyCase("eq"), fc.constantFrom(" ", "  ", "\n"), fc.oneof(raw, nastyString.map((v) => JSON.stringify(v))), fc.constantFrom("", " ", "\n"))
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

  it("refuses filters past the length and comparison limits, naming the limit", () => {
    const { filterLength, filterComparisons } = SCIM_LIMITS;
    const many = Array.from({ length: filterComparisons + 1 }, (_, i) => `userName eq "u${i}"`).join(" or ");
    const enough = Array.from({ length: filterComparisons }, (_, i) => `userName eq "u${i}"`).join(" or ");
    const long = `userName eq "${"x".repeat(filterLength)}"`;
    for (const [filter, words] of [
      [many, `at most ${filterComparisons} comparisons`],
      [long, `at most ${filterLength} characters`],
      ['meta.created gt "-271821-04-20T00:00:00Z"', SCIM_LIMITS.filterDateRange.from],
      ['meta.lastModified lt "+010000-01-01T00:00:00Z"', SCIM_LIMITS.filterDateRange.to],
    ] as const) {
      const out = translate(filter);
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.error.detail).toContain(words);
    }
    expect(translate(enough).ok).toBe(true);
  });
});
