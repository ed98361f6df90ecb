// Generators of hostile and odd SCIM input, shared by the in-process and over-HTTP suites:
// unicode edge cases, huge strings, wrong types, prototype keys, deep nesting, and inputs
// shaped like what Entra ID and Okta send, so that many cases get past the first check.
import fc from "fast-check";

export const CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
export const ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

/** Characters that break naive code: NUL, bidi controls, combining marks, emoji sequences, lone surrogates, LIKE wildcards, quotes. */
const SPECIAL = [
  "\u0000",
  "\u202E",
  "\u200F",
  "\u0301",
  "e\u0301",
  "\u{1F469}\u200D\u{1F469}\u200D\u{1F467}",
  "\uD83D",
  "\uDC00",
  "\uFEFF",
  "\u2028",
  "\\",
  '"',
  "%",
  "_",
  "'",
  "İ",
  "ß",
  "Σ",
  "ﬃ",
  "\r\n",
  "\t",
  "\uFFFF",
  "𝔘",
  "<script>",
  "${x}",
  "' OR 1=1 --",
];

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...SPECIAL), { minLength: 1, maxLength: 6 }).map((parts) => parts.join("")) },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 20_000 }).map((n) => "x".repeat(n)) },
);

/** A userName: usually plausible, sometimes hostile. */
export const userNameValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(nastyString, fc.string({ minLength: 1, maxLength: 8 })).map(([a, b]) => `${a}${b}@contoso.example`) },
  { weight: 2, arbitrary: nastyString },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(""),
      fc.constant("   "),
      fc.array(fc.string(), { maxLength: 2 }),
      fc.object({ maxDepth: 1 }),
    ),
  },
);

/** Keys an IdP (or an attacker) may put in a body. */
export const scimKey: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      "userName",
      "USERNAME",
      "name",
      "name.givenName",
      "name.familyName",
      "displayName",
      "title",
      "emails",
      "phoneNumbers",
      "addresses",
      "active",
      "externalId",
      "id",
      "meta",
      "schemas",
      "password",
      "groups",
      "roles",
      "locale",
      "photos",
      "x509Certificates",
      ENT,
      `${ENT}:department`,
      `${ENT}:manager`,
      `${ENT}:employeeNumber`,
      `${CORE}:userName`,
      `${CORE}:name`,
      CORE,
      "urn:example:ext:1.0:User",
      "__proto__",
      "constructor",
      "prototype",
      "toString",
      "hasOwnProperty",
      "valueOf",
    ),
  },
  { weight: 1, arbitrary: nastyString },
);

/** Any JSON-ish value with SCIM-flavoured keys, nested up to `depth`. */
export function jsonish(depth = 3): fc.Arbitrary<unknown> {
  const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
    tree: fc.oneof(
      { depthSize: "small", maxDepth: depth },
      nastyString,
      fc.oneof(fc.integer(), fc.double(), fc.constant(1e308), fc.constant(-0), fc.bigInt().map(String)),
      fc.boolean(),
      fc.constantFrom(null, "True", "False", "true", "false", "", "[]", "{}"),
      fc.array(tie("tree"), { maxLength: 4 }),
      fc.dictionary(scimKey, tie("tree"), { maxKeys: 5 }),
    ),
  }));
  return tree;
}

function nested(depth: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { name: value };
  return value;
}

/** Bodies past one of the size limits: deep nesting, thousands of values, long strings. */
export const oversizedBody: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: 10, max: 1000 }).map((n) => ({ userName: "deep@contoso.example", [ENT]: { manager: nested(n) } })),
  fc
    .integer({ min: 500, max: 4000 })
    .map((n) => ({ userName: "many@contoso.example", emails: Array.from({ length: n }, (_, i) => ({ value: `${i}@contoso.example` })) })),
  fc.integer({ min: 16_000, max: 300_000 }).map((n) => ({ userName: "long@contoso.example", title: "y".repeat(n) })),
  fc
    .integer({ min: 90, max: 150 })
    .map((n) => ({ schemas: [PATCH_OP], Operations: Array.from({ length: n }, () => ({ op: "replace", path: "title", value: "t" })) })),
);

const emailItem = fc.record(
  {
    value: fc.oneof(nastyString, fc.constant("a@contoso.example"), fc.integer()),
    type: fc.constantFrom("work", "home", "WORK", 7, null),
    primary: fc.oneof(fc.boolean(), fc.constantFrom("True", "yes", null)),
  },
  { requiredKeys: [] },
);

/** POST/PUT bodies: shaped like Entra's and Okta's Users, with random perturbations. */
export const userBody: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .record(
        {
          schemas: fc.constantFrom([CORE], [CORE, ENT], "x", null),
          userName: userNameValue,
          externalId: fc.oneof(nastyString, fc.integer(), fc.constant(null)),
          active: fc.oneof(fc.boolean(), fc.constantFrom("True", "False", "maybe", 1, null)),
          name: fc.oneof(
            fc.record({ givenName: nastyString, familyName: fc.oneof(nastyString, fc.integer()) }, { requiredKeys: [] }),
            nastyString,
          ),
          emails: fc.oneof(fc.array(emailItem, { maxLength: 3 }), emailItem, nastyString),
          [ENT]: fc.oneof(
            fc.record({ department: nastyString, manager: fc.oneof(nastyString, fc.record({ value: nastyString })) }, { requiredKeys: [] }),
            nastyString,
          ),
          extra: jsonish(2),
        },
        { requiredKeys: ["userName"] },
      )
      .chain((body) =>
        fc.tuple(fc.constant(body), fc.dictionary(scimKey, jsonish(2), { maxKeys: 3 })).map(([b, more]) => ({ ...more, ...b })),
      ),
  },
  { weight: 1, arbitrary: jsonish(4) },
  { weight: 1, arbitrary: oversizedBody },
);

const patchPath: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.constantFrom(
      "userName",
      "active",
      "displayName",
      "title",
      "name",
      "name.givenName",
      "name.familyName",
      "emails",
      'emails[type eq "work"].value',
      'emails[type eq "work"]',
      'emails[value eq "a@contoso.example"]',
      "emails.value",
      'phoneNumbers[type eq "mobile"].value',
      'addresses[type eq "work"].locality',
      "externalId",
      ENT,
      `${ENT}:department`,
      `${ENT}:manager`,
      `${CORE}:displayName`,
      "id",
      "meta.created",
      "groups",
      "__proto__",
      "constructor.prototype",
      "name.__proto__",
      "emails[type",
      "emails[]",
      'emails[type eq "work"].__proto__',
      "urn:example:ext:1.0:User:x",
      "",
    ),
  },
  { weight: 1, arbitrary: nastyString },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 })) },
);

const patchValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nastyString },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      true,
      false,
      "True",
      "False",
      [{ value: "b@contoso.example", type: "work" }],
      { givenName: "G", familyName: "F" },
      { value: "manager-id" },
    ),
  },
  { weight: 2, arbitrary: jsonish(3) },
);

const patchOperation: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record(
      { op: fc.constantFrom("add", "Add", "replace", "Replace", "remove", "Remove", "REPLACE"), path: patchPath, value: patchValue },
      { requiredKeys: ["op"] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record(
      { op: fc.oneof(nastyString, fc.integer(), fc.constant(null)), path: patchPath, value: jsonish(2) },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: jsonish(2) },
);

/** Operations like Entra's and Okta's: a known path (or none) and a value of roughly the right type. */
const plausibleOperation: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({
    op: fc.constantFrom("replace", "Replace", "add", "Add"),
    path: fc.constantFrom(
      "displayName",
      "title",
      "name.givenName",
      'emails[type eq "work"].value',
      `${ENT}:department`,
      "active",
      "externalId",
      "userName",
    ),
    value: fc.oneof(nastyString, fc.constantFrom("True", "False", true, false)),
  }),
  fc.record({
    op: fc.constantFrom("replace", "add"),
    value: fc.dictionary(
      fc.constantFrom("displayName", "name.givenName", `${ENT}:employeeNumber`, "active", "title", "__proto__"),
      fc.oneof(nastyString, fc.boolean()),
      { minKeys: 1, maxKeys: 3 },
    ),
  }),
  fc.record({
    op: fc.constantFrom("remove", "Remove"),
    path: fc.constantFrom("title", "emails", 'emails[type eq "work"]', `${ENT}:manager`, "name.familyName"),
  }),
);

/** PATCH bodies: mostly PatchOp messages, some with the wrong shape entirely. */
export const patchBody: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({ schemas: fc.constant([PATCH_OP]), Operations: fc.array(plausibleOperation, { minLength: 1, maxLength: 3 }) }),
  },
  {
    weight: 6,
    arbitrary: fc.record(
      { schemas: fc.constantFrom([PATCH_OP], [], "x"), Operations: fc.array(patchOperation, { minLength: 1, maxLength: 5 }) },
      { requiredKeys: ["Operations"] },
    ),
  },
  { weight: 1, arbitrary: fc.record({ operations: fc.array(patchOperation, { maxLength: 3 }) }) },
  { weight: 1, arbitrary: jsonish(4) },
  { weight: 1, arbitrary: oversizedBody },
);

const FILTER_ATTRS = [
  "userName",
  "externalId",
  "displayName",
  "name.givenName",
  "name.familyName",
  "active",
  "meta.created",
  "meta.lastModified",
  "id",
  "emails",
  "emails.value",
  "emails.type",
  "emails.primary",
  `${CORE}:userName`,
  "title",
  "__proto__",
  "constructor",
  "toString",
  "emails.__proto__",
  "urn:example:ext:1.0:User:x",
];
const FILTER_OPS = ["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"];

const filterValue = fc.oneof(
  nastyString.map((s) => JSON.stringify(s)),
  fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })).map(String),
  fc.constantFrom(
    "true",
    "false",
    "null",
    '"2024-01-01T00:00:00Z"',
    '"+275760-09-13T00:00:00Z"',
    '"-271821-04-20T00:00:00Z"',
    '"0000-01-01"',
    '"work"',
  ),
);

/** Random capitalisation: attribute names and operators are case-insensitive (RFC 7644 §3.4.2.2). */
export const anyCase = (s: string) =>
  fc
    .array(fc.boolean(), { minLength: s.length, maxLength: s.length })
    .map((up) => [...s].map((c, i) => (up[i] ? c.toUpperCase() : c.toLowerCase())).join(""));

const comparison = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.tuple(fc.constantFrom(...FILTER_ATTRS), fc.constantFrom(...FILTER_OPS), filterValue).map(([a, o, v]) => `${a} ${o} ${v}`),
  },
  { weight: 1, arbitrary: fc.constantFrom(...FILTER_ATTRS).map((a) => `${a} pr`) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("type", "value", "primary"), fc.constantFrom(...FILTER_OPS), filterValue)
      .map(([a, o, v]) => `emails[${a} ${o} ${v}]`),
  },
);

/** SCIM filters: grammatical ones (and, or, not, parentheses, value paths), mutated ones, and garbage. */
export const filterText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.letrec<{ f: string }>((tie) => ({
      f: fc.oneof(
        { depthSize: "small", maxDepth: 4 },
        comparison,
        fc.tuple(tie("f"), fc.constantFrom("and", "or", "AND", "Or"), tie("f")).map(([a, op, b]) => `${a} ${op} ${b}`),
        tie("f").map((f) => `not (${f})`),
        tie("f").map((f) => `(${f})`),
      ),
    })).f,
  },
  {
    weight: 1,
    arbitrary: fc.tuple(comparison, fc.integer({ min: 40, max: 80 })).map(([c, n]) => Array.from({ length: n }, () => c).join(" or ")),
  },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 2000 }).map((n) => `${"(".repeat(n)}userName eq "x"${")".repeat(n)}`) },
  { weight: 1, arbitrary: fc.tuple(comparison, nastyString, fc.nat(40)).map(([c, junk, at]) => c.slice(0, at) + junk + c.slice(at)) },
  { weight: 1, arbitrary: nastyString },
);
