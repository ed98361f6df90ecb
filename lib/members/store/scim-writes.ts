import { randomUUID } from "node:crypto";
import { sql } from "../../db";
import { isUniqueViolation, type SqlRunner } from "../../db/sql";
import { recordEvent, type Actor } from "../../audit/record-event";
import { ownerProtects } from "../member-rules";
import { memberFromRow, type MemberRow } from "./columns";
import { changedAttributes } from "./changed-attributes";
import { changedMeanwhile, duplicateUserName, memberNotFound, ownerProtected } from "./errors";
import { emailRows, scimColumns, type ScimProfile } from "./scim-profile";
import {
  DELETE_EMAILS,
  DELETE_MEMBER,
  INSERT_EMAIL,
  INSERT_MEMBER,
  MEMBER_BY_USERNAME_FOR_UPDATE,
  SCIM_MEMBER_BY_ID_FOR_UPDATE,
  UPDATE_SCIM_MEMBER,
} from "./statements";

// The SCIM face's writes: each one transaction on the raw driver (lib/db/sql.ts) that reads the
// member (locking it on PostgreSQL; SQLite's BEGIN IMMEDIATE holds the database), decides,
// writes the member, its MemberEmail rows and the audit events, and commits — or does nothing.

export type UserAction =
  "scim.user.created" | "scim.user.adopted" | "scim.user.updated" | "scim.user.locked" | "scim.user.unlocked" | "scim.user.deleted";

/** Runs a write; the unique (organizationId, userNameLower) index arbitrates duplicate userNames, races included. */
async function write<T>(userName: () => string | undefined, fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
  try {
    return await sql.transaction(fn);
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateUserName(userName() ?? "");
    throw err;
  }
}

function record(
  tx: SqlRunner,
  actor: Actor,
  action: UserAction,
  m: { id: string; organizationId: string; userName: string },
  now: Date,
  detail?: string,
) {
  return recordEvent(
    { organizationId: m.organizationId, actor, action, target: { type: "member", id: m.id, label: m.userName }, detail },
    tx,
    now,
  );
}

async function writeEmails(tx: SqlRunner, memberId: string, profile: ScimProfile, replace: boolean): Promise<void> {
  if (replace) await tx.run(DELETE_EMAILS, { memberId });
  for (const e of emailRows(profile)) await tx.run(INSERT_EMAIL, { memberId, ...e });
}

/** The stored columns a MemberRow carries (not the lower-cased twins). */
function rowColumns(c: ReturnType<typeof scimColumns>) {
  return {
    userName: c.userName,
    email: c.email,
    givenName: c.givenName,
    familyName: c.familyName,
    displayName: c.displayName,
    externalId: c.externalId,
    scimAttributes: c.scimAttributes,
  };
}

/** A new member, or null when the organization already has one of that userName. */
async function insert(tx: SqlRunner, orgId: string, profile: ScimProfile, actor: Actor): Promise<MemberRow | null> {
  const id = randomUUID();
  const now = new Date();
  const cols = scimColumns(profile);
  const locked = profile.active === false;
  if ((await tx.run(INSERT_MEMBER, { id, orgId, ...cols, locked, now })) === 0) return null;
  await writeEmails(tx, id, profile, false);
  const row: MemberRow = {
    id,
    organizationId: orgId,
    role: "member",
    ...rowColumns(cols),
    locked,
    scimManaged: true,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await record(tx, actor, "scim.user.created", row, now, locked ? "Created locked (active: false)." : undefined);
  return row;
}

/**
 * Writes a SCIM User over an existing member: columns, MemberEmail rows, version + 1 and the
 * audit events. `adopt` claims an unmanaged member. An identical write (Entra re-sending what
 * it sent before) changes nothing and records nothing.
 */
async function overwrite(tx: SqlRunner, row: MemberRow, profile: ScimProfile, actor: Actor, adopt: boolean): Promise<MemberRow> {
  const locked = profile.active === undefined ? row.locked : !profile.active;
  if (locked && !row.locked && ownerProtects(row, "lock")) throw ownerProtected("lock");
  const changed = changedAttributes(row, profile);
  if (!adopt && !changed.length && locked === row.locked) return row;

  const now = new Date();
  const cols = scimColumns(profile);
  const n = await tx.run(UPDATE_SCIM_MEMBER, { ...cols, locked, now, id: row.id, orgId: row.organizationId, version: row.version });
  if (n === 0) throw changedMeanwhile(); // cannot happen under the lock; never overwrite if it does
  if (adopt || changed.includes("emails") || !row.scimAttributes) await writeEmails(tx, row.id, profile, true);
  const updated: MemberRow = { ...row, ...rowColumns(cols), locked, scimManaged: true, version: row.version + 1, updatedAt: now };

  if (adopt) await record(tx, actor, "scim.user.adopted", updated, now, locked ? "Adopted and locked (active: false)." : undefined);
  else if (changed.length) await record(tx, actor, "scim.user.updated", updated, now, `Changed: ${changed.join(", ")}.`);
  if (!adopt && locked !== row.locked) await record(tx, actor, locked ? "scim.user.locked" : "scim.user.unlocked", updated, now);
  return updated;
}

/**
 * POST /Users: a new member, or the organization's unmanaged member of that userName adopted
 * (it keeps its id and takes the IdP's attributes); a managed one is a duplicate.
 */
export async function createScimMember(orgId: string, profile: ScimProfile, actor: Actor): Promise<{ row: MemberRow; adopted: boolean }> {
  return write(
    () => profile.userName,
    async (tx) => {
      // Most POSTs create: try the insert first, and look at the existing member only if there is one.
      const created = await insert(tx, orgId, profile, actor);
      if (created) return { row: created, adopted: false };
      const found = await tx.row(MEMBER_BY_USERNAME_FOR_UPDATE, { orgId, userNameLower: profile.userName.toLowerCase() });
      if (!found) throw duplicateUserName(profile.userName); // deleted in between: the IdP retries
      const existing = memberFromRow(found);
      if (existing.scimManaged) throw duplicateUserName(profile.userName);
      return { row: await overwrite(tx, existing, profile, actor, true), adopted: true };
    },
  );
}

/**
 * PUT and PATCH /Users/<id> in one pass: the member is read once, `next` turns it into the
 * profile to store (PUT: the body; PATCH: the operations applied to it), and that is written.
 */
export async function updateScimMember(
  orgId: string,
  id: string,
  next: (current: MemberRow) => ScimProfile,
  actor: Actor,
): Promise<MemberRow> {
  let profile: ScimProfile | undefined;
  return write(
    () => profile?.userName,
    async (tx) => {
      const found = await tx.row(SCIM_MEMBER_BY_ID_FOR_UPDATE, { id, orgId });
      if (!found) throw memberNotFound(id);
      const current = memberFromRow(found);
      profile = next(current);
      return overwrite(tx, current, profile, actor, false);
    },
  );
}

/** DELETE /Users/<id>: the member row goes (its emails cascade); the owner stays. */
export async function deleteScimMember(orgId: string, id: string, actor: Actor): Promise<void> {
  await write(
    () => undefined,
    async (tx) => {
      const found = await tx.row(SCIM_MEMBER_BY_ID_FOR_UPDATE, { id, orgId });
      if (!found) throw memberNotFound(id);
      const row = memberFromRow(found);
      if (ownerProtects(row, "remove")) throw ownerProtected("remove");
      if ((await tx.run(DELETE_MEMBER, { id, orgId, version: row.version })) === 0) throw changedMeanwhile();
      await record(tx, actor, "scim.user.deleted", row, new Date());
    },
  );
}
