// Arbitraries for /Groups: filters on Group attributes and PATCH bodies in and around the
// shapes Entra ID and Okta send. Member ids come from the test (real ones, unknown ones, junk).
import fc from "fast-check";
import { jsonish, nastyString, PATCH_OP } from "./arbitraries";

const ATTRS = [
  "displayName",
  "externalId",
  "id",
  "members",
  "members.value",
  "meta.created",
  "meta.lastModified",
  "urn:ietf:params:scim:schemas:core:2.0:Group:displayName",
  "members.display",
  "title",
  "__proto__",
  "constructor",
];
const OPS = ["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"];

export function groupFilterText(ids: readonly string[]): fc.Arbitrary<string> {
  const value = fc.oneof(
    nastyString.map((s) => JSON.stringify(s)),
    fc.constantFrom(...ids).map((id) => JSON.stringify(id)),
    fc.integer().map(String),
    fc.constantFrom("true", "null", '"2024-01-01T00:00:00Z"', '"0000-01-01"', "Bare", "2015-10-10T14:38:21.8617979-07:00"),
  );
  const comparison = fc.oneof(
    { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...ATTRS), fc.constantFrom(...OPS), value).map(([a, o, v]) => `${a} ${o} ${v}`) },
    { weight: 1, arbitrary: fc.constantFrom(...ATTRS).map((a) => `${a} pr`) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom("value", "display", "type"), fc.constantFrom(...OPS), value)
        .map(([a, o, v]) => `members[${a} ${o} ${v}]`),
    },
  );
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.letrec<{ f: string }>((tie) => ({
        f: fc.oneof(
          { depthSize: "small", maxDepth: 4 },
          comparison,
          fc.tuple(tie("f"), fc.constantFrom("and", "or", "AND"), tie("f")).map(([a, op, b]) => `${a} ${op} ${b}`),
          tie("f").map((f) => `not (${f})`),
        ),
      })).f,
    },
    { weight: 1, arbitrary: fc.integer({ min: 60, max: 700 }).map((n) => `${"not (".repeat(n)}displayName eq "x"${")".repeat(n)}`) },
    { weight: 1, arbitrary: nastyString },
  );
}

export function groupPatchBody(ids: readonly string[]): fc.Arbitrary<unknown> {
  const id = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...ids) },
    { weight: 1, arbitrary: nastyString },
    { weight: 1, arbitrary: fc.uuid() },
  );
  const member = fc.oneof(
    id,
    fc.record({ value: id, display: nastyString, $ref: fc.constantFrom(null, "x") }, { requiredKeys: ["value"] }),
    fc.record({ value: id, displayName: nastyString }),
    jsonish(2),
  );
  const path = fc.oneof(
    {
      weight: 8,
      arbitrary: fc.constantFrom(
        "members",
        "Members",
        "displayName",
        "externalId",
        "",
        "members.value",
        "members[value",
        "urn:ietf:params:scim:schemas:core:2.0:Group:displayName",
        "__proto__",
        "id",
      ),
    },
    { weight: 3, arbitrary: id.map((v) => `members[value eq ${JSON.stringify(v)}]`) },
    { weight: 1, arbitrary: nastyString },
  );
  const value = fc.oneof(
    fc.array(member, { maxLength: 4 }),
    member,
    nastyString,
    fc.record({ id: fc.string(), displayName: nastyString }, { requiredKeys: [] }),
    fc.constant(null),
    jsonish(2),
  );
  const operation = fc.oneof(
    {
      weight: 10,
      arbitrary: fc.record(
        { op: fc.constantFrom("add", "Add", "remove", "Remove", "replace", "REPLACE"), path, value },
        { requiredKeys: ["op"] },
      ),
    },
    { weight: 1, arbitrary: jsonish(2) },
  );
  return fc.oneof(
    {
      weight: 8,
      arbitrary: fc.record({ schemas: fc.constant([PATCH_OP]), Operations: fc.array(operation, { minLength: 1, maxLength: 4 }) }),
    },
    { weight: 1, arbitrary: jsonish(3) },
  );
}
