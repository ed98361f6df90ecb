import { sql } from "../../db";
import { groupsOfMembers } from "../../groups/store";
import { parseStoredJson } from "../../scim/json";
import { toMemberListItem, type MemberDetail, type Viewer } from "../member-view";
import { managerIdOf, scimAttributesView, type ScimAttributesView } from "../scim-attributes-view";
import { CONSOLE_MEMBER_BY_ID, memberDetailRowFrom } from "./console-rows";
import { memberNotFound } from "./errors";
import { managersOf } from "./scim-reads";

// GET /api/organizations/[orgId]/members/[memberId] — one member, with the IdP's attributes when managed.
export async function getMember(orgId: string, memberId: string, viewer: Viewer): Promise<MemberDetail> {
  // Scoped by organization in the where: another organization's member is simply not found.
  const found = await sql.row(CONSOLE_MEMBER_BY_ID, { id: memberId, orgId });
  if (!found) throw memberNotFound(memberId);
  const row = memberDetailRowFrom(found);
  const groups = (await groupsOfMembers(orgId, [row.id])).get(row.id) ?? [];
  let scim: ScimAttributesView | null = null;
  if (row.scimManaged) {
    const attributes = parseStoredJson(row.scimAttributes);
    const managerId = managerIdOf(attributes);
    const manager = managerId ? (await managersOf(orgId, [managerId])).get(managerId) : undefined;
    scim = scimAttributesView(row, attributes, manager ? (manager.displayName ?? manager.userName) : null);
  }
  return {
    ...toMemberListItem(row, viewer),
    givenName: row.givenName,
    familyName: row.familyName,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    scim,
    groups,
  };
}
