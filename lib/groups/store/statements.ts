import { fragment, toStatement, type Fragment } from "../../db/sql-fragment";
import { dialects, forUpdate, list, listed, raw, statement } from "../../db/sql-statement";
import { GROUP_COLUMNS } from "./columns";
import { managesProvisioning } from "./iam-permission";

const COLUMNS = raw(GROUP_COLUMNS);

// Every prepared statement on Group, GroupMember and GroupMapping. Each is scoped by
// organization (or by a group id already checked against it). Membership changes are one
// set-based statement per operation, whatever the number of members it names.

export const GROUP_BY_ID = statement("group_by_id")`
  SELECT ${COLUMNS} FROM "Group" WHERE "id" = ${"id"} AND "organizationId" = ${"orgId"}`;
export const GROUP_BY_ID_FOR_UPDATE = forUpdate(GROUP_BY_ID);

// Entra's `displayName eq` match, on the unique (organizationId, displayNameLower) index.
export const GROUP_BY_DISPLAY_NAME = statement("group_by_display_name")`
  SELECT ${COLUMNS} FROM "Group" WHERE "organizationId" = ${"orgId"} AND "displayNameLower" = ${"displayNameLower"}`;

// Okta's import pages: the (organizationId, createdAt, id) index gives the whole order.
export const GROUP_COUNT = statement("group_count")`SELECT COUNT(*) FROM "Group" WHERE "organizationId" = ${"orgId"}`;
export const GROUP_PAGE = statement("group_page")`
  SELECT ${COLUMNS} FROM "Group" WHERE "organizationId" = ${"orgId"} ORDER BY "createdAt" ASC, "id" ASC LIMIT ${"limit"} OFFSET ${"offset"}`;

// Any other SCIM filter: its condition (compiled from GROUP_FILTER, filter-table.ts, on "Group" g),
// counted and paged in the same order. Composed per request, prepared once for it.
export function groupFilter(condition: Fragment) {
  const where = fragment`FROM "Group" g WHERE g."organizationId" = ${"orgId"} AND (${condition})`;
  const page = toStatement(
    "group_filter_page",
    fragment`SELECT ${COLUMNS} ${where} ORDER BY g."createdAt" ASC, g."id" ASC LIMIT ${"limit"} OFFSET ${"offset"}`,
  );
  return {
    count: toStatement("group_filter_count", fragment`SELECT COUNT(*) ${where}`).statement,
    page: page.statement,
    values: page.values,
  };
}

// A displayName the organization already has inserts nothing (0 rows): a 409.
export const INSERT_GROUP = statement("group_insert")`
  INSERT INTO "Group" ("id", "organizationId", "displayName", "displayNameLower", "externalId", "scimAttributes", "version", "createdAt", "updatedAt")
  VALUES (${"id"}, ${"orgId"}, ${"displayName"}, ${"displayNameLower"}, ${"externalId"}, ${"scimAttributes"}, 1, ${"now"}, ${"now"})
  ON CONFLICT ("organizationId", "displayNameLower") DO NOTHING`;

export const UPDATE_GROUP = statement("group_update")`
  UPDATE "Group" SET "displayName" = ${"displayName"}, "displayNameLower" = ${"displayNameLower"}, "externalId" = ${"externalId"},
    "scimAttributes" = ${"scimAttributes"}, "version" = "version" + 1, "updatedAt" = ${"now"}
  WHERE "id" = ${"id"} AND "organizationId" = ${"orgId"}`;

// A membership change is a change of the group (meta.lastModified, the console's "last change").
export const TOUCH_GROUP = statement("group_touch")`
  UPDATE "Group" SET "version" = "version" + 1, "updatedAt" = ${"now"} WHERE "id" = ${"id"} AND "organizationId" = ${"orgId"}`;

export const DELETE_GROUP = statement("group_delete")`DELETE FROM "Group" WHERE "id" = ${"id"} AND "organizationId" = ${"orgId"}`;

// Members are the organization's SCIM-managed members only: an id the IdP does not manage
// here (unknown, another organization's, or an unmanaged member) is ignored, not an error.
export const ADD_MEMBERS = statement("group_members_add")`
  INSERT INTO "GroupMember" ("groupId", "memberId", "createdAt")
  SELECT ${"groupId"}, m."id", ${"now"} FROM ${listed("ids")} CROSS JOIN "Member" m
  WHERE m."id" = "listed"."value" AND m."organizationId" = ${"orgId"} AND m."scimManaged" = true
  ON CONFLICT ("groupId", "memberId") DO NOTHING
  RETURNING "memberId"`;

export const REMOVE_MEMBERS = statement("group_members_remove")`
  DELETE FROM "GroupMember" WHERE "groupId" = ${"groupId"} AND "memberId" ${list("ids")} RETURNING "memberId"`;

// PUT and `replace members`: whoever is not in the new list goes (then ADD_MEMBERS adds the rest).
export const REMOVE_MEMBERS_NOT_IN = statement("group_members_remove_not_in")`
  DELETE FROM "GroupMember" WHERE "groupId" = ${"groupId"} AND NOT ("memberId" ${list("ids")}) RETURNING "memberId"`;

export const CLEAR_MEMBERS = statement("group_members_clear")`
  DELETE FROM "GroupMember" WHERE "groupId" = ${"groupId"} RETURNING "memberId"`;

export const MEMBER_IDS_OF_GROUP = statement("group_member_ids")`SELECT "memberId" FROM "GroupMember" WHERE "groupId" = ${"groupId"}`;

export const MEMBERS_OF_GROUPS = statement("group_members_of")`
  SELECT gm."groupId", m."id", m."userName", m."displayName"
  FROM "GroupMember" gm JOIN "Member" m ON m."id" = gm."memberId"
  WHERE gm."groupId" ${list("groupIds")} ORDER BY gm."groupId", gm."createdAt", m."id"`;

// Users' read-only `groups` (RFC 7643 §4.1.2): one query for every User of a response. From the
// members to their memberships, then each group by its key: an organization may have thousands
// of groups, and walking them for each User would cost that much on every read.
export const GROUPS_OF_MEMBERS = statement("group_groups_of_members")`
  SELECT gm."memberId", g."id", g."displayName" FROM ${listed("memberIds")} CROSS JOIN "GroupMember" gm CROSS JOIN "Group" g
  WHERE gm."memberId" = "listed"."value" AND g."id" = gm."groupId" AND g."organizationId" = ${"orgId"} ORDER BY g."displayNameLower", g."id"`;

// The same as one more column of the member's own read (the member store's GET /Users/<id> and
// `userName eq`, the path Entra and Okta call all day): one statement fewer per request. A JSON
// array of [id, displayName] in displayName order, of the outer "Member" row; text on both.
const GROUPS_OF_MEMBER_FROM = `FROM "GroupMember" gm CROSS JOIN "Group" g
  WHERE gm."memberId" = "Member"."id" AND g."id" = gm."groupId" AND g."organizationId" = "Member"."organizationId"`;
export const GROUPS_OF_MEMBER_COLUMN = dialects({
  sqlite: `(SELECT json_group_array(json_array(g."id", g."displayName") ORDER BY g."displayNameLower", g."id") ${GROUPS_OF_MEMBER_FROM})`,
  postgres: `(SELECT json_agg(json_build_array(g."id", g."displayName") ORDER BY g."displayNameLower", g."id")::text ${GROUPS_OF_MEMBER_FROM})`,
});

// The first few names of a change, for its audit event (the ids are a set's: distinct).
export const NAMES_OF = statement("group_member_names")`
  SELECT m."userName" FROM ${listed("ids")} CROSS JOIN "Member" m
  WHERE m."id" = "listed"."value" AND m."organizationId" = ${"orgId"} ORDER BY m."userNameLower" LIMIT 3`;

export const MAPPING_OF = statement("group_mapping_of")`SELECT "permission" FROM "GroupMapping" WHERE "groupId" = ${"groupId"}`;

// Of these members, those whose IAM permission depends on this group g alone: without it they
// would not manage provisioning (no hand grant, not the owner, in no other group mapped to it:
// iam-permission.ts). They gain it when added, lose it when removed.
export const ONLY_THROUGH_GROUP = statement("group_only_through")`
  SELECT m."id", m."userName" FROM "Group" g CROSS JOIN ${listed("ids")} CROSS JOIN "Member" m
  WHERE g."id" = ${"groupId"} AND g."organizationId" = ${"orgId"} AND m."id" = "listed"."value" AND m."organizationId" = ${"orgId"}
    AND NOT ${raw(managesProvisioning(`g."id"`))}
  ORDER BY m."userNameLower"`;

export const INSERT_MAPPING = statement("group_mapping_insert")`
  INSERT INTO "GroupMapping" ("groupId", "organizationId", "permission", "createdAt", "createdById") VALUES (${"groupId"}, ${"orgId"}, ${"permission"}, ${"now"}, ${"createdById"})
  ON CONFLICT ("groupId") DO NOTHING`;
export const DELETE_MAPPING = statement(
  "group_mapping_delete",
)`DELETE FROM "GroupMapping" WHERE "groupId" = ${"groupId"} AND "organizationId" = ${"orgId"}`;
