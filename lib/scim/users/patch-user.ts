import { updateScimMember } from "../../members/store";
import { tokenActor } from "../audit";
import { applyPatch } from "../patch/apply-patch";
import { normalizeOperations } from "../patch/normalize-operations";
import { USER_PATCH } from "../patch/patch-resources";
import { normalizeUser } from "../user-input";
import { patchableUser } from "../user-resource";
import { toResource, type ScimContext } from "./context";

// PATCH /Users/<id> — one pass: the operations are parsed, applied in memory to the member as
// stored (read once, in the write's transaction) and the result written, or nothing is.
export async function patchUser(ctx: ScimContext, id: string, body: unknown) {
  const operations = normalizeOperations(body, USER_PATCH);
  const row = await updateScimMember(
    ctx.caller.organizationId,
    id,
    (current) => normalizeUser(applyPatch(patchableUser(current), operations)),
    tokenActor(ctx.caller),
  );
  return toResource(ctx, row);
}
