import { sql } from "../../db";
import type { SqlRunner } from "../../db/sql";
import { recordEvent, type Actor } from "../../audit/record-event";
import { groupFromRow, type GroupRow } from "./columns";
import { groupNotFound } from "./errors";
import { recordPermissionChanges } from "./membership";
import {
  DELETE_MAPPING,
  GROUP_BY_ID,
  GROUP_BY_ID_FOR_UPDATE,
  INSERT_MAPPING,
  MAPPING_OF,
  MEMBER_IDS_OF_GROUP,
  ONLY_THROUGH_GROUP,
} from "./statements";

// Group → permission mappings, set from the console by the owner or an IAM manager. A mapping
// names the group by its id (a rename in the IdP keeps it). Only "iam" exists: may manage
// provisioning. The effective permission is computed on every request (members/store/memberships.ts),
// spelled once for every read that asks it (iam-permission.ts).

export type MappedPermission = "iam";

export interface MappingPreview {
  groupId: string;
  /** The mapping as it would be after saving. */
  permission: MappedPermission | null;
  gain: { count: number; names: string[] };
  lose: { count: number; names: string[] };
}

async function lockedGroup(tx: SqlRunner, orgId: string, groupId: string, lock: boolean): Promise<GroupRow> {
  const found = await tx.row(lock ? GROUP_BY_ID_FOR_UPDATE : GROUP_BY_ID, { id: groupId, orgId });
  if (!found) throw groupNotFound(groupId);
  return groupFromRow(found);
}

/** Members whose IAM permission would depend on this group alone (no hand grant, not the owner, no other mapped group). */
async function onlyThroughGroup(tx: SqlRunner, group: GroupRow): Promise<{ id: string; userName: string }[]> {
  const ids = (await tx.rows(MEMBER_IDS_OF_GROUP, { groupId: group.id })).map((r) => String(r[0]));
  if (!ids.length) return [];
  return (await tx.rows(ONLY_THROUGH_GROUP, { orgId: group.organizationId, ids, groupId: group.id })).map((r) => ({
    id: String(r[0]),
    userName: String(r[1]),
  }));
}

async function preview(
  tx: SqlRunner,
  group: GroupRow,
  permission: MappedPermission | null,
): Promise<MappingPreview & { affected: string[] }> {
  const current = (await tx.row(MAPPING_OF, { groupId: group.id })) ? "iam" : null;
  const affected = current === permission ? [] : await onlyThroughGroup(tx, group);
  const summary = { count: affected.length, names: affected.slice(0, 5).map((m) => m.userName) };
  const none = { count: 0, names: [] };
  return {
    groupId: group.id,
    permission,
    gain: permission ? summary : none,
    lose: permission ? none : summary,
    affected: affected.map((m) => m.id),
  };
}

/** What saving would change: who gains the IAM permission, who loses it. */
export async function previewGroupMapping(orgId: string, groupId: string, permission: MappedPermission | null): Promise<MappingPreview> {
  const { affected: _affected, ...p } = await preview(sql, await lockedGroup(sql, orgId, groupId, false), permission);
  return p;
}

/**
 * Saves the mapping and records it, with the permissions it grants or revokes, in one
 * transaction; answers what changed (the same numbers the preview showed, unless the IdP
 * changed the group in between).
 */
export async function setGroupMapping(
  orgId: string,
  groupId: string,
  permission: MappedPermission | null,
  actor: Actor & { type: "user" },
): Promise<MappingPreview> {
  return sql.transaction(async (tx) => {
    const group = await lockedGroup(tx, orgId, groupId, true);
    const { affected, ...result } = await preview(tx, group, permission);
    const current = (await tx.row(MAPPING_OF, { groupId })) ? "iam" : null;
    if (current === permission) return result;
    const now = new Date();
    if (permission) await tx.run(INSERT_MAPPING, { groupId, orgId, permission, now, createdById: actor.id });
    else await tx.run(DELETE_MAPPING, { groupId, orgId });
    const target = { type: "group", id: group.id, label: group.displayName };
    await recordEvent(
      {
        organizationId: orgId,
        actor,
        action: permission ? "group.mapping.created" : "group.mapping.removed",
        target,
        detail: permission
          ? "Members of this group get the IAM permission (manage provisioning)."
          : "Members of this group no longer get the IAM permission through it.",
      },
      tx,
      now,
    );
    // `affected` was computed with this group excluded: exactly who gains or loses.
    await recordPermissionChanges(tx, group, permission ? { added: affected, removed: [] } : { added: [], removed: affected }, actor, now);
    return result;
  });
}
