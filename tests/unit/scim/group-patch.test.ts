// PATCH /Groups bodies → one GroupUpdate: every shape Entra ID and Okta send, the split between
// the group's own attributes (scim-patch) and its members (the store's operations), the refusals.
import { describe, expect, it } from "vitest";
import type { GroupRow } from "@/lib/groups/store";
import { groupPatch } from "@/lib/scim/groups/group-patch";
import { normalizeGroup } from "@/lib/scim/groups/group-input";

const row: GroupRow = {
  id: "g1",
  organizationId: "o1",
  displayName: "Sales",
  externalId: "ext",
  scimAttributes: "{}",
  version: 3,
  createdAt: new Date(0),
  updatedAt: new Date(0),
};
const apply = (Operations: unknown[]) => groupPatch({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations })(row);

describe("groupPatch", () => {
  it.each([
    [
      "Entra add",
      [{ op: "Add", path: "members", value: [{ $ref: null, value: "u1" }, { value: "u2" }] }],
      [{ kind: "add", ids: ["u1", "u2"] }],
    ],
    ["Entra remove (default)", [{ op: "Remove", path: "members", value: [{ value: "u1" }] }], [{ kind: "remove", ids: ["u1"] }]],
    ["Entra remove (aadOptscim062020)", [{ op: "remove", path: 'members[value eq "u1"]' }], [{ kind: "remove", ids: ["u1"] }]],
    [
      "remove by an or-filter",
      [{ op: "remove", path: 'members[value eq "u1" or value eq "u2"]' }],
      [{ kind: "remove", ids: ["u1", "u2"] }],
    ],
    ["bare strings", [{ op: "add", path: "members", value: ["u1", "u1", " u2 "] }], [{ kind: "add", ids: ["u1", "u2"] }]],
    ["a single object", [{ op: "add", path: "members", value: { value: "u1", displayName: "U" } }], [{ kind: "add", ids: ["u1"] }]],
    ["replace members", [{ op: "Replace", path: "members", value: [{ value: "u3" }] }], [{ kind: "set", ids: ["u3"] }]],
    ["remove members without value", [{ op: "remove", path: "members" }], [{ kind: "clear" }]],
    ["path-less add of members", [{ op: "add", value: { members: [{ value: "u1" }] } }], [{ kind: "add", ids: ["u1"] }]],
    [
      "URN-prefixed path",
      [{ op: "add", path: "urn:ietf:params:scim:schemas:core:2.0:Group:members", value: ["u1"] }],
      [{ kind: "add", ids: ["u1"] }],
    ],
    ["unknown attribute ignored", [{ op: "replace", path: "description", value: "x" }], []],
  ])("%s", (_label, ops, membership) => {
    expect(apply(ops).membership).toEqual(membership);
  });

  it("renames: by path, and Okta's path-less { id, displayName }; externalId set and removed", () => {
    expect(apply([{ op: "Replace", path: "displayName", value: "EMEA" }]).profile).toEqual({
      displayName: "EMEA",
      externalId: "ext",
      attributes: {},
    });
    expect(apply([{ op: "replace", value: { id: "g1", displayName: "Okta" } }]).profile.displayName).toBe("Okta");
    expect(apply([{ op: "remove", path: "externalId" }]).profile.externalId).toBeNull();
    expect(apply([{ op: "add", path: "externalId", value: "new" }]).profile.externalId).toBe("new");
  });

  it("keeps the order of operations", () => {
    expect(
      apply([
        { op: "remove", path: 'members[value eq "a"]' },
        { op: "add", path: "members", value: ["b"] },
      ]).membership,
    ).toEqual([
      { kind: "remove", ids: ["a"] },
      { kind: "add", ids: ["b"] },
    ]);
  });

  it.each([
    ["no Operations", {}, "invalidSyntax"],
    ["empty Operations", { Operations: [] }, "invalidSyntax"],
    ["unknown op", { Operations: [{ op: "move", path: "members" }] }, "invalidSyntax"],
    ["add without value", { Operations: [{ op: "add", path: "members" }] }, "invalidValue"],
    ["member without value", { Operations: [{ op: "add", path: "members", value: [{ display: "x" }] }] }, "invalidValue"],
    ["remove without path", { Operations: [{ op: "remove" }] }, "noTarget"],
    ["remove displayName", { Operations: [{ op: "remove", path: "displayName" }] }, "mutability"],
    ["empty displayName", { Operations: [{ op: "replace", path: "displayName", value: " " }] }, "invalidValue"],
    ["a members filter on another attribute", { Operations: [{ op: "remove", path: 'members[display eq "x"]' }] }, "invalidFilter"],
    ["add through a filter", { Operations: [{ op: "add", path: 'members[value eq "x"]', value: [] }] }, "invalidPath"],
    ["path-less add of a string", { Operations: [{ op: "add", value: "x" }] }, "invalidValue"],
  ])("refuses %s", (_label, body, scimType) => {
    expect(() => groupPatch(body)(row)).toThrow(expect.objectContaining({ status: 400, scimType }));
  });
});

describe("groupPatch: the split between scim-patch and the store's membership operations", () => {
  it("own attributes are patched on the group as stored; members never reach the profile", () => {
    const update = apply([
      { op: "add", path: "members", value: ["u1"] },
      { op: "replace", value: { displayName: "First", members: ["u2"] } },
      { op: "Replace", path: "displayName", value: "Second" },
      { op: "remove", path: "externalId" },
    ]);
    expect(update).toEqual({
      profile: { displayName: "Second", externalId: null, attributes: {} },
      membership: [
        { kind: "add", ids: ["u1"] },
        { kind: "set", ids: ["u2"] },
      ],
    });
  });

  it("a PATCH of members only leaves the profile as it was", () => {
    expect(apply([{ op: "remove", path: 'members[value eq "u1"]' }]).profile).toEqual({
      displayName: "Sales",
      externalId: "ext",
      attributes: {},
    });
  });

  it.each([
    ["add members: null adds no one", [{ op: "add", path: "members", value: null }], []],
    ["replace members: null empties the group", [{ op: "replace", path: "members", value: null }], [{ kind: "clear" }]],
    ["remove members with value null empties it", [{ op: "remove", path: "members", value: null }], [{ kind: "clear" }]],
    ["remove members with an empty list removes no one", [{ op: "remove", path: "members", value: [] }], [{ kind: "remove", ids: [] }]],
    [
      "sub-attributes of members are not ours to write",
      [
        { op: "replace", path: "members.value", value: "x" },
        { op: "remove", path: 'members[value eq "u1"].value' },
      ],
      [],
    ],
  ])("%s", (_label, ops, membership) => {
    expect(apply(ops).membership).toEqual(membership);
  });

  it("removes of what the group lacks change nothing, as today (issue 26 decides them for both resources)", () => {
    const noExternalId: GroupRow = { ...row, externalId: null };
    const update = groupPatch({
      Operations: [
        { op: "remove", path: "externalId" },
        { op: "remove", path: "title" },
      ],
    })(noExternalId);
    expect(update).toEqual({ profile: { displayName: "Sales", externalId: null, attributes: {} }, membership: [] });
  });

  it("displayName set to null is an invalid value, a bad member a refusal before any write", () => {
    expect(() => apply([{ op: "replace", path: "displayName", value: null }])).toThrow(
      expect.objectContaining({ status: 400, scimType: "invalidValue" }),
    );
    expect(() => groupPatch({ Operations: [{ op: "add", path: "members", value: [5] }] })).toThrow(
      expect.objectContaining({ status: 400, scimType: "invalidValue" }),
    );
  });
});

describe("normalizeGroup", () => {
  it("takes displayName, externalId and members in any case; absent members stay undefined", () => {
    expect(normalizeGroup({ DisplayName: "G", externalid: "e", Members: [{ value: "u1" }, "u2"], schemas: ["x"] })).toEqual({
      profile: { displayName: "G", externalId: "e", attributes: {} },
      members: ["u1", "u2"],
    });
    expect(normalizeGroup({ displayName: "G" }).members).toBeUndefined();
    expect(normalizeGroup({ displayName: "G", members: null }).members).toBeUndefined();
    expect(() => normalizeGroup({ members: [] })).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => normalizeGroup({ displayName: "G", externalId: 5 })).toThrow(expect.objectContaining({ status: 400 }));
  });
});
