import { updateScimMember } from "../../members/store";
import { tokenActor } from "../audit";
import { normalizeUser } from "../user-input";
import { toResource, type ScimContext } from "./context";

// PUT /Users/<id> — replaces the resource. Okta sends back what it read (id, meta, groups…):
// read-only values are ignored, and a missing `active` leaves the lock state alone.
export async function replaceUser(ctx: ScimContext, id: string, body: unknown) {
  const input = normalizeUser(body);
  return toResource(ctx, await updateScimMember(ctx.caller.organizationId, id, () => input, tokenActor(ctx.caller)));
}
