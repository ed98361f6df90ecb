// The stores refuse with data (a refusal kind), never with a face's error; each face maps every
// refusal of both stores to its answer in one place: SCIM's toScimError (status as a string,
// scimType only where RFC 7644 §3.12 defines one), the console's toConsoleErrorResponse.
import { describe, expect, it } from "vitest";
import { toConsoleErrorResponse } from "@/lib/http/console-response";
import { GroupStoreError, type GroupRefusal } from "@/lib/groups/store/errors";
import { MemberStoreError, type MemberRefusal } from "@/lib/members/store/errors";
import { errorBody, toScimError } from "@/lib/scim/errors";

const ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

type Case = [
  label: string,
  err: GroupStoreError | MemberStoreError,
  scim: { status: number; scimType?: string; detail: RegExp },
  console: { status: number; code: string },
];

const group = (r: GroupRefusal) => new GroupStoreError(r);
const member = (r: MemberRefusal) => new MemberStoreError(r);

const cases: Case[] = [
  [
    "an unknown group",
    group({ kind: "not_found", id: "g-1" }),
    { status: 404, detail: /^Group 'g-1' not found\.$/ },
    { status: 404, code: "not_found" },
  ],
  [
    "a taken displayName",
    group({ kind: "duplicate_display_name", displayName: "Sales" }),
    { status: 409, scimType: "uniqueness", detail: /displayName 'Sales' already exists/ },
    { status: 409, code: "conflict" },
  ],
  [
    "an unknown user",
    member({ kind: "not_found", id: "u-1" }),
    { status: 404, detail: /^User 'u-1' not found\.$/ },
    { status: 404, code: "not_found" },
  ],
  [
    "a taken userName",
    member({ kind: "duplicate_user_name", userName: "ada@x" }),
    { status: 409, scimType: "uniqueness", detail: /userName 'ada@x' already exists/ },
    { status: 409, code: "conflict" },
  ],
  [
    "the owner's protection",
    member({ kind: "owner_protected", action: "remove" }),
    { status: 403, detail: /owner cannot be deleted through SCIM/ },
    { status: 409, code: "conflict" },
  ],
  [
    "a concurrent change",
    member({ kind: "changed_meanwhile" }),
    { status: 409, detail: /changed at the same time/ },
    { status: 409, code: "conflict" },
  ],
];

describe("store refusals", () => {
  it.each(cases)("%s: the SCIM face's status and scimType", (_label, err, scim) => {
    const answer = toScimError(err);
    expect(answer.status).toBe(scim.status);
    expect(answer.scimType).toBe(scim.scimType);
    expect(errorBody(answer)).toEqual({
      schemas: [ERROR],
      status: String(scim.status),
      ...(scim.scimType ? { scimType: scim.scimType } : {}),
      detail: expect.stringMatching(scim.detail),
    });
  });

  it.each(cases)("%s: the console's status and code", async (_label, err, _scim, console) => {
    const res = toConsoleErrorResponse(err);
    expect(res.status).toBe(console.status);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(console.code);
  });

  it("an id too long to be ours is cut in the detail", () => {
    expect(toScimError(group({ kind: "not_found", id: "x".repeat(5000) })).detail.length).toBeLessThan(300);
  });
});
