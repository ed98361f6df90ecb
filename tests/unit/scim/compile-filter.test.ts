// The one SCIM filter compiler, for Users and Groups: what the database answers for each filter
// (a real SQLite database, the stores' own statements: filter-fixture.ts), the SQL it writes
// (values only as parameters, the same for both databases), and what it refuses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { render } from "@/lib/db/sql-statement";
import { toStatement } from "@/lib/db/sql-fragment";
import { GROUP_FILTER } from "@/lib/groups/store/filter-table";
import { MEMBER_FILTER } from "@/lib/members/store/filter-table";
import { scimMemberFilter } from "@/lib/members/store/statements";
import { compileFilter } from "@/lib/scim/filter/compile-filter";
import { parseFilter } from "@/lib/scim/filter/parse-filter";
import { ScimError } from "@/lib/scim/errors";
import { FilterFixture, OTHER_ORG, type Person, type Team } from "./filter-fixture";

const CORE = "urn:ietf:params:scim:schemas:core:2.0:User";

const people: Person[] = [
  {
    userName: "Ada_Lovelace@Contoso.com",
    externalId: "EXT-1",
    given: "Ada",
    family: "Lovelace",
    displayName: "Ada",
    emails: [
      { value: "ada@contoso.com", type: "work", primary: true },
      { value: "ada@home.example", type: "home" },
    ],
  },
  {
    userName: "adaXlovelace@contoso.com",
    externalId: "ext-2",
    given: "Ada",
    family: "Byron",
    emails: [{ value: "byron@contoso.com", type: "home" }],
    locked: true,
  },
  { userName: "grace.hopper@contoso.com", given: "Grace", family: "Hopper", emails: [{ value: "grace@navy.example", type: "Work" }] },
  { userName: "alan%turing@contoso.com", externalId: "ext-3", given: "Alan", family: "Turing" },
  { userName: "back\\slash@contoso.com", externalId: "a\\b" },
  { userName: "ÉMILE.Zola@contoso.com", given: "Émile", displayName: "Émile Zola", emails: [{ value: "Émile@Contoso.com", type: "work" }] },
  { userName: "_lead@contoso.com", externalId: "" },
  { userName: "unmanaged@contoso.com", managed: false },
  { userName: "ada_lovelace@contoso.com", org: OTHER_ORG },
];
const ALL = [
  "Ada_Lovelace@Contoso.com",
  "adaXlovelace@contoso.com",
  "grace.hopper@contoso.com",
  "alan%turing@contoso.com",
  "back\\slash@contoso.com",
  "ÉMILE.Zola@contoso.com",
  "_lead@contoso.com",
];
const without = (...names: string[]) => ALL.filter((n) => !names.includes(n));

const teams: Team[] = [
  { displayName: "Cloud Admins", externalId: "ext-1", members: ["Ada_Lovelace@Contoso.com", "adaXlovelace@contoso.com"] },
  { displayName: "50%_off", externalId: "EXT-2", members: ["grace.hopper@contoso.com"] },
  { displayName: "Émigrés", members: [] },
  { displayName: "Cloud Admins", org: OTHER_ORG, members: [] },
];

let fx: FilterFixture;
beforeAll(async () => {
  fx = await FilterFixture.open(people, teams);
});
afterAll(() => fx?.close());

const users = async (filter: string) => (await fx.users(filter)).names;

describe("Users: attributes and operators, answered by the database", () => {
  it.each<[string, string[]]>([
    ['userName eq "ada_lovelace@contoso.com"', ["Ada_Lovelace@Contoso.com"]],
    [`${CORE}:userName eq "GRACE.HOPPER@contoso.com"`, ["grace.hopper@contoso.com"]],
    ['UserName Eq "grace.hopper@contoso.com"', ["grace.hopper@contoso.com"]],
    ['userName ne "grace.hopper@contoso.com"', without("grace.hopper@contoso.com")],
    ['userName ew "@CONTOSO.com"', ALL],
    ['userName gt "alan"', ["grace.hopper@contoso.com", "alan%turing@contoso.com", "back\\slash@contoso.com", "ÉMILE.Zola@contoso.com"]],
    ['userName le "ada_lovelace@contoso.com"', ["Ada_Lovelace@Contoso.com", "_lead@contoso.com"]],
    ['externalId eq "EXT-1"', ["Ada_Lovelace@Contoso.com"]],
    ['externalId eq "ext-1"', []], // caseExact
    ["externalId pr", ["Ada_Lovelace@Contoso.com", "adaXlovelace@contoso.com", "alan%turing@contoso.com", "back\\slash@contoso.com"]], // "" is absent
    ["externalId eq null", ["grace.hopper@contoso.com", "ÉMILE.Zola@contoso.com", "_lead@contoso.com"]],
    ["externalId ne null", ["Ada_Lovelace@Contoso.com", "adaXlovelace@contoso.com", "alan%turing@contoso.com", "back\\slash@contoso.com"]],
    ['externalId ne "ext-2"', without("adaXlovelace@contoso.com")], // members without one match the negation
    ['not (externalId eq "ext-2")', without("adaXlovelace@contoso.com")],
    ['name.givenName eq "ADA"', ["Ada_Lovelace@Contoso.com", "adaXlovelace@contoso.com"]],
    ['name.familyName sw "hop"', ["grace.hopper@contoso.com"]],
    ['displayName eq "ada"', ["Ada_Lovelace@Contoso.com"]],
    ['displayName ne "ada"', without("Ada_Lovelace@Contoso.com")],
    ["active eq false", ["adaXlovelace@contoso.com"]],
    ['active eq "True"', without("adaXlovelace@contoso.com")],
    ["active pr", ALL],
    ["not (active pr)", []],
    ['id eq "m2"', ["grace.hopper@contoso.com"]],
    ['meta.created gt "2024-01-05T00:00:00Z"', ["ÉMILE.Zola@contoso.com", "_lead@contoso.com"]],
    ['meta.lastModified le "2024-01-02T00:00:00.000Z"', ["Ada_Lovelace@Contoso.com", "adaXlovelace@contoso.com"]],
    ['meta.created eq "2024-01-03T00:00:00Z"', ["grace.hopper@contoso.com"]],
    ['meta.created lt "2000-01-01T00:00:00Z"', []],
  ])("%s", async (filter, expected) => {
    expect(await users(filter)).toEqual(expected);
  });
});

describe("Users: logic", () => {
  it.each<[string, string[]]>([
    ['userName eq "ada_lovelace@contoso.com" or userName eq "alan%turing@contoso.com" and active eq false', ["Ada_Lovelace@Contoso.com"]],
    ['(name.givenName eq "ada" or name.givenName eq "alan") and active eq true', ["Ada_Lovelace@Contoso.com", "alan%turing@contoso.com"]],
    ['not (name.givenName eq "ada" or active eq false)', without("Ada_Lovelace@Contoso.com", "adaXlovelace@contoso.com")],
    ['not (not (name.givenName eq "ada"))', ["Ada_Lovelace@Contoso.com", "adaXlovelace@contoso.com"]],
    ['not (externalId pr and name.givenName eq "ada")', without("Ada_Lovelace@Contoso.com", "adaXlovelace@contoso.com")],
  ])("%s", async (filter, expected) => {
    expect(await users(filter)).toEqual(expected);
  });
});

describe("Users: emails and value paths", () => {
  it.each<[string, string[]]>([
    ['emails.value eq "ADA@home.example"', ["Ada_Lovelace@Contoso.com"]],
    ['emails co "@contoso.com"', ["Ada_Lovelace@Contoso.com", "adaXlovelace@contoso.com", "ÉMILE.Zola@contoso.com"]],
    ['not (emails.value eq "ada@contoso.com")', without("Ada_Lovelace@Contoso.com")],
    ['emails[type eq "work"].value eq "ada@contoso.com"', ["Ada_Lovelace@Contoso.com"]],
    ['emails[type eq "work"].value eq "byron@contoso.com"', []], // one and the same email: Byron's is a home one
    ['emails[Type eq "WORK" and primary eq true]', ["Ada_Lovelace@Contoso.com"]],
    ['emails[type eq "work" and value ew "navy.example"]', ["grace.hopper@contoso.com"]],
    ['emails[emails.type eq "home"]', ["Ada_Lovelace@Contoso.com", "adaXlovelace@contoso.com"]],
    ['emails[not (type eq "work")]', ["Ada_Lovelace@Contoso.com", "adaXlovelace@contoso.com"]],
    [
      'not (emails[type eq "work"])',
      ["adaXlovelace@contoso.com", "alan%turing@contoso.com", "back\\slash@contoso.com", "_lead@contoso.com"],
    ],
    ["emails pr", ["Ada_Lovelace@Contoso.com", "adaXlovelace@contoso.com", "grace.hopper@contoso.com", "ÉMILE.Zola@contoso.com"]],
    ['userName sw "ada" and emails[type eq "home"].value co "contoso"', ["adaXlovelace@contoso.com"]],
  ])("%s", async (filter, expected) => {
    expect(await users(filter)).toEqual(expected);
  });
});

describe("co, sw, ew: literal on every character, case as the attribute says", () => {
  it.each<[string, string[]]>([
    ['userName co "%"', ["alan%turing@contoso.com"]],
    ['userName sw "%"', []],
    ['userName sw "_"', ["_lead@contoso.com"]],
    ['userName co "_"', ["Ada_Lovelace@Contoso.com", "_lead@contoso.com"]],
    ['userName sw "ada_"', ["Ada_Lovelace@Contoso.com"]], // not adaXlovelace
    [String.raw`userName co "k\s"`, ["back\\slash@contoso.com"]], // the escape character itself
    [String.raw`userName sw "back\slash@"`, ["back\\slash@contoso.com"]],
    [String.raw`externalId eq "a\b"`, ["back\\slash@contoso.com"]],
    [String.raw`externalId ew "\b"`, ["back\\slash@contoso.com"]],
    ['externalId co "%"', []],
    // Case-insensitive attributes, beyond ASCII (SQLite's LIKE folds ASCII only).
    ['userName sw "émile"', ["ÉMILE.Zola@contoso.com"]],
    ['userName co "ÉMILE.ZOLA"', ["ÉMILE.Zola@contoso.com"]],
    ['name.givenName eq "ÉMILE"', ["ÉMILE.Zola@contoso.com"]],
    ['displayName ew "ÉMILE ZOLA"', ["ÉMILE.Zola@contoso.com"]],
    ['emails.value sw "émile@"', ["ÉMILE.Zola@contoso.com"]],
    // Case-exact attributes stay case-exact on SQLite too.
    ['externalId co "EXT"', ["Ada_Lovelace@Contoso.com"]],
    ['externalId sw "ext"', ["adaXlovelace@contoso.com", "alan%turing@contoso.com"]],
    ['externalId ew "T-1"', ["Ada_Lovelace@Contoso.com"]],
    ['externalId ew "t-1"', []],
    [
      'externalId co ""',
      ["Ada_Lovelace@Contoso.com", "adaXlovelace@contoso.com", "alan%turing@contoso.com", "back\\slash@contoso.com", "_lead@contoso.com"],
    ],
    // Strings order by code point: "é" after "z".
    ['userName gt "z"', ["ÉMILE.Zola@contoso.com"]],
  ])("%s", async (filter, expected) => {
    expect(await users(filter)).toEqual(expected);
  });
});

describe("Users: scope, paging and order", () => {
  it("never answers another organization's members or unmanaged ones", async () => {
    expect(await users('userName co "lovelace"')).toEqual(["Ada_Lovelace@Contoso.com", "adaXlovelace@contoso.com"]);
    expect(await users('userName eq "unmanaged@contoso.com"')).toEqual([]);
  });

  it("counts every match and pages in (createdAt, id) order", async () => {
    expect(await fx.users('userName ew "contoso.com"', 2, 3)).toEqual({ total: 7, names: ALL.slice(2, 5) });
    expect(await fx.users('userName ew "contoso.com"', 7, 3)).toEqual({ total: 7, names: [] });
  });
});

describe("Groups", () => {
  it.each<[string, string[]]>([
    ['displayName eq "cloud admins"', ["Cloud Admins"]],
    ['displayName co "%"', ["50%_off"]],
    ['displayName sw "50%_"', ["50%_off"]],
    ['displayName co "_"', ["50%_off"]],
    ['displayName sw "ÉMI"', ["Émigrés"]],
    ['externalId co "ext"', ["Cloud Admins"]], // caseExact
    ['externalId ne "ext-1"', ["50%_off", "Émigrés"]],
    ['not (externalId eq "ext-1")', ["50%_off", "Émigrés"]],
    ["members pr", ["Cloud Admins", "50%_off"]],
    ['not (members pr) and displayName sw "é"', ["Émigrés"]],
    ['meta.created ge "2024-01-02T00:00:00Z"', ["50%_off", "Émigrés"]],
  ])("%s", async (filter, expected) => {
    expect(await fx.groups(filter)).toEqual(expected);
  });

  it("members.value and members[value eq] test the member ids", async () => {
    const ada = fx.id("Ada_Lovelace@Contoso.com");
    expect(await fx.groups(`members[value eq "${ada}"]`)).toEqual(["Cloud Admins"]);
    expect(await fx.groups(`members.value eq "${fx.id("grace.hopper@contoso.com")}"`)).toEqual(["50%_off"]);
    expect(await fx.groups(`members eq "${ada}" or members[value eq "nobody"]`)).toEqual(["Cloud Admins"]);
  });
});

describe("the SQL written", () => {
  const compiled = (filter: string) => {
    const { page, values } = scimMemberFilter(compileFilter(parseFilter(filter), MEMBER_FILTER));
    return { postgres: render(page, "postgres").text, sqlite: render(page, "sqlite").text, values };
  };

  it("keeps every value out of the text, and escapes LIKE in one way on both databases", () => {
    const { postgres, sqlite, values } = compiled(`displayName eq "x' OR 1=1 --" or externalId co "50%_off"`);
    expect(postgres).not.toContain("OR 1=1");
    expect(postgres).toContain(`m."scimDisplayNameLower" = $2`);
    expect(postgres).toContain(`m."externalId" LIKE $3 ESCAPE '\\' AND strpos(m."externalId", $4) > 0`);
    expect(sqlite).toContain(`m."externalId" LIKE ? ESCAPE '\\' AND instr(m."externalId", ?) > 0`);
    expect(values).toEqual({ b0: "x' or 1=1 --", b1: "%50\\%\\_off%", b2: "50%_off" });
  });

  it("has one text per filter shape, whatever the values", () => {
    const text = (f: string) => toStatement("x", compileFilter(parseFilter(f), GROUP_FILTER)).statement.strings.join("?");
    expect(text('displayName co "a"')).toBe(text('displayName co "b%"'));
    expect(text('displayName co "a"')).not.toBe(text('externalId co "a"'));
  });

  it("negates a nullable column so that rows without it match, and orders strings by code point on PostgreSQL", () => {
    expect(compiled('externalId ne "a"').postgres).toContain(`NOT ((m."externalId" IS NOT NULL AND m."externalId" = $2))`);
    expect(compiled('userName gt "a"').postgres).toContain(`m."userNameLower" COLLATE "C" > $2`);
    expect(compiled('userName gt "a"').sqlite).toContain(`m."userNameLower" > ?`);
  });
});

describe("unsupported is 400 invalidFilter", () => {
  const refusal = (filter: string, table = MEMBER_FILTER): ScimError => {
    try {
      compileFilter(parseFilter(filter), table);
    } catch (err) {
      expect(err).toBeInstanceOf(ScimError);
      return err as ScimError;
    }
    throw new Error(`expected '${filter}' to be refused`);
  };

  it.each([
    "title pr",
    "name pr",
    'addresses[type eq "work"].locality eq "Paris"',
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq "x"',
    'userName eq "a" and',
    "userName eq",
    'userName xx "a"',
    "active gt true",
    'active eq "maybe"',
    'meta.created co "2020"',
    'meta.created gt "yesterday"',
    "meta.created gt 5",
    "userName eq true",
    'emails[display eq "x"]',
    'emails.display eq "x"',
    'emails[type eq "work"].display eq "x"',
    'emails[value[type eq "x"]]',
    "userName gt null",
    'constructor eq "x"',
    '__proto__ eq "x"',
    'emails.__proto__ eq "x"',
    "x".repeat(5000),
  ])("Users: %s", (filter) => {
    const err = refusal(filter);
    expect(err.status).toBe(400);
    expect(err.scimType).toBe("invalidFilter");
  });

  it.each([
    'title eq "x"',
    'members.display eq "x"',
    'members[display eq "x"]',
    "emails pr",
    'meta.created co "2020"',
    'meta.created gt "yesterday"',
  ])("Groups: %s", (filter) => {
    expect(refusal(filter, GROUP_FILTER)).toMatchObject({ status: 400, scimType: "invalidFilter" });
  });

  it("a filter nested past the limit, naming it", () => {
    const deep = `${"not (".repeat(80)}userName eq "x"${")".repeat(80)}`;
    expect(refusal(deep).detail).toBe("Limit exceeded: the filter is nested too deeply (at most 64 levels).");
    expect(refusal(deep, GROUP_FILTER).scimType).toBe("invalidFilter");
    expect(() => compileFilter(parseFilter(`${"not (".repeat(60)}userName eq "x"${")".repeat(60)}`), MEMBER_FILTER)).not.toThrow();
  });

  it("the detail names the attribute or the rule", () => {
    expect(refusal("title pr").detail).toBe("Filtering on 'title' is not supported.");
    expect(refusal('meta.created gt "+275760-09-13T00:00:00Z"').detail).toContain("9999-12-31T23:59:59.999Z");
    expect(refusal('emails[value[type eq "x"]]').detail).toBe("Nested value paths are not supported.");
  });
});

describe("Microsoft's test-tool forms", () => {
  it("reads unquoted values as strings, keeping literals and numbers", () => {
    expect(parseFilter("userName sw O")).toEqual({ op: "sw", attrPath: "userName", compValue: "O" });
    expect(parseFilter("meta.created gt 2015-10-10T14:38:21.8617979-07:00")).toEqual({
      op: "gt",
      attrPath: "meta.created",
      compValue: "2015-10-10T14:38:21.8617979-07:00",
    });
    expect(parseFilter("active eq true")).toEqual({ op: "eq", attrPath: "active", compValue: true });
    expect(parseFilter('name.familyName eq Employee and userName eq "a b"')).toEqual({
      op: "and",
      filters: [
        { op: "eq", attrPath: "name.familyName", compValue: "Employee" },
        { op: "eq", attrPath: "userName", compValue: "a b" },
      ],
    });
  });
});
