import { describe, expect, it } from "vitest";
import { emailRows, scimColumns as memberColumns } from "@/lib/members/store/scim-profile";
import type { MemberRow } from "@/lib/members/store/columns";
import { normalizeUser } from "@/lib/scim/user-input";
import { patchableUser, toScimUser } from "@/lib/scim/user-resource";

const CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const BASE = "https://app.example/scim/v2/org1";

/** What the database would hold after writing this body (no database needed). */
function rowFor(body: unknown, extra: Partial<MemberRow> = {}): MemberRow {
  const input = normalizeUser(body);
  const cols = memberColumns(input);
  return {
    id: "m-1",
    organizationId: "org1",
    role: "member",
    userName: cols.userName,
    externalId: cols.externalId,
    email: cols.email,
    givenName: cols.givenName,
    familyName: cols.familyName,
    displayName: cols.displayName,
    locked: input.active === false,
    scimManaged: true,
    scimAttributes: cols.scimAttributes,
    version: 3,
    createdAt: new Date("2024-01-01T00:00:00Z"),
    updatedAt: new Date("2024-02-01T00:00:00Z"),
    ...extra,
  };
}

const okta = {
  schemas: [CORE],
  userName: "test.user@okta.local",
  name: { givenName: "Test", familyName: "User" },
  emails: [{ primary: true, value: "test.user@okta.local", type: "work" }],
  displayName: "Test User",
  locale: "en-US",
  externalId: "00ujl29u0le5T6Aj10h7",
  groups: [],
  password: "1mz050nq",
  active: true,
};

const full = {
  schemas: [CORE, ENT],
  userName: "Ada@Contoso.com",
  externalId: "ada",
  name: { formatted: "Ada King Lovelace", givenName: "Ada", familyName: "Lovelace", middleName: "King" },
  displayName: "Countess of Lovelace",
  title: "Analyst",
  preferredLanguage: "en-GB",
  emails: [
    { value: "ada@contoso.com", type: "work", primary: true },
    { value: "ada@home.example", type: "home" },
  ],
  phoneNumbers: [
    { value: "+44 1", type: "work" },
    { value: "+44 2", type: "mobile" },
  ],
  addresses: [
    { type: "work", streetAddress: "1 Main St", locality: "London", region: "LDN", postalCode: "N1", country: "GB", primary: true },
  ],
  active: true,
  [ENT]: {
    employeeNumber: "42",
    department: "Analytics",
    costCenter: "CC1",
    organization: "Contoso",
    division: "R&D",
    manager: { value: "m-2" },
  },
};

describe("Member ↔ SCIM User", () => {
  it("round-trips a full resource exactly as sent, plus id, active and meta", () => {
    const out = toScimUser(rowFor(full), { baseUrl: BASE, managers: new Map([["m-2", "Charles Babbage"]]) });
    const { schemas: _s, ...sent } = full;
    expect(out).toEqual({
      ...sent,
      schemas: [CORE, ENT],
      id: "m-1",
      [ENT]: { ...full[ENT], manager: { value: "m-2", $ref: `${BASE}/Users/m-2`, displayName: "Charles Babbage" } },
      meta: {
        resourceType: "User",
        created: "2024-01-01T00:00:00.000Z",
        lastModified: "2024-02-01T00:00:00.000Z",
        location: `${BASE}/Users/m-1`,
        version: 'W/"3"',
      },
    });
  });

  it("Okta's POST: password and groups are neither stored nor returned", () => {
    const row = rowFor(okta);
    expect(row.scimAttributes).not.toContain("1mz050nq");
    const out = toScimUser(row, { baseUrl: BASE });
    expect(out).not.toHaveProperty("password");
    expect(out).not.toHaveProperty("groups");
    expect(out).toMatchObject({
      userName: okta.userName,
      name: okta.name,
      emails: okta.emails,
      displayName: "Test User",
      locale: "en-US",
      active: true,
      externalId: okta.externalId,
    });
  });

  it("Entra's POST: nulls, empty lists and odd schema URNs are ignored", () => {
    const input = normalizeUser({
      schemas: [CORE, ENT, "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User"],
      externalId: "0a21f0f2",
      userName: "Test_User@contoso.com",
      active: true,
      emails: [{ primary: true, type: "work", value: "t@testuser.com" }],
      meta: { resourceType: "User" },
      name: { formatted: "givenName familyName", familyName: "familyName", givenName: "givenName", middleName: null },
      roles: [],
      title: null,
      "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User": { x: 1 },
    });
    expect(input.attributes).toEqual({
      name: { formatted: "givenName familyName", familyName: "familyName", givenName: "givenName" },
      emails: [{ primary: true, type: "work", value: "t@testuser.com" }],
    });
  });

  it("GET then PUT (Okta) stores the same thing again: no re-PATCH loop, no drift", () => {
    const row = rowFor(full);
    const read = toScimUser(row, { baseUrl: BASE, managers: new Map([["m-2", "Boss"]]) });
    const again = normalizeUser({ ...read, groups: [] });
    expect(again).toEqual(normalizeUser(full));
    expect(normalizeUser(patchableUser(row))).toEqual(normalizeUser(full));
  });

  it("columns: display name is given + family, email is the primary one, emails are derived rows", () => {
    const cols = memberColumns(normalizeUser(full));
    expect(cols).toMatchObject({
      userName: "Ada@Contoso.com",
      userNameLower: "ada@contoso.com",
      email: "ada@contoso.com",
      emailLower: "ada@contoso.com",
      givenName: "Ada",
      givenNameLower: "ada",
      familyName: "Lovelace",
      familyNameLower: "lovelace",
      displayName: "Ada Lovelace",
      displayNameLower: "ada lovelace",
      externalId: "ada",
    });
    expect(emailRows(normalizeUser(full))).toEqual([
      { value: "ada@contoso.com", valueLower: "ada@contoso.com", type: "work", primary: true },
      { value: "ada@home.example", valueLower: "ada@home.example", type: "home", primary: false },
    ]);
    // Without both names, the IdP's displayName (or the one name we have) is used.
    expect(memberColumns(normalizeUser({ userName: "x", displayName: "Xavier" })).displayName).toBe("Xavier");
    expect(memberColumns(normalizeUser({ userName: "x", name: { givenName: "Xa" } })).displayName).toBe("Xa");
    expect(memberColumns(normalizeUser({ userName: "x" })).displayName).toBeNull();
  });

  it("a locked member is active: false; the resource omits what was never sent", () => {
    const out = toScimUser(rowFor({ userName: "bare" }, { locked: true }), { baseUrl: BASE });
    expect(out).toEqual({
      schemas: [CORE],
      id: "m-1",
      userName: "bare",
      active: false,
      meta: expect.objectContaining({ resourceType: "User" }) as unknown,
    });
  });

  it("an adopted member without stored attributes shows what the console knows", () => {
    const row = rowFor(
      { userName: "pre@x.com" },
      { scimAttributes: null, givenName: "Pre", familyName: "Existing", displayName: "Pre Existing", email: "pre@x.com" },
    );
    expect(toScimUser(row, { baseUrl: BASE })).toMatchObject({
      name: { givenName: "Pre", familyName: "Existing" },
      displayName: "Pre Existing",
      emails: [{ value: "pre@x.com", primary: true }],
    });
  });
});

describe("normalizeUser", () => {
  it.each([
    ["no userName", { name: { givenName: "x" } }],
    ["empty userName", { userName: "  " }],
    ["userName not a string", { userName: 42 }],
    ["active not a boolean", { userName: "a", active: "yes" }],
    ["emails not objects", { userName: "a", emails: [true] }],
  ])("%s → 400 invalidValue", (_label, body) => {
    expect(() => normalizeUser(body)).toThrowError(expect.objectContaining({ status: 400, scimType: "invalidValue" }) as Error);
  });

  it.each([
    ["a list", []],
    ["a string", "x"],
    ["null", null],
  ])("a body that is %s → 400 invalidSyntax", (_label, body) => {
    expect(() => normalizeUser(body)).toThrowError(expect.objectContaining({ status: 400, scimType: "invalidSyntax" }) as Error);
  });

  it("accepts case-insensitive names, URN-prefixed, dotted and nested-schema keys, string booleans", () => {
    const input = normalizeUser({
      USERNAME: "u",
      Active: "False",
      [`${CORE}:displayName`]: "D",
      "name.givenName": "G",
      Name: { FamilyName: "F" },
      [`${ENT}:department`]: "Dep",
      [CORE]: { title: "T" },
      Emails: [
        { Value: "a@x", Primary: "true" },
        { value: "b@x", primary: true },
      ],
    });
    expect(input).toEqual({
      userName: "u",
      active: false,
      externalId: undefined,
      attributes: {
        displayName: "D",
        name: { givenName: "G", familyName: "F" },
        title: "T",
        emails: [
          { value: "a@x", primary: true },
          { value: "b@x", primary: false },
        ], // one primary only
        [ENT]: { department: "Dep" },
      },
    });
  });

  it("marks the first email primary when none is", () => {
    expect(normalizeUser({ userName: "u", emails: [{ value: "a@x" }, { value: "b@x" }] }).attributes.emails).toEqual([
      { value: "a@x", primary: true },
      { value: "b@x" },
    ]);
  });
});
