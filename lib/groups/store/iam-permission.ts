// Who holds the IAM permission, in SQL: the one spelling of the rule that
// lib/auth/permissions.ts states in TypeScript (holdsIam: by hand OR through a group mapped to
// it; owners hold every permission). Every read that asks it uses these: the access decision
// (members/store/memberships.ts), the members page (members/store/console-rows.ts), the token
// expiry emails (members/store/provisioning-managers.ts) and the mapping preview with the
// permission changes it records (statements.ts ONLY_THROUGH_GROUP). So what the members page
// shows, who is emailed, what the preview counts and what a request may do cannot drift.
//
// Each is a condition on the outer query's "Member" m (SQL text of ours, no values): inline it
// with `raw(…)` in a statement or as a column. The member's own groups are found through the
// GroupMember (memberId) index, whatever the organization's size.

/** Granted by hand: the Member column, kept apart from what groups grant. */
export const IAM_BY_HAND = `m."iamPermission"`;

/**
 * Through a group mapped to the IAM permission. `except`: SQL naming one group that does not
 * count (the mapping preview's "would she still hold it without this group?").
 */
export function iamThroughGroup(except?: string): string {
  const other = except ? ` AND gm."groupId" <> ${except}` : "";
  return `EXISTS (SELECT 1 FROM "GroupMember" gm JOIN "GroupMapping" mp ON mp."groupId" = gm."groupId" WHERE gm."memberId" = m."id" AND mp."permission" = 'iam'${other})`;
}

export const IAM_THROUGH_GROUP = iamThroughGroup();

/** The effective IAM permission: by hand OR through a mapped group (`except` as above). */
export function holdsIam(except?: string): string {
  return `(${IAM_BY_HAND} OR ${iamThroughGroup(except)})`;
}

/** May manage provisioning: the owner (every permission), or whoever holds the IAM permission (`except` as above). */
export function managesProvisioning(except?: string): string {
  return `(m."role" = 'owner' OR ${holdsIam(except)})`;
}
