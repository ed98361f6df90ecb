import { db } from "../../db";
import { groupsOfMembers } from "../../groups/store";
import { parseStoredJson } from "../../scim/json";
import { memberListSelect, toMemberListItem, type MemberDetail, type Viewer } from "../member-view";
import { managerIdOf, scimAttributesView, type ScimAttributesView } from "../scim-attributes-view";
import { memberNotFound } from "./errors";
import { managersOf } from "./scim-reads";

// GET /api/organizations/[orgId]/members/[memberId] — one member, with the IdP's attributes when managed.
export async function getMember(orgId: string, memberId: string, viewer: Viewer): Promise<MemberDetail> {
  // Scoped by organization in the where: another organization's member is simply not found.
  const row = await db.member.findFirst({
    where: { id: memberId, organizationId: orgId },
    select: { ...memberListSelect, givenName: true, familyName: true, externalId: true, scimAttributes: true, createdAt: true, updatedAt: true },
  });
  if (!row) throw memberNotFound(memberId);
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
