import { sql } from "../../db";
import { AppError } from "../../errors";
import { recordEvent } from "../../audit/record-event";
import { memberActionRefusal } from "../member-rules";
import { toMemberListItem, type ConsoleActor, type MemberListItem } from "../member-view";
import { CONSOLE_MEMBER_BY_ID_FOR_UPDATE, memberListRowFrom } from "./console-rows";
import { changedMeanwhile, memberNotFound } from "./errors";
import { SET_UNMANAGED_LOCKED } from "./statements";

// PATCH /api/organizations/[orgId]/members/[memberId] { locked } — unmanaged members only.
// One raw-driver transaction, as the SCIM face's writes: the member read under the lock with
// the console's columns (console-rows.ts), the change and its audit event.
export async function setMemberLocked(orgId: string, memberId: string, locked: boolean, by: ConsoleActor): Promise<MemberListItem> {
  return sql.transaction(async (tx) => {
    const found = await tx.row(CONSOLE_MEMBER_BY_ID_FOR_UPDATE, { id: memberId, orgId });
    if (!found) throw memberNotFound(memberId);
    const row = memberListRowFrom(found);
    const refusal = memberActionRefusal(locked ? "lock" : "unlock", row, by.memberId);
    if (refusal) throw new AppError("conflict", refusal);
    const viewer = { memberId: by.memberId, canManage: true };
    if (row.locked === locked) return toMemberListItem(row, viewer); // already so: nothing to record

    const now = new Date();
    if ((await tx.run(SET_UNMANAGED_LOCKED, { id: row.id, orgId, locked, version: row.version, now })) === 0) throw changedMeanwhile();
    const actor = { type: "user" as const, id: by.userId, label: by.email };
    await recordEvent(
      {
        organizationId: orgId,
        actor,
        action: locked ? "member.locked" : "member.unlocked",
        target: { type: "member", id: row.id, label: row.userName },
      },
      tx,
      now,
    );
    return toMemberListItem({ ...row, locked, version: row.version + 1 }, viewer);
  });
}
