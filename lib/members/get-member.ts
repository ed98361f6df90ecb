import { db } from "../db";
import { parseStoredJson } from "../scim/json";
import { memberNotFound } from "./member-errors";
import { memberListSelect, toMemberListItem, type MemberListItem, type Viewer } from "./member-view";
import { managerIdOf, scimAttributesView, type ScimAttributesView } from "./scim-attributes-view";

export interface MemberDetail extends MemberListItem {
  givenName: string | null;
  familyName: string | null;
  createdAt: string;
  updatedAt: string;
  /** Present for SCIM-managed members only. */
  scim: ScimAttributesView | null;
}

// GET /api/organizations/[orgId]/members/[memberId] — one member, with the IdP's attributes when managed.
export async function getMember(orgId: string, memberId: string, viewer: Viewer): Promise<MemberDetail> {
  // Scoped by organization in the where: another organization's member is simply not found.
  const row = await db.member.findFirst({
    where: { id: memberId, organizationId: orgId },
    select: { ...memberListSelect, givenName: true, familyName: true, externalId: true, scimAttributes: true, createdAt: true, updatedAt: true },
  });
  if (!row) throw memberNotFound();
  let scim: ScimAttributesView | null = null;
  if (row.scimManaged) {
    const attributes = parseStoredJson(row.scimAttributes);
    const managerId = managerIdOf(attributes);
    const manager = managerId ? await db.member.findFirst({ where: { id: managerId, organizationId: orgId }, select: { displayName: true, userName: true } }) : null;
    scim = scimAttributesView(row, attributes, manager ? (manager.displayName ?? manager.userName) : null);
  }
  return {
    ...toMemberListItem(row, viewer),
    givenName: row.givenName,
    familyName: row.familyName,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    scim,
  };
}
