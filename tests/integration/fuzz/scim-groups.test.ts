// The fuzz properties of /Users, extended to /Groups: random filters never 5xx and list only
// this organization's groups; random PATCH bodies apply whole or are refused with the group
// (its row and its members) exactly as it was; members are only ever this organization's users.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { groupFilterText, groupPatchBody } from "../../fuzz/group-arbitraries";
import { checkAsyncProperty, httpRuns } from "../../fuzz/fuzz-config";
import { hardeningReport } from "../../fuzz/hardening-report";
import { bodyText, expectScimAnswer, send } from "../../fuzz/http-fuzz";
import { createUsers, GROUP, uniqueGroupName } from "../groups/group-client";
import { scimOrg, type ScimOrg } from "../scim/scim-client";

const report = hardeningReport("fuzz-http-groups");

async function groupState(id: string) {
  const g = await db.group.findUnique({
    where: { id },
    select: { version: true, displayName: true, externalId: true, members: { select: { memberId: true } } },
  });
  return g && { ...g, members: g.members.map((m) => m.memberId).sort() };
}

describe("SCIM /Groups over HTTP, property-based", () => {
  let ctx: ScimOrg;
  let ids: string[];
  let foreignIds: string[];
  let groups: Set<string>;
  let target: string;

  beforeAll(async () => {
    const other = await scimOrg();
    ctx = await scimOrg();
    ids = await createUsers(ctx.scim, 4, "fuzz");
    foreignIds = await createUsers(other.scim, 2, "foreign");
    await other.scim.post("/Groups", {
      schemas: [GROUP],
      displayName: uniqueGroupName("Foreign"),
      members: foreignIds.map((value) => ({ value })),
    });
    groups = new Set();
    for (let i = 0; i < 3; i++)
      groups.add(
        (
          await ctx.scim.post("/Groups", {
            schemas: [GROUP],
            displayName: uniqueGroupName(`Fuzz ${i}`),
            externalId: `ext-${i}`,
            members: ids.slice(i).map((value) => ({ value })),
          })
        ).body.id as string,
      );
    target = [...groups][0]!;
  });

  it("filters: a ListResponse of our own groups, or a SCIM 400", async () => {
    await checkAsyncProperty(
      fc.asyncProperty(
        groupFilterText([...ids, ...foreignIds]),
        fc.constantFrom("", "&excludedAttributes=members", "&attributes=displayName,members.value", "&count=1&startIndex=2"),
        async (filter, extra) => {
          report.cases++;
          // URLSearchParams, like the Users fuzz: an unpaired surrogate becomes U+FFFD instead of throwing.
          const url = `${ctx.scim.base}/Groups?${new URLSearchParams({ filter }).toString()}${extra}`;
          const res = await send(report, { method: "GET", url, headers: { Authorization: `Bearer ${ctx.scim.token}` } });
          expectScimAnswer(res, `GET /Groups?filter=${filter.slice(0, 200)}`);
          if (res.status !== 200) {
            expect([400, 429, 431]).toContain(res.status); // 431: a URL too long for the server
            return;
          }
          const list = res.body as {
            totalResults: number;
            itemsPerPage: number;
            Resources: { id: string; members?: { value: string }[] }[];
          };
          expect(list.itemsPerPage).toBe(list.Resources.length);
          expect(list.totalResults).toBeLessThanOrEqual(groups.size);
          for (const r of list.Resources) {
            expect(groups.has(r.id), `foreign group ${r.id}`).toBe(true);
            for (const m of r.members ?? []) expect(ids, `foreign member ${m.value}`).toContain(m.value);
          }
        },
      ),
      httpRuns(150),
    );
  });

  it("PATCH: applied whole, or refused with nothing written; members stay this organization's", async () => {
    await checkAsyncProperty(
      fc.asyncProperty(
        groupPatchBody([...ids, ...foreignIds]).chain((b) => bodyText(b)),
        async (text) => {
          report.cases++;
          const before = await groupState(target);
          const res = await send(report, {
            method: "PATCH",
            url: `${ctx.scim.base}/Groups/${target}`,
            headers: { Authorization: `Bearer ${ctx.scim.token}`, "Content-Type": "application/scim+json" },
            body: text,
          });
          const what = `PATCH ${text.slice(0, 300)}`;
          expectScimAnswer(res, what);
          const after = await groupState(target);
          if (res.status >= 400) expect(after, what).toEqual(before);
          else {
            expect(res.status, what).toBe(204);
            for (const m of after!.members) expect(ids, what).toContain(m);
          }
        },
      ),
      httpRuns(150),
    );
  });
});
