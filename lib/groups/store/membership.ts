import type { SqlRunner } from "../../db/sql";
import { recordEvent, type Actor } from "../../audit/record-event";
import type { GroupRow } from "./columns";
import { ADD_MEMBERS, CLEAR_MEMBERS, MAPPING_OF, NAMES_OF, ONLY_THROUGH_GROUP, REMOVE_MEMBERS, REMOVE_MEMBERS_NOT_IN } from "./statements";

/** One membership change as the IdP asked for it; each is one set-based statement (two for `set`). */
export type MembershipOp =
  { kind: "add"; ids: string[] } | { kind: "remove"; ids: string[] } | { kind: "clear" } | { kind: "set"; ids: string[] };

export interface MembershipDelta {
  added: string[];
  removed: string[];
}

const idsOf = (rows: readonly (readonly unknown[])[]) => rows.map((r) => String(r[0]));

/**
 * Applies the operations in order inside the caller's transaction and returns the net change
 * (a member removed and added back in one request is neither). Unknown ids change nothing.
 */
export async function applyMembership(tx: SqlRunner, group: GroupRow, ops: readonly MembershipOp[], now: Date): Promise<MembershipDelta> {
  const added = new Set<string>();
  const removed = new Set<string>();
  const onAdded = (ids: string[]) => ids.forEach((id) => (removed.has(id) ? removed.delete(id) : added.add(id)));
  const onRemoved = (ids: string[]) => ids.forEach((id) => (added.has(id) ? added.delete(id) : removed.add(id)));
  const orgId = group.organizationId;
  const groupId = group.id;
  for (const op of ops) {
    if (op.kind === "clear") onRemoved(idsOf(await tx.rows(CLEAR_MEMBERS, { groupId })));
    else if (op.kind === "remove") {
      if (op.ids.length) onRemoved(idsOf(await tx.rows(REMOVE_MEMBERS, { groupId, ids: op.ids })));
    } else {
      if (op.kind === "set") onRemoved(idsOf(await tx.rows(REMOVE_MEMBERS_NOT_IN, { groupId, ids: op.ids })));
      if (op.ids.length) onAdded(idsOf(await tx.rows(ADD_MEMBERS, { groupId, orgId, ids: op.ids, now })));
    }
  }
  return { added: [...added], removed: [...removed] };
}

const members = (n: number) => `${n.toLocaleString("en-US")} member${n === 1 ? "" : "s"}`;

/** "3 members: ann, bob, carl" / "1,000 members: ann, bob, carl…". */
async function summary(tx: SqlRunner, orgId: string, ids: string[], names?: string[]): Promise<string> {
  const first = names ? names.slice(0, 3) : (await tx.rows(NAMES_OF, { orgId, ids })).map((r) => String(r[0]));
  return `${members(ids.length)}: ${first.join(", ")}${ids.length > first.length ? "…" : ""}`;
}

const groupTarget = (g: GroupRow) => ({ type: "group", id: g.id, label: g.displayName });

/**
 * One event per request for the members added and one for those removed (counts and the
 * first names), and, when the group is mapped, one for the IAM permissions that granted or
 * revoked: only members who hold it through this group alone (no hand grant, not the owner,
 * no other mapped group) gain or lose it.
 */
export async function recordMembership(tx: SqlRunner, group: GroupRow, delta: MembershipDelta, actor: Actor, now: Date): Promise<void> {
  const orgId = group.organizationId;
  const target = groupTarget(group);
  if (delta.added.length)
    await recordEvent(
      {
        organizationId: orgId,
        actor,
        action: "scim.group.members_added",
        target,
        detail: `Added ${await summary(tx, orgId, delta.added)}.`,
      },
      tx,
      now,
    );
  if (delta.removed.length)
    await recordEvent(
      {
        organizationId: orgId,
        actor,
        action: "scim.group.members_removed",
        target,
        detail: `Removed ${await summary(tx, orgId, delta.removed)}.`,
      },
      tx,
      now,
    );
  if (!delta.added.length && !delta.removed.length) return;
  if (!(await tx.row(MAPPING_OF, { groupId: group.id }))) return;
  await recordPermissionChanges(tx, group, delta, actor, now);
}

/** The IAM permission changes a membership change (or a mapping change) causes, recorded once each way. */
export async function recordPermissionChanges(
  tx: SqlRunner,
  group: GroupRow,
  delta: MembershipDelta,
  actor: Actor,
  now: Date,
): Promise<void> {
  const orgId = group.organizationId;
  // A millisecond after the change that causes them, so that the activity log (newest first,
  // by time) never shows a grant before the membership or mapping change behind it.
  const after = new Date(now.getTime() + 1);
  const target = groupTarget(group);
  for (const [ids, action, verb] of [
    [delta.added, "group.permission.granted", "Granted the IAM permission through this group to"],
    [delta.removed, "group.permission.revoked", "Revoked the IAM permission granted through this group from"],
  ] as const) {
    if (!ids.length) continue;
    const rows = await tx.rows(ONLY_THROUGH_GROUP, { orgId, ids, groupId: group.id });
    if (!rows.length) continue;
    const names = rows.map((r) => String(r[1]));
    await recordEvent(
      { organizationId: orgId, actor, action, target, detail: `${verb} ${await summary(tx, orgId, idsOf(rows), names)}.` },
      tx,
      after,
    );
  }
}
