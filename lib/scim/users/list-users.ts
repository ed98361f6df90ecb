import type { Filter } from "scim2-parse-filter";
import { MEMBER_FILTER, scimMemberByUserName, scimMemberPage, scimMembersWhere, type MemberPage } from "../../members/store";
import { normalizeAttrPath } from "../filter/attribute-path";
import { compileFilter } from "../filter/compile-filter";
import { parseFilter } from "../filter/parse-filter";
import type { ScimObject } from "../json";
import type { Paging } from "../list-response";
import { toResources, toScimMemberResource, type ScimContext } from "./context";

export interface UserPage {
  totalResults: number;
  resources: ScimObject[];
}

/** `userName eq "x"`: how Entra and Okta look a user up before every create or update. */
function userNameEquals(node: Filter): string | null {
  if (node.op !== "eq" || normalizeAttrPath(node.attrPath) !== "username" || typeof node.compValue !== "string") return null;
  return node.compValue;
}

// GET /Users — filtered in the database, ordered by (createdAt, id) so pages are stable.
export async function listUsers(ctx: ScimContext, filter: string | null, paging: Paging): Promise<UserPage> {
  const ast = filter?.trim() ? parseFilter(filter) : null; // parsed once, for every path
  const byUserName = ast ? userNameEquals(ast) : null;
  if (byUserName === null) return listWhere(ctx, ast, paging);
  // Entra's and Okta's lookup before every write: one statement, the User's groups with it.
  const member = await scimMemberByUserName(ctx.caller.organizationId, byUserName);
  if (!member) return { totalResults: 0, resources: [] };
  if (paging.startIndex !== 1 || paging.count <= 0) return { totalResults: 1, resources: [] };
  return { totalResults: 1, resources: [await toScimMemberResource(ctx, member)] };
}

async function listWhere(ctx: ScimContext, ast: Filter | null, paging: Paging): Promise<UserPage> {
  const orgId = ctx.caller.organizationId;
  const { total, rows }: MemberPage = ast
    ? await scimMembersWhere(orgId, compileFilter(ast, MEMBER_FILTER), paging.startIndex - 1, paging.count)
    : await scimMemberPage(orgId, paging.startIndex - 1, paging.count); // Okta's import, page after page
  return { totalResults: total, resources: await toResources(ctx, rows) };
}
