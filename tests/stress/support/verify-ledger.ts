// After the faults: does the database hold every acknowledged write, whole, and nothing that
// was never sent? Checked per member against the ledger, in the database and through SCIM.
import { db } from "@/lib/db";
import { ENT, type Json } from "../../integration/scim/scim-client";
import { inconsistencies, storedMember, versionOf, type StoredMember } from "./member-state";
import type { ScimClientAt } from "./scim-at";
import { isAcknowledged, isUnknown, userNameFor, type Ledger, type Sent } from "./workload";

/** The tags a resource's attributes carry; exactly one when it was written whole. */
export function tagsOf(attributes: Json, externalId: unknown): Set<string> {
  const name = (attributes.name ?? {}) as Json;
  const email = ((attributes.emails ?? []) as Json[])[0]?.value;
  const ext = (attributes[ENT] ?? {}) as Json;
  const values = [name.givenName, name.familyName, attributes.title, ext.department, externalId].map((v) =>
    String(v).replace(/^[A-Z]-/, ""),
  );
  return new Set([...values, String(email).replace(/@stress\.example$/, "")]);
}

const only = (tags: Set<string>) => (tags.size === 1 ? [...tags][0] : undefined);

export interface Verdict {
  members: number;
  acknowledgedWrites: number;
  /** GET requests sent to compare what SCIM shows with what is stored. */
  reads: number;
  problems: string[];
}

function checkMember(id: string, stored: StoredMember | null, writes: Sent[], problems: string[]) {
  const acked = writes.filter(isAcknowledged);
  const unknown = writes.filter(isUnknown);
  // Each 2xx answer shows its own write, whole.
  for (const s of acked.filter((s) => s.body?.meta)) {
    if (only(tagsOf(s.body!, s.body!.externalId)) !== s.tag)
      problems.push(`${id}: the answer to ${s.op} ${s.tag} shows ${[...tagsOf(s.body!, s.body!.externalId)].join(", ")}`);
  }
  const ackedDelete = acked.some((s) => s.op === "delete");
  if (!stored) {
    if (!ackedDelete && !unknown.some((s) => s.op === "delete"))
      problems.push(`${id}: acknowledged member is gone, and no DELETE of it was ever sent`);
    return;
  }
  if (ackedDelete) return void problems.push(`${id}: DELETE was acknowledged (204) but the member is still there`);
  problems.push(...inconsistencies(stored));
  const tag = only(tagsOf(stored.attributes, stored.externalId));
  if (!tag)
    return void problems.push(
      `${id}: half-applied write, its attributes carry tags ${[...tagsOf(stored.attributes, stored.externalId)].join(", ")}`,
    );
  const last = acked.filter((s) => s.body?.meta).sort((a, b) => versionOf(b.body!) - versionOf(a.body!))[0];
  const ackedVersion = last ? versionOf(last.body!) : 0;
  if (stored.version < ackedVersion)
    return void problems.push(`${id}: version ${stored.version} but version ${ackedVersion} was acknowledged (a write was lost)`);
  if (last && stored.version === ackedVersion && tag !== last.tag)
    problems.push(`${id}: version ${ackedVersion} was acknowledged with write ${last.tag} but holds ${tag}`);
  if (stored.version > ackedVersion) {
    // Writes applied after the last acknowledged one can only be writes whose answer was lost.
    const candidates = unknown.filter((s) => s.op === "put" || s.op === "patch" || s.op === "post");
    if (stored.version - ackedVersion > candidates.length)
      problems.push(`${id}: ${stored.version - ackedVersion} writes past the last acknowledged one, only ${candidates.length} unanswered`);
    if (!candidates.some((s) => s.tag === tag)) problems.push(`${id}: holds write ${tag}, which was not an unanswered write to it`);
  }
}

/** Every member the load touched, plus every SCIM member of the organization (nothing phantom). */
export async function verifyLedger(ledger: Ledger, orgId: string, scim: ScimClientAt | null): Promise<Verdict> {
  const problems: string[] = [];
  const byId = new Map<string, Sent[]>();
  for (const s of ledger.sent) if (s.id) byId.set(s.id, [...(byId.get(s.id) ?? []), s]);

  for (const [id, writes] of byId) checkMember(id, await storedMember(id), writes, problems);

  // Members nobody acknowledged creating must come from a POST whose answer was lost.
  const unanswered = new Map(ledger.sent.filter((s) => s.op === "post" && isUnknown(s)).map((s) => [userNameFor(s.tag), s]));
  const managed = await db.member.findMany({ where: { organizationId: orgId, scimManaged: true }, select: { id: true, userName: true } });
  for (const m of managed.filter((m) => !byId.has(m.id))) {
    const post = unanswered.get(m.userName);
    if (!post) {
      problems.push(`${m.id}: member ${m.userName} exists but no unanswered POST created it`);
      continue;
    }
    // From now on the ledger knows it: later rounds write to it and verify it like the others.
    post.id = m.id;
    ledger.live.set(m.id, m.userName);
    checkMember(m.id, await storedMember(m.id), [post], problems);
  }

  // What the IdP reads back is what is stored.
  let reads = 0;
  if (scim) {
    for (const m of managed) {
      const res = await scim.get(`/Users/${m.id}`);
      reads++;
      const stored = await storedMember(m.id);
      if (res.status === 404 && !stored) continue;
      if (res.status !== 200 || !stored) problems.push(`${m.id}: GET answered ${res.status}`);
      else if (
        versionOf(res.body) !== stored.version ||
        only(tagsOf(res.body, res.body.externalId)) !== only(tagsOf(stored.attributes, stored.externalId))
      )
        problems.push(`${m.id}: GET shows a different state than the database holds`);
    }
  }
  return { members: byId.size, acknowledgedWrites: ledger.sent.filter(isAcknowledged).length, reads, problems };
}
