import { sql } from "../../db";
import { AppError } from "../../errors";
import { recordEvent } from "../../audit/record-event";
import { memberActionRefusal } from "../member-rules";
import type { ConsoleActor } from "../member-view";
import { CONSOLE_MEMBER_BY_ID_FOR_UPDATE, memberListRowFrom } from "./console-rows";
import { changedMeanwhile, memberNotFound } from "./errors";
import { DELETE_UNMANAGED_MEMBER } from "./statements";

// DELETE /api/organizations/[orgId]/members/[memberId] — unmanaged members only. The console
// account (User) stays: it may belong to other organizations; this membership is what goes.
// One raw-driver transaction, as the lock (console-lock.ts): the member read under the lock,
// the delete at the version read (its emails and group memberships cascade) and its audit event.
export async function removeMember(orgId: string, memberId: string, by: ConsoleActor): Promise<void> {
  await sql.transaction(async (tx) => {
    const found = await tx.row(CONSOLE_MEMBER_BY_ID_FOR_UPDATE, { id: memberId, orgId });
    if (!found) throw memberNotFound(memberId);
    const row = memberListRowFrom(found);
    const refusal = memberActionRefusal("remove", row, by.memberId);
    if (refusal) throw new AppError("conflict", refusal);
    if ((await tx.run(DELETE_UNMANAGED_MEMBER, { id: row.id, orgId, version: row.version })) === 0) throw changedMeanwhile();
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
