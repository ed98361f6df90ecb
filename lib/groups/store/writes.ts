import { randomUUID } from "node:crypto";
import { sql } from "../../db";
import { isUniqueViolation, type SqlRunner } from "../../db/sql";
import { recordEvent, type Actor } from "../../audit/record-event";
import { groupFromRow, type GroupProfile, type GroupRow } from "./columns";
import { duplicateDisplayName, groupNotFound } from "./errors";
import { applyMembership, recordMembership, recordPermissionChanges, type MembershipOp } from "./membership";
import {
  DELETE_GROUP,
  GROUP_BY_ID_FOR_UPDATE,
  INSERT_GROUP,
  MAPPING_OF,
  MEMBER_IDS_OF_GROUP,
  TOUCH_GROUP,
  UPDATE_GROUP,
} from "./statements";

// The SCIM face's group writes: each one raw-driver transaction that reads the group (locking
// its row on PostgreSQL, so concurrent PATCHes of one group apply one after the other and keep
// every change; SQLite's BEGIN IMMEDIATE holds the database), writes the group, its
// memberships (set-based) and the audit events, and commits — or does nothing.

/**
 * Runs a write; the unique (organizationId, displayNameLower) index arbitrates duplicate names.
 * (A deadlock with a DELETE /Users of a member, on PostgreSQL, is run again by sql.transaction.)
 */
async function write<T>(displayName: () => string | undefined, fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
  try {
    return await sql.transaction(fn);
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateDisplayName(displayName() ?? "");
    throw err;
  }
}

const target = (g: GroupRow) => ({ type: "group", id: g.id, label: g.displayName });

function columns(p: GroupProfile) {
  return {
    displayName: p.displayName,
    displayNameLower: p.displayName.toLowerCase(),
    externalId: p.externalId,
    scimAttributes: JSON.stringify(p.attributes),
  };
}

/** POST /Groups: the group and its initial members in one transaction; a displayName taken (any case) is a 409. */
export async function createScimGroup(orgId: string, profile: GroupProfile, memberIds: string[], actor: Actor): Promise<GroupRow> {
  return write(
    () => profile.displayName,
    async (tx) => {
      const now = new Date();
      const row: GroupRow = {
        id: randomUUID(),
        organizationId: orgId,
        displayName: profile.displayName,
        externalId: profile.externalId,
        scimAttributes: JSON.stringify(profile.attributes),
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      if ((await tx.run(INSERT_GROUP, { id: row.id, orgId, ...columns(profile), now })) === 0)
        throw duplicateDisplayName(profile.displayName);
      await recordEvent({ organizationId: orgId, actor, action: "scim.group.created", target: target(row) }, tx, now);
      const delta = await applyMembership(tx, row, memberIds.length ? [{ kind: "add", ids: memberIds }] : [], now);
      await recordMembership(tx, row, delta, actor, now);
      return row;
    },
  );
}

export interface GroupUpdate {
  /** The group's own attributes after the change (PUT: the body; PATCH: the operations applied). */
  profile: GroupProfile;
  membership: MembershipOp[];
}

function changedNames(row: GroupRow, p: GroupProfile): string[] {
  const changed: string[] = [];
  if (row.displayName !== p.displayName) changed.push("displayName");
  if (row.externalId !== p.externalId) changed.push("externalId");
  if ((row.scimAttributes ?? "{}") !== JSON.stringify(p.attributes)) changed.push("attributes");
  return changed;
}

/**
 * PUT and PATCH /Groups/<id>: the group is read once, under its lock; `next` turns it into the
 * change to make. A rename is audited as such; membership changes as one event each way.
 */
export async function updateScimGroup(
  orgId: string,
  id: string,
  next: (current: GroupRow) => GroupUpdate,
  actor: Actor,
): Promise<GroupRow> {
  let profile: GroupProfile | undefined;
  return write(
    () => profile?.displayName,
    async (tx) => {
      const found = await tx.row(GROUP_BY_ID_FOR_UPDATE, { id, orgId });
      if (!found) throw groupNotFound(id);
      const row = groupFromRow(found);
      const change = next(row);
      profile = change.profile;
      const now = new Date();
      const changed = changedNames(row, change.profile);
      let updated = row;
      if (changed.length) {
        await tx.run(UPDATE_GROUP, { id, orgId, ...columns(change.profile), now });
        updated = {
          ...row,
          displayName: change.profile.displayName,
          externalId: change.profile.externalId,
          scimAttributes: JSON.stringify(change.profile.attributes),
          version: row.version + 1,
          updatedAt: now,
        };
        if (changed.includes("displayName"))
          await recordEvent(
            {
              organizationId: orgId,
              actor,
              action: "scim.group.renamed",
              target: target(updated),
              detail: `Renamed from ${row.displayName} to ${updated.displayName}.`,
            },
            tx,
            now,
          );
        else
          await recordEvent(
            {
              organizationId: orgId,
              actor,
              action: "scim.group.updated",
              target: target(updated),
              detail: `Changed: ${changed.join(", ")}.`,
            },
            tx,
            now,
          );
      }
      const delta = await applyMembership(tx, updated, change.membership, now);
      if ((delta.added.length || delta.removed.length) && !changed.length) {
        await tx.run(TOUCH_GROUP, { id, orgId, now });
        updated = { ...updated, version: updated.version + 1, updatedAt: now };
      }
      await recordMembership(tx, updated, delta, actor, now);
      return updated;
    },
  );
}

/** DELETE /Groups/<id>: its memberships and mapping cascade; members who held the IAM permission through it alone lose it. */
export async function deleteScimGroup(orgId: string, id: string, actor: Actor): Promise<void> {
  await write(
    () => undefined,
    async (tx) => {
      const found = await tx.row(GROUP_BY_ID_FOR_UPDATE, { id, orgId });
      if (!found) throw groupNotFound(id);
      const row = groupFromRow(found);
      const now = new Date();
      if (await tx.row(MAPPING_OF, { groupId: id })) {
        const memberIds = (await tx.rows(MEMBER_IDS_OF_GROUP, { groupId: id })).map((r) => String(r[0]));
        await recordPermissionChanges(tx, row, { added: [], removed: memberIds }, actor, now);
      }
      await tx.run(DELETE_GROUP, { id, orgId });
      await recordEvent({ organizationId: orgId, actor, action: "scim.group.deleted", target: target(row) }, tx, now);
    },
  );
}
