// Filters run in the database (no member is loaded to be tested in memory); paging,
// projection and discovery documents over real HTTP.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { MAX_RESULTS } from "@/lib/scim/constants";
import { CORE, ENT, scimOrg, type ScimOrg } from "./scim-client";

const people = [
  {
    userName: "Ada_Lovelace@Contoso.com",
    externalId: "EXT-1",
    name: { givenName: "Ada", familyName: "Lovelace" },
    displayName: "Ada",
    emails: [
      { value: "ada@contoso.com", type: "work", primary: true },
      { value: "ada@home.example", type: "home" },
    ],
    active: true,
  },
  {
    userName: "adaXlovelace@contoso.com",
    externalId: "ext-2",
    name: { givenName: "Ada", familyName: "Byron" },
    emails: [{ value: "byron@contoso.com", type: "home" }],
    active: false,
  },
  {
    userName: "grace.hopper@contoso.com",
    name: { givenName: "Grace", familyName: "Hopper" },
    emails: [{ value: "grace@navy.example", type: "work" }],
  },
  { userName: "alan%turing@contoso.com", externalId: "ext-3", name: { givenName: "Alan", familyName: "Turing" } },
];

describe("GET /Users filters", () => {
  let ctx: ScimOrg;
  const ids: Record<string, string> = {};
  let createdAt: Date;

  beforeAll(async () => {
    ctx = await scimOrg();
    for (const p of people) {
      const res = await ctx.scim.post("/Users", p);
      expect(res.status).toBe(201);
      ids[p.userName] = res.body.id as string;
    }
    createdAt = (await db.member.findUniqueOrThrow({ where: { id: ids["grace.hopper@contoso.com"]! } })).createdAt;
  });

  const names = async (filter: string) => {
    const res = await ctx.scim.get(`/Users?filter=${encodeURIComponent(filter)}`);
    expect(res.status, `${filter}: ${res.text}`).toBe(200);
    expect(res.body.itemsPerPage).toBe(res.body.Resources.length);
    return (res.body.Resources as { userName: string }[]).map((r) => r.userName).sort();
  };

  it.each<[string, string[]]>([
    ['userName eq "ada_lovelace@contoso.com"', ["Ada_Lovelace@Contoso.com"]],
    [`${CORE}:userName eq "GRACE.HOPPER@contoso.com"`, ["grace.hopper@contoso.com"]],
    ['UserName Eq "grace.hopper@contoso.com"', ["grace.hopper@contoso.com"]],
    ['userName ne "grace.hopper@contoso.com"', ["Ada_Lovelace@Contoso.com", "adaXlovelace@contoso.com", "alan%turing@contoso.com"]],
    ['userName sw "ada_"', ["Ada_Lovelace@Contoso.com"]], // "_" is not a wildcard
    ['userName co "%"', ["alan%turing@contoso.com"]],
    [
      'userName ew "@CONTOSO.com"',
      ["Ada_Lovelace@Contoso.com", "adaXlovelace@contoso.com", "alan%turing@contoso.com", "grace.hopper@contoso.com"],
    ],
    ['userName gt "alan"', ["alan%turing@contoso.com", "grace.hopper@contoso.com"]],
    ['userName le "ada_lovelace@contoso.com"', ["Ada_Lovelace@Contoso.com"]],
    ['externalId eq "EXT-1"', ["Ada_Lovelace@Contoso.com"]],
    ['externalId eq "ext-1"', []], // externalId is case-exact
    ["externalId pr", ["Ada_Lovelace@Contoso.com", "adaXlovelace@contoso.com", "alan%turing@contoso.com"]],
    ["not (externalId pr)", ["grace.hopper@contoso.com"]],
    ['externalId ne "ext-2"', ["Ada_Lovelace@Contoso.com", "alan%turing@contoso.com", "grace.hopper@contoso.com"]],
    ['name.givenName eq "ADA"', ["Ada_Lovelace@Contoso.com", "adaXlovelace@contoso.com"]],
    ['name.familyName sw "hop"', ["grace.hopper@contoso.com"]],
    // The displayName the resource returns (the IdP's), not "given family": Grace was sent none.
    ['displayName eq "ada"', ["Ada_Lovelace@Contoso.com"]],
    ['displayName eq "Grace Hopper"', []],
    ["active eq false", ["adaXlovelace@contoso.com"]],
    ['active eq true and name.givenName eq "ada"', ["Ada_Lovelace@Contoso.com"]],
    ['name.givenName eq "grace" or name.familyName eq "turing"', ["alan%turing@contoso.com", "grace.hopper@contoso.com"]],
    ['not (name.givenName eq "ada" or active eq false)', ["alan%turing@contoso.com", "grace.hopper@contoso.com"]],
    ['(name.givenName eq "ada" and active eq true) or userName sw "grace"', ["Ada_Lovelace@Contoso.com", "grace.hopper@contoso.com"]],
    ['emails.value eq "ADA@home.example"', ["Ada_Lovelace@Contoso.com"]],
    ['emails co "@contoso.com"', ["Ada_Lovelace@Contoso.com", "adaXlovelace@contoso.com"]],
    ['emails[type eq "work"].value eq "ada@contoso.com"', ["Ada_Lovelace@Contoso.com"]],
    ['emails[type eq "work"].value eq "byron@contoso.com"', []], // same element: byron's email is a home one
    ['emails[type eq "home"]', ["Ada_Lovelace@Contoso.com", "adaXlovelace@contoso.com"]],
    ['emails[type eq "work" and value ew "navy.example"]', ["grace.hopper@contoso.com"]],
    ["emails pr", ["Ada_Lovelace@Contoso.com", "adaXlovelace@contoso.com", "grace.hopper@contoso.com"]],
    ['not (emails[type eq "work"])', ["adaXlovelace@contoso.com", "alan%turing@contoso.com"]],
    [
      'meta.created gt "2000-01-01T00:00:00Z"',
      ["Ada_Lovelace@Contoso.com", "adaXlovelace@contoso.com", "alan%turing@contoso.com", "grace.hopper@contoso.com"],
    ],
    ['meta.lastModified lt "2000-01-01T00:00:00Z"', []],
  ])("%s", async (filter, expected) => {
    expect(await names(filter)).toEqual(expected);
  });

  it("id and meta.created", async () => {
    expect(await names(`id eq "${ids["grace.hopper@contoso.com"]}"`)).toEqual(["grace.hopper@contoso.com"]);
    expect(await names(`meta.created ge "${createdAt.toISOString()}"`)).toContain("grace.hopper@contoso.com");
  });

  it("`+` in the query string is a space (Entra's encoding)", async () => {
    const res = await ctx.scim.get("/Users?filter=userName+eq+%22grace.hopper%40contoso.com%22");
    expect(res.body.totalResults).toBe(1);
  });

  it("paging: startIndex < 1 is 1, negative count is 0, count=0 gives only totalResults, count is capped", async () => {
    const all = await ctx.scim.get("/Users?startIndex=0&count=2");
    expect(all.body).toMatchObject({ totalResults: 4, startIndex: 1, itemsPerPage: 2 });
    expect((await ctx.scim.get("/Users?count=-3")).body).toMatchObject({ totalResults: 4, itemsPerPage: 0, Resources: [] });
    expect((await ctx.scim.get("/Users?count=0")).body).toMatchObject({ totalResults: 4, itemsPerPage: 0, Resources: [] });
    expect((await ctx.scim.get("/Users?startIndex=4&count=10")).body).toMatchObject({ totalResults: 4, startIndex: 4, itemsPerPage: 1 });
    expect((await ctx.scim.get("/Users?startIndex=99")).body).toMatchObject({
      totalResults: 4,
      startIndex: 99,
      itemsPerPage: 0,
      Resources: [],
    });
    expect((await ctx.scim.get("/Users?count=100000")).body.itemsPerPage).toBe(4);
    const filtered = await ctx.scim.get(`/Users?filter=${encodeURIComponent('name.givenName eq "ada"')}&count=1`);
    expect(filtered.body).toMatchObject({ totalResults: 2, itemsPerPage: 1 });
  });

  it("attributes and excludedAttributes", async () => {
    const only = await ctx.scim.get(
      `/Users?filter=${encodeURIComponent('userName eq "grace.hopper@contoso.com"')}&attributes=userName,name.familyName,emails.value`,
    );
    expect(only.body.Resources[0]).toEqual({
      schemas: [CORE],
      id: ids["grace.hopper@contoso.com"],
      userName: "grace.hopper@contoso.com",
      name: { familyName: "Hopper" },
      emails: [{ value: "grace@navy.example" }],
    });
    const without = await ctx.scim.get(`/Users/${ids["grace.hopper@contoso.com"]}?excludedAttributes=emails,meta`);
    expect(without.body).not.toHaveProperty("emails");
    expect(without.body).not.toHaveProperty("meta");
    expect(without.body).toHaveProperty("userName");
  });
});

describe("discovery", () => {
  let ctx: ScimOrg;
  beforeAll(async () => {
    ctx = await scimOrg();
  });

  it("ServiceProviderConfig advertises PATCH, filter with maxResults, no bulk/sort/etag, bearer auth", async () => {
    const res = await ctx.scim.get("/ServiceProviderConfig");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/scim+json; charset=utf-8");
    expect(res.body).toMatchObject({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
      patch: { supported: true },
      bulk: { supported: false },
      filter: { supported: true, maxResults: MAX_RESULTS },
      changePassword: { supported: false },
      sort: { supported: false },
      etag: { supported: false },
      authenticationSchemes: [expect.objectContaining({ type: "oauthbearertoken", primary: true })],
      meta: { resourceType: "ServiceProviderConfig", location: `${ctx.scim.base}/ServiceProviderConfig` },
    });
  });

  it("ResourceTypes lists User with the Enterprise extension, and Group", async () => {
    const list = await ctx.scim.get("/ResourceTypes");
    expect(list.body).toMatchObject({
      totalResults: 2,
      Resources: [
        { id: "User", endpoint: "/Users", schema: CORE, schemaExtensions: [{ schema: ENT, required: false }] },
        { id: "Group", endpoint: "/Groups" },
      ],
    });
    expect((await ctx.scim.get("/ResourceTypes/User")).body.id).toBe("User");
    expect((await ctx.scim.get("/ResourceTypes/Group")).body.id).toBe("Group");
    expect((await ctx.scim.get("/ResourceTypes/Device")).status).toBe(404);
  });

  it("Schemas describe the core and Enterprise User attributes, and the Group", async () => {
    const list = await ctx.scim.get("/Schemas");
    expect(list.body.Resources.map((s: { id: string }) => s.id)).toEqual([CORE, ENT, "urn:ietf:params:scim:schemas:core:2.0:Group"]);
    const core = await ctx.scim.get(`/Schemas/${CORE}`);
    const userName = core.body.attributes.find((a: { name: string }) => a.name === "userName");
    expect(userName).toEqual(
      expect.objectContaining({
        type: "string",
        required: true,
        caseExact: false,
        uniqueness: "server",
        mutability: "readWrite",
        returned: "default",
        multiValued: false,
      }),
    );
    const emails = core.body.attributes.find((a: { name: string }) => a.name === "emails");
    expect(emails.subAttributes.map((a: { name: string }) => a.name)).toEqual(["value", "display", "type", "primary"]);
    const ent = await ctx.scim.get(`/Schemas/${ENT}`);
    expect(ent.body.attributes.map((a: { name: string }) => a.name)).toEqual([
      "employeeNumber",
      "costCenter",
      "organization",
      "division",
      "department",
      "manager",
    ]);
    expect((await ctx.scim.get("/Schemas/urn:nope")).status).toBe(404);
  });
});
