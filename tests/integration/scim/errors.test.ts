// Every refusal is an RFC 7644 error body (status as a string, the right scimType), never a
// stack trace or a 500, and is audited without the request body.
import { beforeAll, describe, expect, it } from "vitest";
import { ERROR, LIST, eventsOf, scimOrg, uniqueUserName, type ScimOrg, type ScimResult } from "./scim-client";

function expectScimError(res: ScimResult, status: number, scimType?: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/scim+json; charset=utf-8");
  expect(res.body.schemas).toEqual([ERROR]);
  expect(res.body.status).toBe(String(status));
  expect(res.body.scimType).toBe(scimType);
  expect(typeof res.body.detail).toBe("string");
  expect(res.text).not.toMatch(/\n\s+at |node_modules|Prisma/);
}

describe("SCIM errors", () => {
  let ctx: ScimOrg;
  let userId: string;
  const secret = "do-not-log-this-body-value";

  beforeAll(async () => {
    ctx = await scimOrg();
    const res = await ctx.scim.post("/Users", {
      userName: "Existing.User@contoso.example",
      emails: [{ value: "e@contoso.example", type: "work" }],
    });
    userId = res.body.id as string;
  });

  it.each<[string, () => Promise<ScimResult>, number, string?]>([
    ["malformed JSON", () => ctx.scim.request("POST", "/Users", undefined, { rawBody: '{"userName": ' }), 400, "invalidSyntax"],
    [
      "an empty body",
      () => ctx.scim.request("POST", "/Users", undefined, { rawBody: "", contentType: "application/scim+json" }),
      400,
      "invalidSyntax",
    ],
    ["a JSON array", () => ctx.scim.post("/Users", [{ userName: "x" }]), 400, "invalidSyntax"],
    ["a missing userName", () => ctx.scim.post("/Users", { name: { givenName: secret } }), 400, "invalidValue"],
    ["a userName that is not a string", () => ctx.scim.post("/Users", { userName: 12 }), 400, "invalidValue"],
    [
      "a duplicate userName (case-insensitive)",
      () => ctx.scim.post("/Users", { userName: "existing.user@CONTOSO.example" }),
      409,
      "uniqueness",
    ],
    ["an unknown id", () => ctx.scim.get("/Users/00000000-0000-0000-0000-000000000000"), 404, undefined],
    ["a malformed id", () => ctx.scim.get("/Users/%E2%9C%93%20'%22;--"), 404, undefined],
    ["PUT of an unknown id", () => ctx.scim.put("/Users/nope", { userName: "x" }), 404, undefined],
    ["PATCH of an unknown id", () => ctx.scim.patch("/Users/nope", [{ op: "replace", path: "title", value: "x" }]), 404, undefined],
    ["DELETE of an unknown id", () => ctx.scim.delete("/Users/nope"), 404, undefined],
    ["an unsupported filter", () => ctx.scim.get(`/Users?filter=${encodeURIComponent('title eq "x"')}`), 400, "invalidFilter"],
    ["a malformed filter", () => ctx.scim.get(`/Users?filter=${encodeURIComponent('userName eq "x" and')}`), 400, "invalidFilter"],
    ["a remove without path", () => ctx.scim.patch(`/Users/${userId}`, [{ op: "remove" }]), 400, "noTarget"],
    [
      "a remove of a missing target",
      () => ctx.scim.patch(`/Users/${userId}`, [{ op: "remove", path: 'emails[type eq "home"]' }]),
      400,
      "noTarget",
    ],
    [
      "a PATCH without Operations",
      () => ctx.scim.request("PATCH", `/Users/${userId}`, { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"] }),
      400,
      "invalidSyntax",
    ],
    ["an unknown PATCH op", () => ctx.scim.patch(`/Users/${userId}`, [{ op: "move", path: "title", value: "x" }]), 400, "invalidSyntax"],
    [
      "a malformed PATCH path",
      () => ctx.scim.patch(`/Users/${userId}`, [{ op: "add", path: "emails[type", value: "x" }]),
      400,
      "invalidPath",
    ],
    ["an unknown endpoint", () => ctx.scim.get("/Nope"), 404, undefined],
    ["the base URL itself", () => ctx.scim.get(""), 404, undefined],
    ["a path under a user", () => ctx.scim.get(`/Users/${userId}/extra`), 404, undefined],
    ["POST on a user", () => ctx.scim.post(`/Users/${userId}`, { userName: "x" }), 405, undefined],
    ["POST /Groups without displayName", () => ctx.scim.post("/Groups", { members: [] }), 400, "invalidValue"],
    [
      "PATCH of an unknown group",
      () => ctx.scim.patch("/Groups/g1", [{ op: "add", path: "members", value: [{ value: "x" }] }]),
      404,
      undefined,
    ],
    ["PUT of an unknown group", () => ctx.scim.put("/Groups/g1", { displayName: "g" }), 404, undefined],
    ["DELETE of an unknown group", () => ctx.scim.delete("/Groups/g1"), 404, undefined],
    ["POST on a group", () => ctx.scim.post("/Groups/g1", { displayName: "g" }), 405, undefined],
    ["POST /Bulk", () => ctx.scim.post("/Bulk", { Operations: [] }), 501, undefined],
  ])("%s", async (_label, send, status, scimType) => {
    expectScimError(await send(), status, scimType);
  });

  it("an unknown group's detail names it", async () => {
    expect((await ctx.scim.get("/Groups/g1")).body.detail).toBe("Group 'g1' not found.");
  });

  it("unknown ids get a detail that names them", async () => {
    expect((await ctx.scim.get("/Users/abc")).body.detail).toContain("abc");
  });

  it("rejections are audited with status and detail, never the body or the token", async () => {
    await ctx.scim.post("/Users", { name: { givenName: secret } });
    const rejected = await eventsOf(ctx.org.orgId, "scim.request.rejected");
    expect(rejected.length).toBeGreaterThan(10);
    const last = rejected.at(-1)!;
    expect(last).toMatchObject({
      outcome: "failure",
      status: 400,
      actorType: "token",
      actorLabel: ctx.scim.token.slice(0, 11),
      detail: "userName is required.",
      targetLabel: "POST /Users",
    });
    const all = JSON.stringify(await eventsOf(ctx.org.orgId));
    expect(all).not.toContain(secret);
    expect(all).not.toContain(ctx.scim.token.slice(11));
  });
});

describe("what the API accepts", () => {
  let ctx: ScimOrg;
  beforeAll(async () => {
    ctx = await scimOrg();
  });

  it("trailing slashes are answered, not redirected", async () => {
    const created = await ctx.scim.post("/Users/", { userName: uniqueUserName("slash") });
    expect(created.status).toBe(201);
    expect((await ctx.scim.get("/Users/")).status).toBe(200);
    expect((await ctx.scim.get(`/Users/${created.body.id}/`)).status).toBe(200);
    expect((await ctx.scim.get("/ServiceProviderConfig/")).status).toBe(200);
  });

  it("application/json, unknown query parameters and unknown attributes are fine", async () => {
    const res = await ctx.scim.post(
      "/Users?aadOptscim062020&foo=bar",
      { userName: uniqueUserName("json"), favouriteColour: "blue", "urn:example:ext:1.0:User": { x: 1 } },
      { contentType: "application/json" },
    );
    expect(res.status).toBe(201);
    expect(res.body).not.toHaveProperty("favouriteColour");
    expect(res.body).not.toHaveProperty("urn:example:ext:1.0:User");
  });

  it("meta.location and Location use the public origin a proxy forwards", async () => {
    const headers = { "X-Forwarded-Proto": "https", "X-Forwarded-Host": "id.example.com" };
    const res = await ctx.scim.post("/Users", { userName: uniqueUserName("proxied") }, { headers });
    expect(res.status).toBe(201);
    const location = `https://id.example.com/scim/v2/${ctx.org.orgId}/Users/${res.body.id}`;
    expect(res.body.meta.location).toBe(location);
    expect(res.headers.get("location")).toBe(location);
  });

  it("Groups lists honour startIndex and count when there are none", async () => {
    const res = await ctx.scim.get("/Groups?startIndex=5&count=10");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ schemas: [LIST], totalResults: 0, startIndex: 5, itemsPerPage: 0, Resources: [] });
    expectScimError(await ctx.scim.get("/Groups/g1"), 404);
  });

  it("an oversized body is 413, not a crash", async () => {
    const res = await ctx.scim.post("/Users", { userName: "big", title: "x".repeat(300_000) });
    expectScimError(res, 413);
  });
});
