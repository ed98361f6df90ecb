import { groupsOfMembers } from "../../groups/store";
import { managersOf, type MemberRow } from "../../members/store";
import type { ScimCaller } from "../../provisioning/authenticate-scim-token";
import type { ScimObject } from "../json";
import { managerIdIn, storedAttributes, toScimUser } from "../user-resource";

/** Who is calling (an authenticated token of one organization) and the base URL the IdP uses. */
export interface ScimContext {
  caller: ScimCaller;
  baseUrl: string;
}

/**
 * Rows → SCIM Users, with their managers' display names read in one query (none when no row
 * has a manager) and their read-only `groups` in one more, for the whole response.
 */
export async function toResources(ctx: ScimContext, rows: MemberRow[]): Promise<ScimObject[]> {
  const orgId = ctx.caller.organizationId;
  const stored = rows.map(storedAttributes);
  const ids = stored.map(managerIdIn).filter((id): id is string => !!id);
  const [found, groups] = await Promise.all([ids.length ? managersOf(orgId, ids) : undefined, groupsOfMembers(orgId, rows.map((r) => r.id))]);
  const managers = found && new Map([...found].map(([id, m]) => [id, m.displayName]));
  return rows.map((row, i) => toScimUser(row, { baseUrl: ctx.baseUrl, managers, groups: groups.get(row.id) ?? [] }, stored[i]));
}

export async function toResource(ctx: ScimContext, row: MemberRow): Promise<ScimObject> {
  const [resource] = await toResources(ctx, [row]);
  return resource!;
}
