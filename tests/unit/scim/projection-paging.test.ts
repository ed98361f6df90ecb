import { describe, expect, it } from "vitest";
import { MAX_RESULTS } from "@/lib/scim/constants";
import { listResponse, parsePaging } from "@/lib/scim/list-response";
import { parseAttributeList, projectResource } from "@/lib/scim/projection";
import { resolveRoute } from "@/lib/scim/http/routes";

const ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const resource = {
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", ENT],
  id: "m-1",
  userName: "ada",
  name: { givenName: "Ada", familyName: "Lovelace" },
  emails: [
    { value: "a@x", type: "work", primary: true },
    { value: "b@x", type: "home" },
  ],
  active: true,
  [ENT]: { department: "R", employeeNumber: "1" },
  meta: { resourceType: "User", version: 'W/"1"' },
};

const project = (attributes: string, excluded = "") =>
  projectResource(resource, parseAttributeList(attributes), parseAttributeList(excluded));

describe("attributes / excludedAttributes", () => {
  it("attributes returns only those, plus id and schemas", () => {
    expect(project("userName, name.givenName")).toEqual({
      schemas: resource.schemas,
      id: "m-1",
      userName: "ada",
      name: { givenName: "Ada" },
    });
  });
  it("sub-attributes of multi-valued attributes, case-insensitive names, URN prefixes", () => {
    expect(project("EMAILS.value,urn:ietf:params:scim:schemas:core:2.0:User:active,emails.type")).toEqual({
      schemas: resource.schemas,
      id: "m-1",
      emails: [
        { value: "a@x", type: "work" },
        { value: "b@x", type: "home" },
      ],
      active: true,
    });
    expect(project(`${ENT}:department`)).toMatchObject({ [ENT]: { department: "R" } });
    expect(project(ENT)).toMatchObject({ [ENT]: resource[ENT] });
  });
  it("excludedAttributes removes those but never id or schemas", () => {
    const out = project("", `emails,name.familyName,id,schemas,meta,${ENT}:employeeNumber`);
    expect(out).toEqual({
      schemas: resource.schemas,
      id: "m-1",
      userName: "ada",
      name: { givenName: "Ada" },
      active: true,
      [ENT]: { department: "R" },
    });
    expect(resource.emails).toHaveLength(2); // the original is untouched
  });
});

describe("paging (RFC 7644 §3.4.2.4)", () => {
  const paging = (q: string) => parsePaging(new URLSearchParams(q));
  it.each([
    ["", { startIndex: 1, count: MAX_RESULTS }],
    ["startIndex=0&count=10", { startIndex: 1, count: 10 }],
    ["startIndex=-5&count=-1", { startIndex: 1, count: 0 }],
    ["startIndex=101&count=100", { startIndex: 101, count: 100 }],
    ["count=100000", { startIndex: 1, count: MAX_RESULTS }],
    ["startindex=3&COUNT=2", { startIndex: 3, count: 2 }],
    ["startIndex=abc&count=1.5", { startIndex: 1, count: MAX_RESULTS }],
    ["startIndex=99999999999999999999", { startIndex: 1_000_000_000, count: MAX_RESULTS }],
  ])("%s", (q, expected) => expect(paging(q)).toEqual(expected));

  it("ListResponse always carries Resources", () => {
    expect(listResponse([], 7, 1)).toEqual({
      schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
      totalResults: 7,
      startIndex: 1,
      itemsPerPage: 0,
      Resources: [],
    });
  });
});

describe("routing", () => {
  it.each([
    ["GET", ["Users"], "handler"],
    ["GET", ["users", "m-1"], "handler"],
    ["POST", ["Users", "m-1"], 405],
    ["GET", ["Users", "m-1", "x"], 404],
    ["GET", [], 404],
    ["GET", ["Nope"], 404],
    ["POST", ["Groups"], "handler"], // answers 501 itself
    ["POST", ["Bulk"], 501],
    ["GET", ["ServiceProviderConfig"], "handler"],
    ["GET", ["Schemas", ENT], "handler"],
    ["PUT", ["ServiceProviderConfig"], 405],
  ])("%s /%s", (method, segments, expected) => {
    const route = resolveRoute(method, segments);
    expect("handler" in route ? "handler" : route.status).toBe(expected);
  });
});

describe("Microsoft's test-tool forms of attributes", () => {
  it('attributes=emails[type eq "work"] names emails', () => {
    expect(parseAttributeList('emails[type eq "work"],userName')).toEqual([["emails"], ["userName"]]);
    expect(parseAttributeList('emails[type eq "a,b"].value')).toEqual([["emails", "value"]]);
  });
});
