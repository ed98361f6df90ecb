import { db } from "../../db";
import { AppError } from "../../errors";
import { recordEvent } from "../../audit/record-event";
import { memberActionRefusal } from "../member-rules";
import type { ConsoleActor } from "../member-view";
import { changedMeanwhile, memberNotFound } from "./errors";

// DELETE /api/organizations/[orgId]/members/[memberId] — unmanaged members only. The console
// account (User) stays: it may belong to other organizations; this membership is what goes.
// Prisma, in an interactive transaction: a rare, hand-made change.
export async function removeMember(orgId: string, memberId: string, by: ConsoleActor): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.member.findFirst({
      where: { id: memberId, organizationId: orgId },
      select: { id: true, userName: true, role: true, scimManaged: true, version: true },
    });
    if (!row) throw memberNotFound(memberId);
    const refusal = memberActionRefusal("remove", row, by.memberId);
    if (refusal) throw new AppError("conflict", refusal);
    const { count } = await tx.member.deleteMany({
      where: { id: row.id, organizationId: orgId, scimManaged: false, version: row.version },
    });
    if (count === 0) throw changedMeanwhile();
    await recordEvent(
      {
        organizationId: orgId,
        actor: { type: "user", id: by.userId, label: by.email },
        action: "member.removed",
        target: { type: "member", id: row.id, label: row.userName },
      },
      tx,
    );
  });
}
