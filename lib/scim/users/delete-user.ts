import { deleteScimMember } from "../../members/store";
import { tokenActor } from "../audit";
import type { ScimContext } from "./context";

// DELETE /Users/<id> — removes the member (its emails cascade). The owner stays.
export async function deleteUser(ctx: ScimContext, id: string): Promise<void> {
  await deleteScimMember(ctx.caller.organizationId, id, tokenActor(ctx.caller));
}
