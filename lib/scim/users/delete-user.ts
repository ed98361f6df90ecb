import { recordUserEvent } from "../audit";
import { findScimMember, ownerProtected, runWrite, type ScimContext } from "./context";

// DELETE /Users/<id> — removes the member row (its emails cascade). The owner stays.
export async function deleteUser(ctx: ScimContext, id: string): Promise<void> {
  await runWrite(
    { memberId: id, userName: () => undefined },
    async (tx) => {
      const row = await findScimMember(tx, ctx, id);
      if (row.role === "owner") throw ownerProtected("deleted");
      await tx.member.delete({ where: { id: row.id } });
      await recordUserEvent(tx, ctx.caller, "scim.user.deleted", { id: row.id, userName: row.userName });
    },
  );
}
