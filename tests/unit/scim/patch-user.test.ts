import { describe, expect, it } from "vitest";
import { ScimError } from "@/lib/scim/errors";
import { applyPatch } from "@/lib/scim/patch/apply-patch";
import { normalizeOperations } from "@/lib/scim/patch/normalize-operations";
import { USER_PATCH } from "@/lib/scim/patch/patch-resources";
import { normalizeUser, type UserInput } from "@/lib/scim/user-input";

const ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

// The stored resource as PATCH sees it (patchableUser): columns plus scimAttributes.
function stored(): Record<string, unknown> {
  return {
    userName: "ada@contoso.com",
    externalId: "ada",
    active: true,
    name: { givenName: "Ada", familyName: "Lovelace", formatted: "Ada Lovelace" },
    emails: [{ value: "ada@contoso.com", type: "work", primary: true }],
  };
}

function patch(resource: Record<string, unknown>, Operations: unknown[]): UserInput {
  return normalizeUser(applyPatch(resource, normalizeOperations({ schemas: [PATCH_OP], Operations }, USER_PATCH)));
}

function rejected(resource: Record<string, unknown>, Operations: unknown[]): ScimError {
  try {
    patch(resource, Operations);
  } catch (err) {
    expect(err).toBeInstanceOf(ScimError);
    return err as ScimError;
  }
  throw new Error("expected the PATCH to be rejected");
}

describe("Entra ID request styles (IDP-REQUESTS.md)", () => {
  it("default: capitalised ops, one attribute each, string booleans", () => {
    const out = patch(stored(), [
      { op: "Replace", path: 'emails[type eq "work"].value', value: "updatedEmail@contoso.com" },
      { op: "Replace", path: "name.familyName", value: "updatedFamilyName" },
      { op: "Replace", path: "active", value: "False" },
      { op: "Add", path: `${ENT}:department`, value: "Retail" },
    ]);
    expect(out.active).toBe(false);
    expect(out.attributes.emails).toEqual([{ value: "updatedEmail@contoso.com", type: "work", primary: true }]);
    expect(out.attributes.name).toEqual({ givenName: "Ada", familyName: "updatedFamilyName", formatted: "Ada Lovelace" });
    expect(out.attributes[ENT]).toEqual({ department: "Retail" });
  });

  it("aadOptscim062020: lower-case ops, path-less op with dotted and URN keys, real booleans", () => {
    const out = patch(stored(), [
      { op: "replace", path: 'emails[type eq "work"].value', value: "Test@contoso.com" },
      {
        op: "replace",
        value: { displayName: "Bjfe", "name.givenName": "Kkom", "name.familyName": "Unua", [`${ENT}:employeeNumber`]: "Aklq" },
      },
      { op: "replace", path: "active", value: false },
    ]);
    expect(out.active).toBe(false);
    expect(out.attributes.displayName).toBe("Bjfe");
    expect(out.attributes.name).toEqual({ givenName: "Kkom", familyName: "Unua", formatted: "Ada Lovelace" });
    expect(out.attributes[ENT]).toEqual({ employeeNumber: "Aklq" });
    expect((out.attributes.emails as { value: string }[])[0]!.value).toBe("Test@contoso.com");
  });

  it.each(["Add", "Replace", "add", "replace", "REPLACE"])("%s on a filtered path with no match creates the element", (op) => {
    const out = patch(stored(), [{ op, path: 'phoneNumbers[type eq "mobile"].value', value: "+33 6 00 00 00 00" }]);
    expect(out.attributes.phoneNumbers).toEqual([{ type: "mobile", value: "+33 6 00 00 00 00" }]);
    const again = patch({ ...stored(), phoneNumbers: [{ type: "work", value: "1" }] }, [
      { op, path: 'phoneNumbers[type eq "mobile"].value', value: "2" },
    ]);
    expect(again.attributes.phoneNumbers).toEqual([
      { type: "work", value: "1" },
      { type: "mobile", value: "2" },
    ]);
  });

  it("creates a work email when the user has none, and marks it primary", () => {
    const { emails: _emails, ...noEmails } = stored();
    const out = patch(noEmails, [{ op: "Replace", path: 'emails[type eq "work"].value', value: "new@contoso.com" }]);
    expect(out.attributes.emails).toEqual([{ type: "work", value: "new@contoso.com", primary: true }]);
  });

  it("a filtered path without sub-attribute creates the element from the filter and the value", () => {
    const out = patch(stored(), [{ op: "add", path: 'addresses[type eq "work"]', value: { locality: "Paris", country: "FR" } }]);
    expect(out.attributes.addresses).toEqual([{ locality: "Paris", country: "FR", type: "work" }]);
  });

  it("Okta's OIN deactivation and reactivation", () => {
    expect(patch(stored(), [{ op: "replace", value: { active: false } }]).active).toBe(false);
    expect(patch({ ...stored(), active: false }, [{ op: "replace", value: { active: "True" } }]).active).toBe(true);
  });
});

describe("manager in every form Entra sends", () => {
  it.each([
    ["a plain id", "m-1"],
    ["{ value }", { value: "m-1" }],
    ["[{ value, $ref }]", [{ value: "m-1", $ref: "https://x/Users/m-1" }]],
    ["{ value, displayName }", { value: "m-1", displayName: "Boss" }],
  ])("%s", (_label, value) => {
    const out = patch(stored(), [{ op: "Add", path: `${ENT}:manager`, value }]);
    expect(out.attributes[ENT]).toEqual({ manager: { value: "m-1" } });
  });

  it("in a path-less op under the extension URN", () => {
    const out = patch(stored(), [{ op: "add", value: { [ENT]: { manager: "m-2", department: "R&D" } } }]);
    expect(out.attributes[ENT]).toEqual({ manager: { value: "m-2" }, department: "R&D" });
  });

  it("null or an empty value removes it, remove with a value is fine", () => {
    const withManager = { ...stored(), [ENT]: { manager: { value: "m-1" }, department: "R" } };
    expect(patch(withManager, [{ op: "Replace", path: `${ENT}:manager`, value: null }]).attributes[ENT]).toEqual({ department: "R" });
    expect(patch(withManager, [{ op: "Replace", path: `${ENT}:manager`, value: { value: "" } }]).attributes[ENT]).toEqual({
      department: "R",
    });
    expect(patch(withManager, [{ op: "Remove", path: `${ENT}:manager`, value: [{ value: "m-1" }] }]).attributes[ENT]).toEqual({
      department: "R",
    });
  });
});

describe("RFC 7644 semantics", () => {
  it("path-less replace of a complex attribute keeps unspecified sub-attributes", () => {
    const out = patch(stored(), [{ op: "replace", value: { name: { givenName: "Augusta" } } }]);
    expect(out.attributes.name).toEqual({ givenName: "Augusta", familyName: "Lovelace", formatted: "Ada Lovelace" });
  });

  it("attribute names in paths are case-insensitive and may carry the core URN", () => {
    const out = patch(stored(), [
      { op: "replace", path: "Name.GivenName", value: "A" },
      { op: "replace", path: "urn:ietf:params:scim:schemas:core:2.0:User:displayName", value: "D" },
      { op: "replace", path: "EXTERNALID", value: "ext-2" },
      { op: "replace", path: "userName", value: "ada.l@contoso.com" },
    ]);
    expect(out.attributes.name).toMatchObject({ givenName: "A" });
    expect(out.attributes.displayName).toBe("D");
    expect(out.externalId).toBe("ext-2");
    expect(out.userName).toBe("ada.l@contoso.com");
  });

  it("add to a multi-valued attribute appends; replace of it replaces the whole list", () => {
    const added = patch(stored(), [{ op: "add", path: "emails", value: [{ value: "home@x.com", type: "home" }] }]);
    expect(added.attributes.emails).toHaveLength(2);
    const replaced = patch(stored(), [{ op: "replace", path: "emails", value: { value: "only@x.com", type: "work" } }]);
    expect(replaced.attributes.emails).toEqual([{ value: "only@x.com", type: "work", primary: true }]);
  });

  it("remove deletes the target", () => {
    const out = patch(
      {
        ...stored(),
        title: "Countess",
        phoneNumbers: [
          { type: "work", value: "1" },
          { type: "fax", value: "2" },
        ],
      },
      [
        { op: "remove", path: "title" },
        { op: "remove", path: 'phoneNumbers[type eq "fax"]' },
        { op: "Remove", path: "name.formatted" },
      ],
    );
    expect(out.attributes.title).toBeUndefined();
    expect(out.attributes.phoneNumbers).toEqual([{ type: "work", value: "1" }]);
    expect(out.attributes.name).toEqual({ givenName: "Ada", familyName: "Lovelace" });
  });

  it("remove by value on a multi-valued attribute removes those values", () => {
    const out = patch({ ...stored(), emails: [{ value: "a@x.com" }, { value: "b@x.com", primary: true }] }, [
      { op: "remove", path: "emails", value: [{ value: "a@x.com" }] },
    ]);
    expect(out.attributes.emails).toEqual([{ value: "b@x.com", primary: true }]);
  });

  it("read-only and unknown attributes are ignored", () => {
    const out = patch(stored(), [
      { op: "replace", path: "id", value: "other" },
      { op: "replace", path: "meta.created", value: "2020" },
      { op: "add", path: "groups", value: [{ value: "g" }] },
      { op: "replace", value: { favouriteColour: "blue", "urn:example:custom:1.0:User:x": 1 } },
    ]);
    expect(out).toEqual(normalizeUser(stored()));
  });

  it("does not modify the resource it was given (atomic: nothing half-applied)", () => {
    const resource = stored();
    const before = structuredClone(resource);
    rejected(resource, [
      { op: "replace", path: "name.givenName", value: "Changed" },
      { op: "remove", path: 'emails[type eq "home"]' },
    ]);
    expect(resource).toEqual(before);
  });
});

describe("rejections", () => {
  it.each([
    ["remove without path", [{ op: "remove" }], "noTarget"],
    ["remove with empty path", [{ op: "Remove", path: " " }], "noTarget"],
    ["remove of an absent attribute", [{ op: "remove", path: "title" }], "noTarget"],
    ["remove of an unknown attribute", [{ op: "remove", path: "favouriteColour" }], "noTarget"],
    ["remove with a filter matching nothing", [{ op: "remove", path: 'emails[type eq "home"]' }], "noTarget"],
    ["remove of a sub-attribute of nothing", [{ op: "remove", path: 'emails[type eq "home"].value' }], "noTarget"],
    ["unknown op", [{ op: "move", path: "title", value: "x" }], "invalidSyntax"],
    ["add without value", [{ op: "add", path: "title" }], "invalidValue"],
    ["path-less add of a non-object", [{ op: "add", value: "x" }], "invalidValue"],
    ["malformed path", [{ op: "replace", path: "emails[type eq", value: "x" }], "invalidPath"],
    ["filter on a single-valued attribute", [{ op: "replace", path: 'title[value eq "x"]', value: "x" }], "invalidPath"],
    ["active that is not a boolean", [{ op: "replace", path: "active", value: "maybe" }], "invalidValue"],
    ["removing userName", [{ op: "remove", path: "userName" }], "invalidValue"],
  ])("%s → 400 %s", (_label, ops, scimType) => {
    const err = rejected(stored(), ops);
    expect(err.status).toBe(400);
    expect(err.scimType).toBe(scimType);
  });

  it.each([
    ["not an object", []],
    ["no Operations", { schemas: [PATCH_OP] }],
    ["empty Operations", { schemas: [PATCH_OP], Operations: [] }],
    ["Operations not a list", { Operations: { op: "add" } }],
  ])("body %s → 400 invalidSyntax", (_label, body) => {
    expect(() => normalizeOperations(body, USER_PATCH)).toThrowError(
      expect.objectContaining({ status: 400, scimType: "invalidSyntax" }) as Error,
    );
  });

  it("accepts a body without schemas and with lower-case 'operations'", () => {
    expect(normalizeOperations({ operations: [{ op: "replace", path: "title", value: "x" }] }, USER_PATCH)).toHaveLength(1);
  });
});
