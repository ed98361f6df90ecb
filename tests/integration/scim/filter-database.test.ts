// Every filter is answered by the database, exactly, on SQLite and PostgreSQL alike: LIKE's own
// characters (`%`, `_`, the escape `\`) match themselves, case-insensitive attributes are so
// beyond ASCII, case-exact ones stay case-exact, and on an organization of 1,200 members every
// filter's totalResults and pages are exactly what the filter means, computed here in JS.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { profileColumns } from "@/lib/members/store/columns";
import { filterQuery, GROUP } from "../groups/group-client";
import { scimOrg, type ScimOrg } from "./scim-client";

describe("co, sw, ew over HTTP: literal characters, case as each attribute says", () => {
  let ctx: ScimOrg;
  const people = [
    { userName: "alan%turing@contoso.com", externalId: "EXT-1" },
    { userName: "Ada_Lovelace@contoso.com", externalId: "ext-2" },
    { userName: "adaXlovelace@contoso.com", externalId: "ext-3" },
    { userName: "back\\slash@contoso.com", externalId: "a\\b" },
    {
      userName: "ÉMILE.Zola@contoso.com",
      name: { givenName: "Émile", familyName: "Zola" },
      displayName: "Émile Zola",
      emails: [{ value: "Émile@Contoso.com", type: "work" }],
    },
    { userName: "_lead@contoso.com" },
  ];

  beforeAll(async () => {
    ctx = await scimOrg();
    for (const p of people) expect((await ctx.scim.post("/Users", p)).status).toBe(201);
    for (const displayName of ["50%_off", "Émigrés", "back\\slash", "Cloud Admins"])
      expect(
        (
          await ctx.scim.post("/Groups", {
            schemas: [GROUP],
            displayName,
            externalId: displayName === "Cloud Admins" ? "EXT-9" : undefined,
          })
        ).status,
      ).toBe(201);
  });

  const names = async (resource: "Users" | "Groups", filter: string) => {
    const res = await ctx.scim.get(`/${resource}${filterQuery(filter)}`);
    expect(res.status, `${filter}: ${res.text}`).toBe(200);
    return (res.body.Resources as { userName?: string; displayName?: string }[]).map((r) => r.userName ?? r.displayName).sort();
  };

  it.each<[string, string[]]>([
    ['userName co "%"', ["alan%turing@contoso.com"]],
    ['userName sw "%"', []],
    ['userName sw "_"', ["_lead@contoso.com"]],
    ['userName co "_"', ["Ada_Lovelace@contoso.com", "_lead@contoso.com"]],
    ['userName sw "ada_"', ["Ada_Lovelace@contoso.com"]],
    [String.raw`userName co "k\s"`, ["back\\slash@contoso.com"]],
    [String.raw`externalId eq "a\b"`, ["back\\slash@contoso.com"]],
    [String.raw`externalId ew "\b"`, ["back\\slash@contoso.com"]],
    ['userName sw "émile"', ["ÉMILE.Zola@contoso.com"]],
    ['userName co "ÉMILE.ZOLA@"', ["ÉMILE.Zola@contoso.com"]],
    ['name.givenName eq "ÉMILE"', ["ÉMILE.Zola@contoso.com"]],
    ['displayName ew "ÉMILE ZOLA"', ["ÉMILE.Zola@contoso.com"]],
    ['emails.value sw "émile@contoso"', ["ÉMILE.Zola@contoso.com"]],
    ['externalId co "EXT"', ["alan%turing@contoso.com"]],
    ['externalId sw "ext"', ["Ada_Lovelace@contoso.com", "adaXlovelace@contoso.com"]],
    ['externalId ew "T-1"', ["alan%turing@contoso.com"]],
    ['userName gt "z"', ["ÉMILE.Zola@contoso.com"]], // code point order on both databases
  ])("Users: %s", async (filter, expected) => {
    expect(await names("Users", filter)).toEqual(expected);
  });

  it.each<[string, string[]]>([
    ['displayName co "%"', ["50%_off"]],
    ['displayName sw "50%_"', ["50%_off"]],
    ['displayName co "_"', ["50%_off"]],
    [String.raw`displayName co "k\s"`, ["back\\slash"]],
    ['displayName sw "ÉMI"', ["Émigrés"]],
    ['externalId co "ext"', []],
    ['not (externalId eq "EXT-9")', ["50%_off", "back\\slash", "Émigrés"]],
  ])("Groups: %s", async (filter, expected) => {
    expect(await names("Groups", filter)).toEqual(expected);
  });
});

interface Seeded {
  id: string;
  userName: string;
  externalId: string | null;
  givenName: string;
  locked: boolean;
  email: { value: string; type: string; primary: boolean };
}

describe("a large organization: every filter exact, counted and paged by the database", () => {
  const N = 1200;
  const PREFIXES = ["Ada", "ÉMILE", "zoë", "Ωmega", "straße", "Ïsa"];
  const MIDDLES = ["%", "_", "\\", ".", "x"];
  let ctx: ScimOrg;
  let seeded: Seeded[];

  beforeAll(async () => {
    ctx = await scimOrg();
    const base = Date.now();
    seeded = Array.from({ length: N }, (_, i) => {
      const prefix = PREFIXES[i % PREFIXES.length]!;
      return {
        id: randomUUID(),
        userName: `${prefix}${MIDDLES[i % MIDDLES.length]}${i}@contoso.example`,
        externalId: i % 3 === 0 ? null : `${i % 3 === 1 ? "EXT" : "ext"}-${i}`,
        givenName: prefix,
        locked: i % 7 === 0,
        email: { value: `${prefix.toUpperCase()}${i}@Mail.example`, type: i % 4 < 2 ? "work" : "home", primary: i % 4 === 0 },
      };
    });
    // Written as the SCIM writes write them (lower-cased twins, the emails' rows), in bulk.
    await db.member.createMany({
      data: seeded.map((m, i) => ({
        id: m.id,
        organizationId: ctx.org.orgId,
        ...profileColumns({ userName: m.userName, email: m.email.value, givenName: m.givenName, familyName: "Seeded" }),
        externalId: m.externalId,
        locked: m.locked,
        scimManaged: true,
        createdAt: new Date(base + i),
      })),
    });
    await db.memberEmail.createMany({
      data: seeded.map((m) => ({
        memberId: m.id,
        value: m.email.value,
        valueLower: m.email.value.toLowerCase(),
        type: m.email.type,
        primary: m.email.primary,
      })),
    });
  });

  /** Every page of a filter, 200 at a time: the total each page reports, and the ids in order. */
  async function allPages(filter: string): Promise<{ totals: number[]; ids: string[] }> {
    const totals: number[] = [];
    const ids: string[] = [];
    for (let start = 1; ; start += 200) {
      const res = await ctx.scim.get(`/Users${filterQuery(filter, `&startIndex=${start}&count=200&attributes=id`)}`);
      expect(res.status, `${filter}: ${res.text}`).toBe(200);
      totals.push(res.body.totalResults as number);
      const page = (res.body.Resources as { id: string }[]).map((r) => r.id);
      ids.push(...page);
      if (page.length < 200) return { totals, ids };
    }
  }

  const lower = (s: string) => s.toLowerCase();
  it.each<[string, (m: Seeded) => boolean]>([
    ['userName co "%"', (m) => m.userName.includes("%")],
    ['userName co "_"', (m) => m.userName.includes("_")],
    [String.raw`userName co "\1"`, (m) => m.userName.includes("\\1")],
    ['userName sw "ÉMILE_1"', (m) => lower(m.userName).startsWith("émile_1")],
    ['userName ew "9@CONTOSO.example"', (m) => lower(m.userName).endsWith("9@contoso.example")],
    ['emails.value co "ΩMEGA1"', (m) => lower(m.email.value).includes("ωmega1")],
    ['name.givenName eq "ÏSA"', (m) => lower(m.givenName) === "ïsa"],
    ['externalId co "EXT-1"', (m) => m.externalId?.includes("EXT-1") ?? false],
    ['externalId sw "ext-2"', (m) => m.externalId?.startsWith("ext-2") ?? false],
    ["not (externalId pr) and active eq false", (m) => m.externalId === null && m.locked],
    ['userName gt "zoë"', (m) => lower(m.userName) > "zoë"],
    ['emails[type eq "work" and value sw "Strasse"]', (m) => m.email.type === "work" && lower(m.email.value).startsWith("strasse")], // "straße" upper-cased
    ['not (emails[primary eq true]) and userName sw "ada%"', (m) => !m.email.primary && lower(m.userName).startsWith("ada%")],
  ])("%s", async (filter, predicate) => {
    const expected = seeded.filter(predicate).map((m) => m.id);
    expect(expected.length, "the case must select someone, and not everyone").toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(N);
    const { totals, ids } = await allPages(filter);
    expect(new Set(totals)).toEqual(new Set([expected.length]));
    expect(ids).toEqual(expected); // in (createdAt, id) order, no page overlapping or skipping another
  });
});
