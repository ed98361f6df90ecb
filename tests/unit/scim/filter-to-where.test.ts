import { describe, expect, it } from "vitest";
import { filterToWhere } from "@/lib/scim/filter/filter-to-where";
import { LIKE_MARKER } from "@/lib/members/store/like-marker";
import { ScimError } from "@/lib/scim/errors";

const CORE = "urn:ietf:params:scim:schemas:core:2.0:User";

function invalidFilter(filter: string): ScimError {
  try {
    filterToWhere(filter);
  } catch (err) {
    expect(err).toBeInstanceOf(ScimError);
    return err as ScimError;
  }
  throw new Error(`expected '${filter}' to be rejected`);
}

describe("filterToWhere: attributes and operators", () => {
  it.each([
    ['userName eq "Alice@Example.com"', { userNameLower: "alice@example.com" }],
    ['USERNAME eq "x"', { userNameLower: "x" }],
    [`${CORE}:userName eq "Bob"`, { userNameLower: "bob" }],
    [`urn:ietf:params:scim:schemas:core:2.0:user:USERNAME eq "Bob"`, { userNameLower: "bob" }],
    ['externalId eq "AbC"', { externalId: "AbC" }], // caseExact
    ['id eq "m-1"', { id: "m-1" }],
    ['displayName eq "Ada L"', { scimDisplayNameLower: "ada l" }], // the IdP's displayName, as returned
    ['name.givenName eq "Ada"', { givenNameLower: "ada" }],
    ['name.familyName eq "Lovelace"', { familyNameLower: "lovelace" }],
    ["active eq true", { locked: false }],
    ["active eq false", { locked: true }],
    ['active eq "True"', { locked: false }],
    ['meta.created gt "2024-01-02T03:04:05Z"', { createdAt: { gt: new Date("2024-01-02T03:04:05Z") } }],
    ['meta.lastModified le "2024-01-02T03:04:05Z"', { updatedAt: { lte: new Date("2024-01-02T03:04:05Z") } }],
    ['meta.lastModified eq "2024-01-02T03:04:05Z"', { updatedAt: new Date("2024-01-02T03:04:05Z") }],
  ])("%s", (filter, where) => {
    expect(filterToWhere(filter)).toEqual(where);
  });

  it.each([
    ["co", { contains: "ali" }],
    ["sw", { startsWith: "ali" }],
    ["ew", { endsWith: "ali" }],
    ["gt", { gt: "ali" }],
    ["ge", { gte: "ali" }],
    ["lt", { lt: "ali" }],
    ["le", { lte: "ali" }],
  ])("userName %s lower-cases the value", (op, cond) => {
    expect(filterToWhere(`userName ${op} "ALI"`)).toEqual({ userNameLower: cond });
  });

  it("ne is the negation of eq and keeps members lacking the attribute", () => {
    expect(filterToWhere('userName ne "a"')).toEqual({ NOT: { userNameLower: "a" } });
    expect(filterToWhere('externalId ne "x"')).toEqual({ OR: [{ externalId: null }, { NOT: { externalId: "x" } }] });
  });

  it("pr checks presence (null and empty are absent)", () => {
    expect(filterToWhere("externalId pr")).toEqual({ AND: [{ externalId: { not: null } }, { externalId: { not: "" } }] });
    expect(filterToWhere("userName pr")).toEqual({ userNameLower: { not: "" } });
    expect(filterToWhere("active pr")).toEqual({});
    expect(filterToWhere("emails pr")).toEqual({ emails: { some: { valueLower: { not: "" } } } });
  });

  it("eq null means absent, ne null means present", () => {
    expect(filterToWhere("externalId eq null")).toEqual({ OR: [{ externalId: null }, { NOT: { AND: [{ externalId: { not: null } }, { externalId: { not: "" } }] } }] });
    expect(filterToWhere("externalId ne null")).toEqual({ AND: [{ externalId: { not: null } }, { externalId: { not: "" } }] });
  });
});

describe("filterToWhere: logic", () => {
  it("and / or / precedence", () => {
    expect(filterToWhere('userName eq "a" or userName eq "b" and active eq true')).toEqual({
      OR: [{ userNameLower: "a" }, { AND: [{ userNameLower: "b" }, { locked: false }] }],
    });
    expect(filterToWhere('(userName eq "a" or userName eq "b") and active eq false')).toEqual({
      AND: [{ OR: [{ userNameLower: "a" }, { userNameLower: "b" }] }, { locked: true }],
    });
    expect(filterToWhere('userName eq "a" AND externalId eq "b"')).toEqual({ AND: [{ userNameLower: "a" }, { externalId: "b" }] });
  });

  it("not is pushed down (De Morgan) and double negation cancels", () => {
    expect(filterToWhere('not (userName eq "a" or active eq true)')).toEqual({ AND: [{ NOT: { userNameLower: "a" } }, { NOT: { locked: false } }] });
    expect(filterToWhere('not (not (userName eq "a"))')).toEqual({ userNameLower: "a" });
    expect(filterToWhere("not (active pr)")).toEqual({ id: { in: [] } });
  });
});

describe("filterToWhere: emails and value paths", () => {
  it("emails.value and emails compare any email, case-insensitively", () => {
    expect(filterToWhere('emails.value eq "A@B.com"')).toEqual({ emails: { some: { valueLower: "a@b.com" } } });
    expect(filterToWhere('emails co "@b.com"')).toEqual({ emails: { some: { valueLower: { contains: "@b.com" } } } });
    expect(filterToWhere('not (emails.value eq "a@b.com")')).toEqual({ emails: { none: { valueLower: "a@b.com" } } });
  });

  it('emails[type eq "work"].value eq x concerns one and the same email', () => {
    expect(filterToWhere('emails[type eq "work"].value eq "A@B.com"')).toEqual({
      emails: { some: { AND: [{ type: "work" }, { valueLower: "a@b.com" }] } },
    });
    expect(filterToWhere('emails[Type eq "Work" and primary eq true]')).toEqual({ emails: { some: { AND: [{ type: "work" }, { primary: true }] } } });
    expect(filterToWhere('userName eq "u" and emails[type eq "work"].value co "x"')).toEqual({
      AND: [{ userNameLower: "u" }, { emails: { some: { AND: [{ type: "work" }, { valueLower: { contains: "x" } }] } } }],
    });
  });

  it("negated value paths become `none`", () => {
    expect(filterToWhere('not (emails[type eq "work"])')).toEqual({ emails: { none: { type: "work" } } });
  });
});

describe("filterToWhere: LIKE wildcards are not trusted to the database", () => {
  it.each(["co", "sw", "ew"])("%s with _ or %% leaves a marker", (op) => {
    const where = filterToWhere(`userName ${op} "Test_"`) as Record<string, unknown>;
    expect(where[LIKE_MARKER]).toMatchObject({ on: "member", column: "userNameLower", value: "test_" });
  });
  it("inside emails", () => {
    expect(filterToWhere('emails.value sw "a%"')).toEqual({ emails: { some: { [LIKE_MARKER]: { on: "email", column: "valueLower", op: "startsWith", value: "a%" } } } });
  });
});

describe("filterToWhere: unsupported is 400 invalidFilter", () => {
  it.each([
    "title pr",
    'addresses[type eq "work"].locality eq "Paris"',
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq "x"',
    'userName eq "a" and',
    "userName eq",
    'userName xx "a"',
    "active gt true",
    'active eq "maybe"',
    'meta.created co "2020"',
    'meta.created gt "yesterday"',
    "userName eq true",
    'emails[display eq "x"]',
    'userName gt null',
    "x".repeat(5000),
  ])("%s", (filter) => {
    const err = invalidFilter(filter);
    expect(err.status).toBe(400);
    expect(err.scimType).toBe("invalidFilter");
  });
});
