// Property tests of the PATCH normaliser/applier and the User input normaliser, in-process:
// every body is either accepted into a well-formed User (or Group change) or refused with a 4xx ScimError;
// a refused PATCH leaves the stored resource as it was; nothing pollutes Object.prototype;
// and what we store normalises to itself (Entra re-PATCHes values that come back changed).
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import type { GroupRow } from "@/lib/groups/store";
import { ScimError } from "@/lib/scim/errors";
import { groupPatch } from "@/lib/scim/groups/group-patch";
import { applyPatch } from "@/lib/scim/patch/apply-patch";
import { normalizeOperations } from "@/lib/scim/patch/normalize-operations";
import { USER_PATCH } from "@/lib/scim/patch/patch-resources";
import { normalizeUser, type UserInput } from "@/lib/scim/user-input";
import { CORE, ENT, PATCH_OP, patchBody, scimKey, jsonish, userBody, userNameValue } from "../../fuzz/arbitraries";
import { checkProperty, pureRuns } from "../../fuzz/fuzz-config";
import { groupPatchBody } from "../../fuzz/group-arbitraries";
import { hardeningReport } from "../../fuzz/hardening-report";

const report = hardeningReport("fuzz-patch-and-user");
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

afterEach(() => {
  // A polluted prototype would leak into every later test: say so where it happened.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
});

type Result = { ok: true; user: UserInput } | { ok: false; error: ScimError };

function attempt(fn: () => UserInput): Result {
  report.cases++;
  try {
    return { ok: true, user: fn() };
  } catch (err) {
    if (!(err instanceof ScimError)) throw new Error(`threw ${String(err)} instead of a ScimError`, { cause: err });
    return { ok: false, error: err };
  }
}

/** The stored resource PATCH starts from (patchableUser's shape). */
function asResource(u: UserInput): Record<string, unknown> {
  return {
    ...u.attributes,
    userName: u.userName,
    ...(u.externalId !== undefined ? { externalId: u.externalId } : {}),
    ...(u.active !== undefined ? { active: u.active } : {}),
  };
}

const FALLBACK: UserInput = {
  userName: "ada@contoso.example",
  active: true,
  attributes: { name: { givenName: "Ada" }, emails: [{ value: "ada@contoso.example", type: "work", primary: true }] },
};

/** Stored users: whatever a random POST body normalises to (or a plain one when it is refused). */
const storedUser = userBody.map((body) => {
  try {
    return asResource(normalizeUser(body));
  } catch {
    return asResource(FALLBACK);
  }
});

function expectWellFormed(result: Result): void {
  if (!result.ok) {
    expect(result.error.status).toBeGreaterThanOrEqual(400);
    expect(result.error.status).toBeLessThan(500);
    expect(result.error.detail).toBeTruthy();
    return;
  }
  const { user } = result;
  expect(typeof user.userName).toBe("string");
  expect(user.userName.trim().length).toBeGreaterThan(0);
  expect(user.userName.length).toBeLessThanOrEqual(256);
  expect(JSON.parse(JSON.stringify(user.attributes))).toEqual(user.attributes);
  // Stored, read back and normalised again: the same User, so the IdP sees what it sent.
  expect(normalizeUser(asResource(user))).toEqual(user);
}

describe("PATCH, property-based", () => {
  it("applies or refuses every PATCH body, and a refusal changes nothing", () => {
    checkProperty(
      fc.property(storedUser, patchBody, (stored, body) => {
        const before = structuredClone(stored);
        expectWellFormed(attempt(() => normalizeUser(applyPatch(stored, normalizeOperations(body, USER_PATCH)))));
        expect(stored).toEqual(before); // applied to a copy: the caller writes the result once, or not at all
      }),
      pureRuns(3000),
    );
  });

  it("prototype keys in values and paths never reach Object.prototype", () => {
    const hostile = fc.constantFrom(
      '{"op":"add","value":{"__proto__":{"polluted":"yes"}}}',
      '{"op":"replace","path":"name","value":{"__proto__":{"polluted":"yes"},"givenName":"x"}}',
      '{"op":"add","path":"emails","value":[{"__proto__":{"polluted":"yes"},"value":"a@b.c"}]}',
      '{"op":"add","path":"__proto__.polluted","value":"yes"}',
      '{"op":"add","path":"constructor.prototype.polluted","value":"yes"}',
      `{"op":"add","value":{"${ENT}":{"__proto__":{"polluted":"yes"}}}}`,
      '{"op":"add","value":{"constructor":{"prototype":{"polluted":"yes"}}}}',
    );
    checkProperty(
      fc.property(storedUser, fc.array(hostile, { minLength: 1, maxLength: 3 }), (stored, ops) => {
        const body: unknown = JSON.parse(`{"schemas":["${PATCH_OP}"],"Operations":[${ops.join(",")}]}`);
        expectWellFormed(attempt(() => normalizeUser(applyPatch(stored, normalizeOperations(body, USER_PATCH)))));
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      pureRuns(300),
    );
  });
});

describe("Group PATCH, property-based", () => {
  const group: GroupRow = {
    id: "g1",
    organizationId: "o1",
    displayName: "Sales",
    externalId: "ext",
    scimAttributes: "{}",
    version: 1,
    createdAt: new Date(0),
    updatedAt: new Date(0),
  };
  const ids = ["u1", "u2", "00000000-0000-4000-8000-000000000000"];

  it("turns every body into a well-formed change of the group, or refuses it with a 4xx", () => {
    checkProperty(
      fc.property(groupPatchBody(ids), (body) => {
        report.cases++;
        const before = structuredClone(group);
        let update;
        try {
          update = groupPatch(body)(group);
        } catch (err) {
          if (!(err instanceof ScimError)) throw new Error(`threw ${String(err)} instead of a ScimError`, { cause: err });
          expect(err.status).toBeGreaterThanOrEqual(400);
          expect(err.status).toBeLessThan(500);
          return;
        } finally {
          expect(group).toEqual(before);
        }
        expect(update.profile.displayName.trim()).not.toBe("");
        expect(update.profile.externalId === null || typeof update.profile.externalId === "string").toBe(true);
        for (const m of update.membership) if (m.kind !== "clear") for (const id of m.ids) expect(typeof id).toBe("string");
      }),
      pureRuns(3000),
    );
  });
});

describe("User input (POST/PUT), property-based", () => {
  it("normalises or refuses every body", () => {
    checkProperty(
      fc.property(userBody, (body) => expectWellFormed(attempt(() => normalizeUser(body)))),
      pureRuns(3000),
    );
  });

  it("keeps a valid userName exactly as sent, whatever its characters", () => {
    // Keys that could name userName another way are left out of the noise.
    const noise = fc.dictionary(
      scimKey.filter((k) => !k.toLowerCase().includes("username") && k !== CORE),
      jsonish(2),
      { maxKeys: 4 },
    );
    checkProperty(
      fc.property(userNameValue, noise, (userName, extra) => {
        const result = attempt(() => normalizeUser({ ...extra, userName }));
        const valid = typeof userName === "string" && userName.trim().length > 0 && userName.length <= 256;
        if (valid && result.ok) expect(result.user.userName).toBe(userName);
        if (!valid) expect(result.ok && result.user.userName === userName).toBe(false);
        expectWellFormed(result);
      }),
      pureRuns(2000),
    );
  });
});
