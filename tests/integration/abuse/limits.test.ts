// Every request size limit, over HTTP: a 413 or 400 SCIM error whose detail names the limit,
// nothing written, and the limits the RFC lets us advertise are advertised.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { SCIM_LIMITS } from "@/lib/scim/http/limits";
import { hardeningReport } from "../../fuzz/hardening-report";
import { ERROR, PATCH_OP, scimOrg, uniqueUserName, type ScimOrg, type ScimResult } from "../scim/scim-client";

const report = hardeningReport("abuse-limits");
const L = SCIM_LIMITS;

function expectLimit(res: ScimResult, status: 400 | 413, words: string) {
  report.requests++;
  report.cases++;
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({ schemas: [ERROR], status: String(status) });
  expect(res.body.detail).toContain(words);
}

function nested(depth: number): unknown {
  let value: unknown = "x";
  for (let i = 0; i < depth; i++) value = { name: value };
  return value;
}

async function memberState(id: string) {
  return db.member.findUniqueOrThrow({
    where: { id },
    select: { version: true, userName: true, scimAttributes: true, locked: true, updatedAt: true },
  });
}

describe("SCIM request limits", () => {
  let ctx: ScimOrg;
  let userId: string;
  beforeAll(async () => {
    ctx = await scimOrg();
    userId = (await ctx.scim.post("/Users", { userName: uniqueUserName("limits"), title: "Before" })).body.id as string;
  });

  it.each([
    ["body size", () => ({ userName: "big@contoso.example", title: "x".repeat(L.bodyBytes) }), 413, `at most ${L.bodyBytes} bytes`],
    ["nesting depth", () => ({ userName: "deep@contoso.example", extra: nested(L.jsonDepth + 1) }), 413, `at most ${L.jsonDepth} levels`],
    [
      "value count",
      () => ({
        userName: "many@contoso.example",
        emails: Array.from({ length: L.jsonValues }, (_, i) => ({ value: `${i}@contoso.example` })),
      }),
      413,
      `at most ${L.jsonValues} JSON values`,
    ],
    [
      "string length",
      () => ({ userName: "long@contoso.example", title: "y".repeat(L.stringLength + 1) }),
      413,
      `at most ${L.stringLength} characters`,
    ],
    ["NUL in a string", () => ({ userName: "nul\u0000@contoso.example" }), 400, "NUL"],
  ] as const)("POST past the %s limit creates nothing", async (_label, body, status, words) => {
    const before = await db.member.count({ where: { organizationId: ctx.org.orgId } });
    expectLimit(await ctx.scim.post("/Users", body()), status, words);
    expect(await db.member.count({ where: { organizationId: ctx.org.orgId } })).toBe(before);
  });

  it("a PATCH with too many operations changes nothing", async () => {
    const before = await memberState(userId);
    const Operations = Array.from({ length: L.patchOperations + 1 }, (_, i) => ({ op: "replace", path: "title", value: `t${i}` }));
    expectLimit(
      await ctx.scim.request("PATCH", `/Users/${userId}`, { schemas: [PATCH_OP], Operations }),
      413,
      `at most ${L.patchOperations} operations`,
    );
    expect(await memberState(userId)).toEqual(before);
    // The limit itself is allowed.
    const res = await ctx.scim.request("PATCH", `/Users/${userId}`, {
      schemas: [PATCH_OP],
      Operations: Operations.slice(0, L.patchOperations),
    });
    report.requests++;
    expect(res.status).toBe(200);
    expect(res.body.title).toBe(`t${L.patchOperations - 1}`);
  });

  it("a body streamed without Content-Length stops at the limit", async () => {
    const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ > 40) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const res = await fetch(`${ctx.scim.base}/Users`, {
      method: "POST",
      headers: { Authorization: `Bearer ${ctx.scim.token}`, "Content-Type": "application/scim+json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expectLimit(
      { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown>, text: "" },
      413,
      `at most ${L.bodyBytes} bytes`,
    );
  });

  it.each([
    ["too long", `userName eq "${"x".repeat(L.filterLength)}"`, `at most ${L.filterLength} characters`],
    [
      "too many comparisons",
      Array.from({ length: L.filterComparisons + 1 }, (_, i) => `userName eq "u${i}"`).join(" or "),
      `at most ${L.filterComparisons} comparisons`,
    ],
    ["holding a NUL", 'userName eq "a\u0000b"', "NUL"],
    ["comparing a date past year 9999", 'meta.created gt "+275760-09-13T00:00:00Z"', "9999-12-31T23:59:59.999Z"],
  ])("a filter %s is 400 invalidFilter", async (_label, filter, words) => {
    const res = await ctx.scim.get(`/Users?filter=${encodeURIComponent(filter)}`);
    expectLimit(res, 400, words);
    expect(res.body.scimType).toBe("invalidFilter");
  });

  it("a count above maxResults is capped, not refused (RFC 7644 §3.4.2.4)", async () => {
    const res = await ctx.scim.get("/Users?count=100000000000000000000&startIndex=99999999999999");
    report.requests++;
    expect(res.status).toBe(200);
    expect(res.body.itemsPerPage).toBeLessThanOrEqual(L.maxResults);
    const first = await ctx.scim.get("/Users?count=100000");
    report.requests++;
    expect(first.body.itemsPerPage).toBe(Math.min(L.maxResults, first.body.totalResults as number));
  });

  it("an id holding a NUL is a 404, not a database error", async () => {
    const res = await ctx.scim.get("/Users/abc%00def");
    report.requests++;
    expect(res.status).toBe(404);
    expect(res.body.schemas).toEqual([ERROR]);
  });

  it("ServiceProviderConfig advertises maxResults", async () => {
    const res = await ctx.scim.get("/ServiceProviderConfig");
    report.requests++;
    expect(res.body.filter).toEqual({ supported: true, maxResults: L.maxResults });
  });
});
