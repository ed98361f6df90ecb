import { groupsOfMembers } from "../../groups/store";
import { managersOf, type MemberRow, type ScimMember } from "../../members/store";
import type { ScimCaller } from "../../provisioning/authenticate-scim-token";
import type { ScimObject } from "../json";
import { managerIdIn, storedAttributes, toScimUser } from "../user-resource";

/** Who is calling (an authenticated token of one organization) and the base URL the IdP uses. */
export interface ScimContext {
  caller: ScimCaller;
  baseUrl: string;
}

const displayNames = (found: Awaited<ReturnType<typeof managersOf>>) => new Map([...found].map(([id, m]) => [id, m.displayName]));

/**
 * Rows → SCIM Users, with their managers' display names read in one query (none when no row
 * has a manager) and their read-only `groups` in one more, for the whole response.
 */
export async function toResources(ctx: ScimContext, rows: MemberRow[]): Promise<ScimObject[]> {
  const orgId = ctx.caller.organizationId;
  const stored = rows.map(storedAttributes);
  const ids = stored.map(managerIdIn).filter((id): id is string => !!id);
  // Both reads at once when there are managers to name; Promise.all only then (each promise runs
  // Next's async-context hooks; small, but this runs on every page of Okta's import).
  const reading = groupsOfMembers(
    orgId,
    rows.map((r) => r.id),
  );
  const [found, groups] = ids.length ? await Promise.all([managersOf(orgId, ids), reading]) : [undefined, await reading];
  const managers = found && displayNames(found);
  return rows.map((row, i) => toScimUser(row, { baseUrl: ctx.baseUrl, managers, groups: groups.get(row.id) ?? [] }, stored[i]));
}

export async function toResource(ctx: ScimContext, row: MemberRow): Promise<ScimObject> {
  const [resource] = await toResources(ctx, [row]);
  return resource!;
}

/**
 * One User read with its groups (get by id, `userName eq`): only its manager's name, if any,
 * is left to read.
 */
export async function toScimMemberResource(ctx: ScimContext, { row, groups }: ScimMember): Promise<ScimObject> {
  const stored = storedAttributes(row);
  const managerId = managerIdIn(stored);
  const managers = managerId ? displayNames(await managersOf(ctx.caller.organizationId, [managerId])) : undefined;
  return toScimUser(row, { baseUrl: ctx.baseUrl, managers, groups }, stored);
}
