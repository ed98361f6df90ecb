import { applyPatch } from "../patch/apply-patch";
import { normalizeOperations } from "../patch/normalize-operations";
import { normalizeUser, type UserInput } from "../user-input";
import { patchableUser } from "../user-resource";
import { findScimMember, runWrite, toResource, type ScimContext } from "./context";
import { writeMember } from "./write-member";

// PATCH /Users/<id> — atomic: the operations are applied in memory to the stored resource
// and the result is written once, in one transaction, or not at all.
export async function patchUser(ctx: ScimContext, id: string, body: unknown) {
  const operations = normalizeOperations(body);
  let input: UserInput | undefined;
  const row = await runWrite(
    { memberId: id, userName: () => input?.userName },
    async (tx) => {
      const current = await findScimMember(tx, ctx, id);
      input = normalizeUser(applyPatch(patchableUser(current), operations));
      return writeMember(tx, ctx, current, input);
    },
  );
  return toResource(ctx, row);
}
