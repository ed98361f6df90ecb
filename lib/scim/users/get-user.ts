import { MemberStoreError, scimMemberById } from "../../members/store";
import type { ScimObject } from "../json";
import { toScimMemberResource, type ScimContext } from "./context";

// GET /Users/<id> — one SCIM-managed member of the caller's organization, or 404.
// A prepared read: this is the hot path of every Okta profile sync.
export async function getUser(ctx: ScimContext, id: string): Promise<ScimObject> {
  const member = await scimMemberById(ctx.caller.organizationId, id);
  if (!member) throw new MemberStoreError({ kind: "not_found", id });
  return toScimMemberResource(ctx, member);
}
