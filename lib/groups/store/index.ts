/**
 * The group store: the only code that reads or writes Group, GroupMember and GroupMapping
 * rows, for the SCIM API and the console alike. One data-access strategy per operation:
 *
 * | operation                                         | strategy                                                    |
 * | ------------------------------------------------- | ----------------------------------------------------------- |
 * | SCIM get by id, `displayName eq`, import pages    | prepared statements (statements.ts)                         |
 * | SCIM general filter                               | SQL compiled from the filter, values as parameters          |
 * | members of groups, groups of members (Users)      | one prepared statement per response                         |
 * | SCIM create, PUT, PATCH, DELETE                   | one raw-driver transaction; set-based membership statements |
 * | mapping preview and save                          | raw driver (mapping.ts), save in one transaction            |
 * | console list, group members                       | Prisma (console.ts)                                         |
 *
 * Who holds the IAM permission — by hand, through a group mapped to it, effective — is spelled
 * once in SQL (iam-permission.ts), for the mapping preview and the permission changes it records
 * as for the access decision, the members page and the expiry emails (lib/members/store).
 *
 * Membership writes never touch one member per round trip: an add is one INSERT … SELECT over
 * the list of ids (restricted to the organization's SCIM-managed members), a remove one DELETE.
 */
export { type GroupMemberRow, type GroupProfile, type GroupRow } from "./columns";
export { GroupStoreError, groupAnswerFor, groupNotFound, type GroupRefusal } from "./errors";
export { type MembershipOp } from "./membership";
export {
  groupsOfMembers,
  memberGroupsFrom,
  membersOfGroups,
  scimGroupByDisplayName,
  scimGroupById,
  scimGroupPage,
  scimGroupsWhere,
  type GroupPage,
  type MemberGroup,
} from "./reads";
export { createScimGroup, deleteScimGroup, updateScimGroup, type GroupUpdate } from "./writes";
export { previewGroupMapping, setGroupMapping, type MappedPermission, type MappingPreview } from "./mapping";
export { GROUP_FILTER } from "./filter-table";
export { getGroupMembers, listGroups, type GroupListItem, type GroupMembersPage } from "./console";
