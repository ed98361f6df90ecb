import { db } from "../../db";
import type { ScimObject } from "../json";
import { findScimMember, toResource, type ScimContext } from "./context";

// GET /Users/<id> — one SCIM-managed member of the caller's organization, or 404.
export async function getUser(ctx: ScimContext, id: string): Promise<ScimObject> {
  return toResource(ctx, await findScimMember(db, ctx, id));
}
