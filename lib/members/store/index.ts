/**
 * The member store: the only code that reads or writes Member and MemberEmail rows, for the
 * console and the SCIM API alike. Each face calls these and maps a refusal (errors.ts) to its
 * own answer. One data-access strategy per operation:
 *
 * | operation                                   | strategy                                             |
 * | ------------------------------------------- | ---------------------------------------------------- |
 * | SCIM get by id, `userName eq`, import pages | prepared statements (statements.ts, lib/db/sql.ts); by id and `userName eq` carry the read-only groups as a column |
 * | SCIM general filter                         | one count and one page statement (scim-reads.ts) around the condition lib/scim/filter/compile-filter.ts compiles over MEMBER_FILTER (filter-table.ts) |
 * | SCIM create, PUT, PATCH, DELETE             | one raw-driver transaction each (scim-writes.ts)     |
 * | manager names (both faces)                  | one prepared statement (scim-reads.ts `managersOf`)  |
 * | console list                                | search, filters, order and page as one statement (console-where.ts), then the page's rows by id (console-rows.ts) |
 * | console details                             | one prepared statement (console-rows.ts)             |
 * | console lock, remove                        | one raw-driver transaction each (console-lock.ts,    |
 * |                                             | console-remove.ts)                                   |
 * | what a session's access decision reads      | one prepared statement per request (memberships.ts): |
 * | (password, SAML, OIDC; SSO sign-in match)   | the IAM permission by hand and through a mapped      |
 * |                                             | group, SSO/SCIM switches, profile, console login     |
 * | owners and IAM managers to email (job)      | one prepared statement (provisioning-managers.ts)    |
 * | last sign-in and its method                 | one prepared statement (sign-ins.ts)                 |
 *
 * Who holds the IAM permission (by hand, through a mapped group, effective) is spelled once in
 * SQL, lib/groups/store/iam-permission.ts, and read that way by the access decision, the members
 * page, the expiry emails and the group mapping preview.
 *
 * Prisma's JS engine costs ~1.2 ms of CPU per query, a prepared statement ~0.05 ms: the paths an
 * identity provider calls all day use the second. Every filter and search is answered by the
 * database, none by reading rows to test them here; text matching (`co`, `sw`, `ew`, the console
 * search) goes through the one LIKE escaping, lib/db/sql-like.ts.
 */
export { profileColumns, displayNameOf, type MemberRow } from "./columns";
export { emailRows, scimColumns, type ScimProfile } from "./scim-profile";
export { MemberStoreError, answerFor, type MemberRefusal } from "./errors";
export { MEMBER_FILTER } from "./filter-table";
export {
  MAX_ID_LENGTH,
  managersOf,
  scimMemberById,
  scimMemberByUserName,
  scimMemberPage,
  scimMembersWhere,
  type Manager,
  type MemberPage,
  type ScimMember,
} from "./scim-reads";
export { createScimMember, deleteScimMember, updateScimMember, type UserAction } from "./scim-writes";
export { listMembers } from "./console-list";
export { getMember } from "./console-get";
export { setMemberLocked } from "./console-lock";
export { removeMember } from "./console-remove";
export {
  membershipByUserName,
  membershipOfMember,
  membershipsOfUser,
  type ConsoleUser,
  type MemberProfile,
  type Membership,
} from "./memberships";
export { provisioningManagerContacts, type ManagerContact } from "./provisioning-managers";
export { recordMemberSignIn, recordUserSignIn } from "./sign-ins";
