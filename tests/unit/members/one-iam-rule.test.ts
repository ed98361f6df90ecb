// "Holds the IAM permission" — by hand OR through a group mapped to it — is spelled once in SQL
// (lib/groups/store/iam-permission.ts) and once in TypeScript (lib/auth/permissions.ts holdsIam).
// No other module of the application spells it again, in SQL or as a Prisma filter: the members
// page, the expiry emails, the mapping preview and the access decision read the same definition.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../../..");
const HOME = "lib/groups/store/iam-permission.ts";

const sources = ["lib", "app"].flatMap((dir) =>
  readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mjs)$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .filter((f) => !f.startsWith("lib/generated/"))
    .map((f) => ({ f, text: readFileSync(path.join(root, f), "utf8") })),
);

describe("the IAM permission is spelled once", () => {
  it("in SQL: only iam-permission.ts names the mapped permission or joins memberships to mappings", () => {
    const spellsIt = /'iam'|JOIN "GroupMapping"/;
    expect(sources.filter(({ f, text }) => f !== HOME && spellsIt.test(text)).map(({ f }) => f)).toEqual([]);
  });

  it("as a Prisma filter: no module asks Prisma who holds it", () => {
    const prismaRule = /permission:\s*"iam"\s*[,}]|groupMemberships:\s*\{\s*(some|where)|_count:\s*\{\s*select:\s*\{\s*groupMemberships/;
    expect(sources.filter(({ text }) => prismaRule.test(text)).map(({ f }) => f)).toEqual([]);
  });

  it("is where the shared reads take it from", () => {
    for (const f of [
      "lib/members/store/memberships.ts",
      "lib/members/store/console-rows.ts",
      "lib/members/store/provisioning-managers.ts",
      "lib/groups/store/statements.ts",
    ]) {
      expect(readFileSync(path.join(root, f), "utf8"), f).toMatch(/from "\.\.?\/(\.\.\/groups\/store\/)?iam-permission"/);
    }
  });
});
