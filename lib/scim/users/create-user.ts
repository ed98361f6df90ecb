import { createScimMember } from "../../members/store";
import { tokenActor } from "../audit";
import type { ScimObject } from "../json";
import { normalizeUser } from "../user-input";
import { toResource, type ScimContext } from "./context";

export interface CreatedUser {
  resource: ScimObject;
  adopted: boolean;
}

// POST /Users — creates a member, or adopts the organization's unmanaged member of that
// userName (ARCHITECTURE.md): it keeps its id and takes the IdP's attributes.
export async function createUser(ctx: ScimContext, body: unknown): Promise<CreatedUser> {
  const { row, adopted } = await createScimMember(ctx.caller.organizationId, normalizeUser(body), tokenActor(ctx.caller));
  return { resource: await toResource(ctx, row), adopted };
}
