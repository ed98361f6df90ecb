// Racing creates, beyond tests/integration/scim/adoption.test.ts (one userName → one member):
// the winner is stored whole (not a mix of the racers' attributes), distinct userNames never
// block each other, and a POST racing the DELETE of that userName ends in a coherent state.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hardeningRecord } from "../../stress/support/hardening-record";
import { inconsistencies, storedMember } from "../../stress/support/member-state";
import { eventsOf, scimOrg, uniqueUserName } from "../scim/scim-client";

const counters = hardeningRecord("concurrency: racing creates");

const userBody = (userName: string, tag: string) => ({
  userName,
  name: { givenName: `G${tag}`, familyName: `F${tag}` },
  title: `T${tag}`,
  emails: [{ value: `${tag}@create.example`, type: "work", primary: true }],
});

describe("racing creates", () => {
  it("20 POSTs of one userName with different attributes: one member, holding exactly the winner's", async () => {
    const { org, scim } = await scimOrg();
    const userName = uniqueUserName("winner");
    const tags = Array.from({ length: 20 }, (_, i) => `c${i}`);
    const results = await Promise.all(tags.map((tag, i) => scim.post("/Users", userBody(i % 2 ? userName.toUpperCase() : userName, tag))));
    counters.requests += results.length;
    counters.cases++;
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array<number>(19).fill(409)]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.scimType === "uniqueness")).toBe(true);

    const winner = results.findIndex((r) => r.status === 201);
    const id = results[winner]!.body.id as string;
    const stored = (await storedMember(id))!;
    const { userName: _sent, ...attributes } = userBody(userName, tags[winner]!);
    expect(stored.attributes).toMatchObject(attributes);
    expect(stored.emailRows).toEqual([{ value: `${tags[winner]}@create.example`, type: "work", primary: true }]);
    expect(inconsistencies(stored)).toEqual([]);
    expect(await db.member.count({ where: { organizationId: org.orgId, userNameLower: userName.toLowerCase() } })).toBe(1);
    expect(await eventsOf(org.orgId, "scim.user.created")).toHaveLength(1);
    counters.notes.push("1 of 20 same-userName POSTs won, stored whole");
  });

  it("30 POSTs of distinct userNames at once all succeed: no false uniqueness conflicts", async () => {
    const { org, scim } = await scimOrg();
    const names = Array.from({ length: 30 }, (_, i) => uniqueUserName(`many${i}`));
    const results = await Promise.all(names.map((n, i) => scim.post("/Users", userBody(n, `m${i}`))));
    counters.requests += results.length;
    counters.cases++;
    expect(results.map((r) => r.status)).toEqual(names.map(() => 201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(30);
    expect(await db.member.count({ where: { organizationId: org.orgId, scimManaged: true } })).toBe(30);
    for (const r of results) expect(inconsistencies((await storedMember(r.body.id as string))!)).toEqual([]);
    counters.notes.push("30/30 distinct POSTs created");
  });

  it("POSTs racing the DELETE of that userName: a 409 while it exists, at most one new member after", async () => {
    const { org, scim } = await scimOrg();
    const userName = uniqueUserName("recreate");
    const first = await scim.post("/Users", userBody(userName, "old"));
    const oldId = first.body.id as string;
    const results = await Promise.all([
      scim.delete(`/Users/${oldId}`),
      ...Array.from({ length: 8 }, (_, i) => scim.post("/Users", userBody(userName, `new${i}`))),
    ]);
    counters.requests += results.length + 1;
    counters.cases++;
    const [deleted, ...posts] = results;
    expect(deleted!.status).toBe(204);
    const created = posts.filter((r) => r.status === 201);
    expect(posts.filter((r) => r.status !== 201 && r.status !== 409).map((r) => r.status)).toEqual([]);
    expect(created.length).toBeLessThanOrEqual(1);

    const remaining = await db.member.findMany({
      where: { organizationId: org.orgId, userNameLower: userName.toLowerCase() },
      select: { id: true },
    });
    expect(remaining.map((m) => m.id)).toEqual(created.map((r) => r.body.id));
    expect(remaining.every((m) => m.id !== oldId)).toBe(true);
    expect(await db.memberEmail.count({ where: { memberId: oldId } })).toBe(0);
    counters.notes.push(`POST vs DELETE: ${created.length} re-created, ${posts.length - created.length} refused 409`);
  });
});
