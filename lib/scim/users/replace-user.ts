import { normalizeUser } from "../user-input";
import { findScimMember, runWrite, toResource, type ScimContext } from "./context";
import { writeMember } from "./write-member";

// PUT /Users/<id> — replaces the resource. Okta sends back what it read (id, meta, groups…):
// read-only values are ignored, and a missing `active` leaves the lock state alone.
export async function replaceUser(ctx: ScimContext, id: string, body: unknown) {
  const input = normalizeUser(body);
  const row = await runWrite(
    { memberId: id, userName: () => input.userName },
    async (tx) => writeMember(tx, ctx, await findScimMember(tx, ctx, id), input),
  );
  return toResource(ctx, row);
}
