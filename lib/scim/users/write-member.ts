import type { Prisma } from "../../db";
import { recordUserEvent } from "../audit";
import { ENTERPRISE_USER } from "../constants";
import { isObject, parseStoredJson, type ScimObject } from "../json";
import { emailRows, memberColumns } from "../member-columns";
import { memberSelect, type MemberRow } from "../member-row";
import type { UserInput } from "../user-input";
import { ownerProtected, type ScimContext } from "./context";

/** Top-level attributes whose stored value differs: for the audit detail, and to skip no-op writes. */
function changedKeys(before: ScimObject, after: ScimObject): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.flatMap((k) => {
    if (JSON.stringify(before[k]) === JSON.stringify(after[k])) return [];
    // Name the extension's attributes (department, manager…) rather than its URN.
    if (k === ENTERPRISE_USER) return changedKeys(asObject(before[k]), asObject(after[k]));
    return [k];
  });
}

const asObject = (v: unknown): ScimObject => (isObject(v) ? v : {});

function changedAttributes(row: MemberRow, input: UserInput): string[] {
  const changed = changedKeys(parseStoredJson(row.scimAttributes), input.attributes);
  if (row.userName !== input.userName) changed.unshift("userName");
  if ((row.externalId ?? undefined) !== input.externalId) changed.unshift("externalId");
  return changed;
}

/**
 * Writes a SCIM User over an existing member, inside the caller's transaction: columns,
 * MemberEmail rows, version + 1 and the audit events. `adopt` claims an unmanaged member.
 * An identical write (Entra re-sending what it sent before) changes nothing.
 */
export async function writeMember(tx: Prisma.TransactionClient, ctx: ScimContext, row: MemberRow, input: UserInput, adopt = false): Promise<MemberRow> {
  const locked = input.active === undefined ? row.locked : !input.active;
  if (locked && !row.locked && row.role === "owner") throw ownerProtected("locked");
  const changed = changedAttributes(row, input);
  if (!adopt && !changed.length && locked === row.locked) return row;

  const updated = await tx.member.update({
    // The version in the where makes a concurrent write fail instead of being overwritten.
    where: { id: row.id, version: row.version },
    data: { ...memberColumns(input), locked, scimManaged: true, scimUpdatedAt: new Date(), version: { increment: 1 } },
    select: memberSelect,
  });
  if (adopt || changed.includes("emails") || !row.scimAttributes) {
    await tx.memberEmail.deleteMany({ where: { memberId: row.id } });
    await tx.memberEmail.createMany({ data: emailRows(input).map((e) => ({ ...e, memberId: row.id })) });
  }

  const target = { id: updated.id, userName: updated.userName };
  if (adopt) await recordUserEvent(tx, ctx.caller, "scim.user.adopted", target, locked ? "Adopted and locked (active: false)." : undefined);
  else if (changed.length) await recordUserEvent(tx, ctx.caller, "scim.user.updated", target, `Changed: ${changed.join(", ")}.`);
  if (!adopt && locked !== row.locked) await recordUserEvent(tx, ctx.caller, locked ? "scim.user.locked" : "scim.user.unlocked", target);
  return updated;
}
