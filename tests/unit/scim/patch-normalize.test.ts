// The one PATCH normalisation, on the shapes Entra ID and Okta send to /Groups (IDP-REQUESTS.md
// "Groups"), and the same body read the same way for a User where the two resources share it.
import { describe, expect, it } from "vitest";
import { normalizeOperations, type PatchOperation } from "@/lib/scim/patch/normalize-operations";
import { GROUP_PATCH, USER_PATCH } from "@/lib/scim/patch/patch-resources";

const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const GROUP_URN = "urn:ietf:params:scim:schemas:core:2.0:Group";
const ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

/** Operations as plain data: op, canonical path text, value and flags. */
function simple(ops: PatchOperation[]) {
  return ops.map(({ op, path, ...rest }) => ({
    op,
    path: `${path.attr?.name ?? ""}${path.filter ? `[${path.filter.text}]` : ""}${path.sub ? `.${path.sub.name}` : ""}`,
    ...rest,
  }));
}

const group = (Operations: unknown[]) => simple(normalizeOperations({ schemas: [PATCH_OP], Operations }, GROUP_PATCH));

describe("group shapes", () => {
  it("Entra's membership add: capitalised op, objects with $ref null", () => {
    expect(
      group([
        {
          op: "Add",
          path: "members",
          value: [
            { $ref: null, value: "u1" },
            { $ref: null, value: "u2" },
          ],
        },
      ]),
    ).toEqual([
      {
        op: "add",
        path: "members",
        value: [
          { $ref: null, value: "u1" },
          { $ref: null, value: "u2" },
        ],
      },
    ]);
  });

  it("Entra's removes: by value (default) and by filter (aadOptscim062020), both lenient", () => {
    expect(group([{ op: "Remove", path: "members", value: [{ value: "u1" }] }])).toEqual([
      { op: "remove", path: "members", value: [{ value: "u1" }], lenient: true },
    ]);
    expect(group([{ op: "remove", path: 'members[value eq "u1"]' }])).toEqual([
      { op: "remove", path: 'members[value eq "u1"]', lenient: true },
    ]);
  });

  it("remove members with no value keeps no value (the group is emptied); with null, null", () => {
    expect(group([{ op: "remove", path: "members" }])).toEqual([{ op: "remove", path: "members", lenient: true }]);
    expect(group([{ op: "remove", path: "members", value: null }])).toEqual([
      { op: "remove", path: "members", value: null, lenient: true },
    ]);
  });

  it("a bare id, or one object, becomes a one-element list", () => {
    expect(group([{ op: "add", path: "members", value: "u1" }])).toEqual([{ op: "add", path: "members", value: ["u1"] }]);
    expect(group([{ op: "add", path: "members", value: { value: "u1", displayName: "U" } }])).toEqual([
      { op: "add", path: "members", value: [{ value: "u1", displayName: "U" }] },
    ]);
  });

  it("Okta's path-less rename { id, displayName }: id is read-only, ignored", () => {
    expect(group([{ op: "replace", value: { id: "g1", displayName: "Renamed" } }])).toEqual([
      { op: "replace", path: "displayName", value: "Renamed" },
    ]);
  });

  it("Okta's mixed PATCH keeps the order of its operations", () => {
    expect(
      group([
        { op: "replace", value: { id: "g1", displayName: "G" } },
        { op: "remove", path: 'members[value eq "a"]' },
        { op: "add", path: "members", value: [{ value: "c", display: "c" }] },
      ]).map((o) => `${o.op} ${o.path}`),
    ).toEqual(["replace displayName", 'remove members[value eq "a"]', "add members"]);
  });

  it("op and keys in any letter case, attribute names too, with or without the Group URN", () => {
    expect(
      normalizeOperations({ OPERATIONS: [{ OP: "ADD", Path: "Members", Value: ["u1"] }] }, GROUP_PATCH).map((o) => [
        o.op,
        o.path.attr?.name,
      ]),
    ).toEqual([["add", "members"]]);
    expect(group([{ op: "replace", path: `${GROUP_URN}:displayName`, value: "G" }])).toEqual([
      { op: "replace", path: "displayName", value: "G" },
    ]);
    expect(group([{ op: "add", value: { [`${GROUP_URN}:externalId`]: "e", Members: [{ value: "u1" }] } }])).toEqual([
      { op: "add", path: "externalId", value: "e" },
      { op: "add", path: "members", value: [{ value: "u1" }] },
    ]);
  });

  it("null values unassign, and say which op they came from", () => {
    expect(group([{ op: "replace", path: "members", value: null }])).toEqual([
      { op: "remove", path: "members", lenient: true, unassign: "replace" },
    ]);
    expect(group([{ op: "add", value: { members: null, externalId: null } }])).toEqual([
      { op: "remove", path: "members", lenient: true, unassign: "add" },
      { op: "remove", path: "externalId", lenient: true, unassign: "add" },
    ]);
  });

  it("attributes a Group does not have are ignored: unknown, read-only, the Enterprise extension, a User's", () => {
    expect(
      group([
        { op: "replace", path: "description", value: "x" },
        { op: "add", path: "id", value: "x" },
        { op: "add", path: "members.display", value: "x" },
      ]),
    ).toEqual([]);
    expect(
      group([
        { op: "add", path: `${ENT}:department`, value: "R" },
        { op: "add", value: { [ENT]: { department: "R" }, title: "x" } },
      ]),
    ).toEqual([]);
    expect(
      group([
        { op: "remove", path: "title" },
        { op: "remove", path: "meta" },
      ]),
    ).toEqual([]);
  });

  it("removes of what a Group lacks stay today's answer (nothing), a User's noTarget (issue 26 changes both)", () => {
    expect(group([{ op: "remove", path: "externalId" }])).toEqual([{ op: "remove", path: "externalId", lenient: true }]);
    expect(() => normalizeOperations({ Operations: [{ op: "remove", path: "favouriteColour" }] }, USER_PATCH)).toThrow(
      expect.objectContaining({ status: 400, scimType: "noTarget" }),
    );
  });

  it("a null path is no path", () => {
    expect(group([{ op: "replace", path: null, value: { displayName: "G" } }])).toEqual([
      { op: "replace", path: "displayName", value: "G" },
    ]);
    expect(() => group([{ op: "remove", path: null }])).toThrow(expect.objectContaining({ status: 400, scimType: "noTarget" }));
  });

  it.each([
    ["no Operations", {}, "invalidSyntax"],
    ["Operations not a list", { Operations: "x" }, "invalidSyntax"],
    ["an operation that is not an object", { Operations: [1] }, "invalidSyntax"],
    ["a path that is not a string", { Operations: [{ op: "add", path: 5, value: "x" }] }, "invalidSyntax"],
    ["schemas not a list", { schemas: PATCH_OP, Operations: [{ op: "add", path: "members", value: [] }] }, "invalidSyntax"],
    ["unknown op", { Operations: [{ op: "move", path: "members" }] }, "invalidSyntax"],
    ["add without value", { Operations: [{ op: "add", path: "members" }] }, "invalidValue"],
    ["remove without path", { Operations: [{ op: "Remove", path: " " }] }, "noTarget"],
    ["a malformed path", { Operations: [{ op: "remove", path: "members[value" }] }, "invalidPath"],
    ["a malformed members filter", { Operations: [{ op: "remove", path: "members[value eq]" }] }, "invalidPath"],
    [
      "a filter on a single-valued attribute",
      { Operations: [{ op: "replace", path: 'displayName[value eq "x"]', value: "x" }] },
      "invalidPath",
    ],
    ["a path-less add of a string", { Operations: [{ op: "add", value: "x" }] }, "invalidValue"],
  ])("refuses %s", (_label, body, scimType) => {
    expect(() => normalizeOperations(body, GROUP_PATCH)).toThrow(expect.objectContaining({ status: 400, scimType }));
  });
});

describe("one normalisation for both resources", () => {
  it("reads the attributes they share the same way", () => {
    const body = {
      schemas: [PATCH_OP],
      Operations: [
        { op: "Replace", path: "displayName", value: "D" },
        { op: "add", value: { externalId: "e", id: "x" } },
        { op: "REPLACE", path: "externalId", value: null },
      ],
    };
    expect(simple(normalizeOperations(body, USER_PATCH))).toEqual(simple(normalizeOperations(body, GROUP_PATCH)));
  });

  it("Entra's User forms go through it too: string booleans, dotted and URN keys in a path-less op", () => {
    const ops = simple(
      normalizeOperations(
        {
          Operations: [
            { op: "Replace", path: "active", value: "False" },
            { op: "replace", value: { "name.givenName": "K", [`${ENT}:employeeNumber`]: "7" } },
          ],
        },
        USER_PATCH,
      ),
    );
    expect(ops).toEqual([
      { op: "replace", path: "active", value: "False" }, // coerced with the rest of the User (normalizeUser)
      { op: "replace", path: "name.givenName", value: "K" },
      { op: "replace", path: "employeeNumber", value: "7" },
    ]);
  });
});
