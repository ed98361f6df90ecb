// PUT and PATCH racing on one member, and PATCH racing DELETE. A PUT replaces the whole
// resource, a PATCH changes part of it; replayed in version order, every acknowledged
// response must be exactly what that one write did to the state before it: a PUT's name
// never sits next to a PATCH's emails from another request.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hardeningRecord } from "../../stress/support/hardening-record";
import { inconsistencies, storedMember, versionOf } from "../../stress/support/member-state";
import { CORE, scimOrg, uniqueUserName, type Json, type ScimResult } from "../scim/scim-client";

const counters = hardeningRecord("concurrency: PUT vs PATCH vs DELETE on one member");

type Write = { kind: "put" | "patch"; tag: string };
type State = { name: Json; emails: Json[]; title: string; externalId: string };

const emails = (value: string) => [{ value, type: "work", primary: true }];
const putState = (tag: string): State => ({
  name: { givenName: `PG${tag}`, familyName: `PF${tag}` },
  emails: emails(`put${tag}@race.example`),
  title: `PT${tag}`,
  externalId: `PX${tag}`,
});
const patchOps = (tag: string) => [
  { op: "replace", path: "name.givenName", value: `AG${tag}` },
  { op: "replace", path: "name.familyName", value: `AF${tag}` },
  { op: "replace", path: "emails", value: emails(`patch${tag}@race.example`) },
];
/** What the PATCH does to the state before it: name and emails change together, the rest stays. */
const afterPatch = (before: State, tag: string): State => ({
  ...before,
  name: { givenName: `AG${tag}`, familyName: `AF${tag}` },
  emails: emails(`patch${tag}@race.example`),
});
const stateOf = (body: Json): State => ({
  name: body.name as Json,
  emails: body.emails as Json[],
  title: body.title as string,
  externalId: body.externalId as string,
});

describe("concurrent writes of different kinds to one member", () => {
  it("PUT vs PATCH never mixes halves: each response is its write applied to the previous state", async () => {
    const { scim } = await scimOrg();
    const userName = uniqueUserName("putpatch");
    const initial = putState("0");
    const created = await scim.post("/Users", { schemas: [CORE], userName, ...initial });
    const id = created.body.id as string;
    const writes: Write[] = Array.from({ length: 40 }, (_, i) => ({ kind: i % 2 ? "patch" : "put", tag: String(i + 1) }));
    const results = await Promise.all(
      writes.map((w) =>
        w.kind === "put"
          ? scim.put(`/Users/${id}`, { schemas: [CORE], userName, ...putState(w.tag) })
          : scim.patch(`/Users/${id}`, patchOps(w.tag)),
      ),
    );
    counters.requests += results.length + 2;
    counters.cases++;
    const unexpected = results.filter((r) => r.status !== 200 && !(r.status === 503 && r.headers.get("Retry-After")));
    expect(unexpected.map((r) => `${r.status} ${r.text.slice(0, 200)}`)).toEqual([]);

    const steps = results
      .map((r, i) => ({ write: writes[i]!, body: r.body, version: r.status === 200 ? versionOf(r.body) : 0 }))
      .filter((s) => s.version > 0)
      .sort((a, b) => a.version - b.version);
    expect(steps.map((s) => s.version)).toEqual(steps.map((_, i) => i + 2));
    let state = initial;
    for (const step of steps) {
      state = step.write.kind === "put" ? putState(step.write.tag) : afterPatch(state, step.write.tag);
      expect(stateOf(step.body)).toEqual(state);
    }
    const final = await scim.get(`/Users/${id}`);
    expect(stateOf(final.body)).toEqual(state);
    expect(inconsistencies((await storedMember(id))!)).toEqual([]);
    counters.notes.push(`PUT/PATCH: ${steps.length}/${writes.length} acknowledged, replayed exactly`);
  });

  it("PATCH vs DELETE: PATCHes land before the DELETE or get 404; nothing is left behind", async () => {
    const { scim } = await scimOrg();
    const created = await scim.post("/Users", { userName: uniqueUserName("patchdelete"), emails: emails("keep@race.example") });
    const id = created.body.id as string;
    // Four IdP-like lanes of sequential PATCHes; the DELETE goes out mid-stream, so some
    // PATCHes are answered before it, some are in flight with it and some come after.
    const patched: ScimResult[] = [];
    let deleting: Promise<ScimResult> | undefined;
    const lane = async (l: number) => {
      for (let i = 0; i < 5; i++) {
        patched.push(
          await scim.patch(`/Users/${id}`, [{ op: "add", path: "emails", value: [{ value: `p${l}-${i}@race.example`, type: "other" }] }]),
        );
        if (patched.length === 8) deleting = scim.delete(`/Users/${id}`);
      }
    };
    await Promise.all([0, 1, 2, 3].map(lane));
    const deleted = await deleting!;
    counters.requests += patched.length + 3;
    counters.cases++;
    expect(deleted.status).toBe(204);
    expect(patched.filter((r) => r.status !== 200 && r.status !== 404 && r.status !== 503).map((r) => r.status)).toEqual([]);
    // The acknowledged PATCHes all happened before the DELETE, one after the other.
    const versions = patched
      .filter((r) => r.status === 200)
      .map((r) => versionOf(r.body))
      .sort((a, b) => a - b);
    expect(versions).toEqual(versions.map((_, i) => i + 2));

    expect((await scim.get(`/Users/${id}`)).status).toBe(404);
    expect(await db.member.count({ where: { id } })).toBe(0);
    expect(await db.memberEmail.count({ where: { memberId: id } })).toBe(0);
    counters.notes.push(`PATCH/DELETE: ${versions.length} PATCHes before the DELETE, the rest 404`);
  });
});
