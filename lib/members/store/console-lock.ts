import { db } from "../../db";
import { AppError } from "../../errors";
import { recordEvent } from "../../audit/record-event";
import { memberActionRefusal } from "../member-rules";
import { memberListSelect, toMemberListItem, type ConsoleActor, type MemberListItem } from "../member-view";
import { changedMeanwhile, memberNotFound } from "./errors";

// PATCH /api/organizations/[orgId]/members/[memberId] { locked } — unmanaged members only.
// Prisma, in an interactive transaction: a rare, hand-made change, where its CPU cost does not matter.
export async function setMemberLocked(orgId: string, memberId: string, locked: boolean, by: ConsoleActor): Promise<MemberListItem> {
  return db.$transaction(async (tx) => {
    const row = await tx.member.findFirst({ where: { id: memberId, organizationId: orgId }, select: memberListSelect });
    if (!row) throw memberNotFound(memberId);
    const refusal = memberActionRefusal(locked ? "lock" : "unlock", row, by.memberId);
    if (refusal) throw new AppError("conflict", refusal);
    const viewer = { memberId: by.memberId, canManage: true };
    if (row.locked === locked) return toMemberListItem(row, viewer); // already so: nothing to record

    // Re-checked in the write itself: if the IdP adopted the member in between, the IdP wins.
    const { count } = await tx.member.updateMany({
      where: { id: row.id, organizationId: orgId, scimManaged: false, version: row.version },
      data: { locked, version: { increment: 1 } },
    });
    if (count === 0) throw changedMeanwhile();
    await recordEvent(
      {
        organizationId: orgId,
        actor: { type: "user", id: by.userId, label: by.email },
        action: locked ? "member.locked" : "member.unlocked",
        target: { type: "member", id: row.id, label: row.userName },
      },
      tx,
    );
    return toMemberListItem({ ...row, locked, version: row.version + 1 }, viewer);
  });
}
