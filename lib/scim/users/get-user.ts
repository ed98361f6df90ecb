import { chain, type Later } from "../../later";
import { MemberStoreError, scimMemberById } from "../../members/store";
import type { ScimObject } from "../json";
import { toScimMemberResource, type ScimContext } from "./context";

// GET /Users/<id> — one SCIM-managed member of the caller's organization, or 404.
// A prepared read: this is the hot path of every Okta profile sync (a Later, lib/later.ts).
export function getUser(ctx: ScimContext, id: string): Later<ScimObject> {
  return chain(scimMemberById(ctx.caller.organizationId, id), (member) => {
    if (!member) throw new MemberStoreError({ kind: "not_found", id });
    return toScimMemberResource(ctx, member);
  });
}
