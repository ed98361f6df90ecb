// 50 PATCHes to one member at once. Writes to one member are serialised (SQLite: one writer;
// PostgreSQL: the member's row lock), so the outcome must equal *some* serial order of the
// acknowledged PATCHes: each response shows the state right after it, versions are
// consecutive, nothing acknowledged is lost and nothing refused is applied.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hardeningRecord } from "../../stress/support/hardening-record";
import { inconsistencies, storedMember, versionOf } from "../../stress/support/member-state";
import { scimOrg, uniqueUserName, type Json, type ScimResult } from "../scim/scim-client";

const counters = hardeningRecord("concurrency: 50 parallel PATCHes to one member");
const PARALLEL = 50;

/** Acknowledged writes in the order the database applied them (their versions). */
function inVersionOrder<T>(sent: T[], results: ScimResult[]): { input: T; body: Json; version: number }[] {
  return results
    .map((r, i) => ({ input: sent[i]!, body: r.body, version: r.status === 200 ? versionOf(r.body) : 0 }))
    .filter((step) => step.version > 0)
    .sort((a, b) => a.version - b.version);
}

/** Only 200, or a 503 telling the IdP to retry (pool or lock wait exhausted): never a 500. */
function expectAcknowledgedOrRetryable(results: ScimResult[]) {
  const other = results.filter((r) => r.status !== 200 && !(r.status === 503 && r.headers.get("Retry-After")));
  expect(other.map((r) => `${r.status} ${r.text.slice(0, 200)}`)).toEqual([]);
}

describe("50 parallel PATCHes to one member", () => {
  it("each adding a distinct email: every acknowledged one is kept, in a serial order", async () => {
    const { scim } = await scimOrg();
    const created = await scim.post("/Users", {
      userName: uniqueUserName("storm"),
      emails: [{ value: "first@storm.example", type: "work", primary: true }],
    });
    const id = created.body.id as string;
    const values = Array.from({ length: PARALLEL }, (_, i) => `v${i}@storm.example`);
    const results = await Promise.all(
      values.map((value) => scim.patch(`/Users/${id}`, [{ op: "add", path: "emails", value: [{ value, type: "other" }] }])),
    );
    counters.requests += results.length + 2;
    counters.cases++;
    expectAcknowledgedOrRetryable(results);

    // Serial order: each response holds exactly the emails of the one before plus its own.
    const steps = inVersionOrder(values, results);
    expect(steps.map((s) => s.version)).toEqual(steps.map((_, i) => i + 2));
    let emails = ["first@storm.example"];
    for (const step of steps) {
      emails = [...emails, step.input];
      expect((step.body.emails as Json[]).map((e) => e.value)).toEqual(emails);
    }

    const final = await scim.get(`/Users/${id}`);
    expect((final.body.emails as Json[]).map((e) => e.value)).toEqual(emails);
    expect(versionOf(final.body)).toBe(1 + steps.length);
    const stored = (await storedMember(id))!;
    expect(inconsistencies(stored)).toEqual([]);
    expect(await db.auditEvent.count({ where: { targetId: id, action: "scim.user.updated" } })).toBe(steps.length);
    counters.notes.push(`emails: ${steps.length}/${PARALLEL} acknowledged, all kept`);
  });

  it("each setting givenName, familyName and title together: never a mix of two PATCHes", async () => {
    const { scim } = await scimOrg();
    const created = await scim.post("/Users", {
      userName: uniqueUserName("halves"),
      name: { givenName: "G0", familyName: "F0" },
      title: "T0",
    });
    const id = created.body.id as string;
    const tags = Array.from({ length: PARALLEL }, (_, i) => String(i + 1));
    const results = await Promise.all(
      tags.map((t) =>
        scim.patch(`/Users/${id}`, [
          { op: "replace", path: "name.givenName", value: `G${t}` },
          { op: "replace", path: "name.familyName", value: `F${t}` },
          { op: "replace", path: "title", value: `T${t}` },
        ]),
      ),
    );
    counters.requests += results.length + 2;
    counters.cases++;
    expectAcknowledgedOrRetryable(results);

    const steps = inVersionOrder(tags, results);
    expect(steps.map((s) => s.version)).toEqual(steps.map((_, i) => i + 2));
    for (const step of steps)
      expect(step.body).toMatchObject({ name: { givenName: `G${step.input}`, familyName: `F${step.input}` }, title: `T${step.input}` });

    // The last write in the serial order wins as a whole, in the JSON and in the columns.
    const last = steps.at(-1)!.input;
    const final = await scim.get(`/Users/${id}`);
    expect(final.body).toMatchObject({ name: { givenName: `G${last}`, familyName: `F${last}` }, title: `T${last}` });
    const stored = (await storedMember(id))!;
    expect(stored.columns).toMatchObject({ givenName: `G${last}`, familyName: `F${last}`, displayName: `G${last} F${last}` });
    expect(inconsistencies(stored)).toEqual([]);
    counters.notes.push(`multi-operation: ${steps.length}/${PARALLEL} acknowledged, no halves`);
  });
});
