import { fastReads } from "../../db";
import { notFound } from "../errors";
import type { ScimObject } from "../json";
import { MAX_ID_LENGTH, toResource, type ScimContext } from "./context";

// GET /Users/<id> — one SCIM-managed member of the caller's organization, or 404.
// A prepared read (lib/db/fast-reads.ts): this is the hot path of every Okta profile sync.
export async function getUser(ctx: ScimContext, id: string): Promise<ScimObject> {
  const row = id.length <= MAX_ID_LENGTH ? await fastReads.scimMemberById(ctx.caller.organizationId, id) : null;
  if (!row) throw notFound(`User '${id.slice(0, MAX_ID_LENGTH)}' not found.`);
  return toResource(ctx, row);
}
