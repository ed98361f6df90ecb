import type { Filter } from "scim2-parse-filter";
import {
  createScimGroup,
  deleteScimGroup,
  GROUP_FILTER,
  groupNotFound,
  membersOfGroups,
  scimGroupByDisplayName,
  scimGroupById,
  scimGroupPage,
  scimGroupsWhere,
  updateScimGroup,
  type GroupPage,
  type GroupRow,
} from "../../groups/store";
import { tokenActor } from "../audit";
import { normalizeAttrPath } from "../filter/attribute-path";
import { compileFilter } from "../filter/compile-filter";
import { parseFilter } from "../filter/parse-filter";
import type { ScimObject } from "../json";
import type { Paging } from "../list-response";
import type { ScimContext } from "../users/context";
import { normalizeGroup } from "./group-input";
import { groupPatch } from "./group-patch";
import { toScimGroup } from "./group-resource";

// The /Groups operations. A group's own row is one indexed read; its members a second query,
// made only when the response carries them (Entra sends excludedAttributes=members on every
// read, and a group may hold every member of the organization).

async function toResources(ctx: ScimContext, rows: GroupRow[], withMembers: boolean): Promise<ScimObject[]> {
  const members = withMembers && rows.length ? await membersOfGroups(rows.map((r) => r.id)) : undefined;
  return rows.map((r) => toScimGroup(r, ctx.baseUrl, members?.get(r.id) ?? (members ? [] : undefined)));
}

/** `displayName eq "x"`: Entra's match before every create. */
function displayNameEquals(node: Filter): string | null {
  if (node.op !== "eq" || normalizeAttrPath(node.attrPath) !== "displayname" || typeof node.compValue !== "string") return null;
  return node.compValue;
}

async function page(ctx: ScimContext, filter: string | null, paging: Paging): Promise<GroupPage> {
  const orgId = ctx.caller.organizationId;
  const ast = filter?.trim() ? parseFilter(filter) : null;
  const byName = ast ? displayNameEquals(ast) : null;
  if (byName !== null) {
    const row = await scimGroupByDisplayName(orgId, byName);
    return { total: row ? 1 : 0, rows: row && paging.startIndex === 1 && paging.count > 0 ? [row] : [] };
  }
  if (!ast) return scimGroupPage(orgId, paging.startIndex - 1, paging.count);
  return scimGroupsWhere(orgId, compileFilter(ast, GROUP_FILTER), paging.startIndex - 1, paging.count);
}

// GET /Groups — filtered in the database, ordered by (createdAt, id) so pages are stable.
export async function listGroups(ctx: ScimContext, filter: string | null, paging: Paging, withMembers: boolean) {
  const { total, rows } = await page(ctx, filter, paging);
  return { totalResults: total, resources: await toResources(ctx, rows, withMembers) };
}

export async function getGroup(ctx: ScimContext, id: string, withMembers: boolean): Promise<ScimObject> {
  const row = await scimGroupById(ctx.caller.organizationId, id);
  if (!row) throw groupNotFound(id);
  return (await toResources(ctx, [row], withMembers))[0]!;
}

// POST /Groups — with or without members; the answer lists the members that were kept.
export async function createGroup(ctx: ScimContext, body: unknown, withMembers: boolean): Promise<ScimObject> {
  const input = normalizeGroup(body);
  const row = await createScimGroup(ctx.caller.organizationId, input.profile, input.members ?? [], tokenActor(ctx.caller));
  return (await toResources(ctx, [row], withMembers))[0]!;
}

// PUT /Groups/<id> — a present `members` replaces the membership; an absent one leaves it alone.
export async function replaceGroup(ctx: ScimContext, id: string, body: unknown, withMembers: boolean): Promise<ScimObject> {
  const input = normalizeGroup(body);
  const row = await updateScimGroup(
    ctx.caller.organizationId,
    id,
    () => ({ profile: input.profile, membership: input.members ? [{ kind: "set", ids: input.members }] : [] }),
    tokenActor(ctx.caller),
  );
  return (await toResources(ctx, [row], withMembers))[0]!;
}

// PATCH /Groups/<id> — answered 204: Entra advises against returning members, Okta accepts it.
export async function patchGroup(ctx: ScimContext, id: string, body: unknown): Promise<void> {
  await updateScimGroup(ctx.caller.organizationId, id, groupPatch(body), tokenActor(ctx.caller));
}

export async function deleteGroup(ctx: ScimContext, id: string): Promise<void> {
  await deleteScimGroup(ctx.caller.organizationId, id, tokenActor(ctx.caller));
}
