import { fragment, toStatement, type Fragment } from "../../db/sql-fragment";
import { forUpdate, listed, raw, statement } from "../../db/sql-statement";
import { GROUPS_OF_MEMBER_COLUMN } from "../../groups/store/statements";
import { MEMBER_COLUMNS } from "./columns";

const COLUMNS = raw(MEMBER_COLUMNS);

// Every prepared statement on Member and MemberEmail: the whole of what the store's raw-driver
// operations send. Each is scoped by organization in its WHERE.

// A member the IdP manages, by id: GET /Users/<id>, and the row every write starts from.
export const SCIM_MEMBER_BY_ID = statement("member_scim_by_id")`
  SELECT ${COLUMNS} FROM "Member" WHERE "id" = ${"id"} AND "organizationId" = ${"orgId"} AND "scimManaged" = true`;
export const SCIM_MEMBER_BY_ID_FOR_UPDATE = forUpdate(SCIM_MEMBER_BY_ID);

// The SCIM face's reads of one member carry its read-only groups as one more column (the group
// store's GROUPS_OF_MEMBER_COLUMN): one statement fewer on the path IdPs call all day.
export const SCIM_MEMBER_WITH_GROUPS_BY_ID = statement("member_scim_with_groups_by_id")`
  SELECT ${COLUMNS}, ${GROUPS_OF_MEMBER_COLUMN} FROM "Member" WHERE "id" = ${"id"} AND "organizationId" = ${"orgId"} AND "scimManaged" = true`;

// Entra's and Okta's `userName eq` lookup, on the unique (organizationId, userNameLower) index.
export const SCIM_MEMBER_BY_USERNAME = statement("member_scim_by_username")`
  SELECT ${COLUMNS}, ${GROUPS_OF_MEMBER_COLUMN} FROM "Member" WHERE "organizationId" = ${"orgId"} AND "userNameLower" = ${"userNameLower"} AND "scimManaged" = true`;

// Managed or not: POST /Users decides between create, adopt and 409 with it.
export const MEMBER_BY_USERNAME_FOR_UPDATE = forUpdate(statement("member_by_username")`
  SELECT ${COLUMNS} FROM "Member" WHERE "organizationId" = ${"orgId"} AND "userNameLower" = ${"userNameLower"}`);

// Okta's import pages: the (organizationId, scimManaged, createdAt, id) index gives the whole order.
export const SCIM_MEMBER_COUNT = statement("member_scim_count")`
  SELECT COUNT(*) FROM "Member" WHERE "organizationId" = ${"orgId"} AND "scimManaged" = true`;
export const SCIM_MEMBER_PAGE = statement("member_scim_page")`
  SELECT ${COLUMNS} FROM "Member" WHERE "organizationId" = ${"orgId"} AND "scimManaged" = true
  ORDER BY "createdAt" ASC, "id" ASC LIMIT ${"limit"} OFFSET ${"offset"}`;

// Any other SCIM filter: its condition (compiled from MEMBER_FILTER, filter-table.ts, on "Member" m),
// counted and paged in the same order as the import. Composed per request, prepared once for it.
export function scimMemberFilter(condition: Fragment) {
  const where = fragment`FROM "Member" m WHERE m."organizationId" = ${"orgId"} AND m."scimManaged" = true AND (${condition})`;
  const page = toStatement(
    "member_scim_filter_page",
    fragment`SELECT ${COLUMNS} ${where} ORDER BY m."createdAt" ASC, m."id" ASC LIMIT ${"limit"} OFFSET ${"offset"}`,
  );
  return {
    count: toStatement("member_scim_filter_count", fragment`SELECT COUNT(*) ${where}`).statement,
    page: page.statement,
    values: page.values,
  };
}

// The one manager lookup: members the IdP manages, in the same organization.
export const MANAGERS = statement("member_managers")`
  SELECT m."id", m."displayName", m."userName" FROM ${listed("ids")} CROSS JOIN "Member" m
  WHERE m."id" = "listed"."value" AND m."organizationId" = ${"orgId"} AND m."scimManaged" = true`;

// A userName the organization already has inserts nothing (0 rows): then the caller looks at that member.
export const INSERT_MEMBER = statement("member_insert")`
  INSERT INTO "Member" ("id", "organizationId", "userName", "userNameLower", "email", "emailLower", "givenName", "givenNameLower",
    "familyName", "familyNameLower", "displayName", "displayNameLower", "scimDisplayNameLower", "externalId", "locked", "scimManaged", "scimAttributes",
    "scimUpdatedAt", "version", "createdAt", "updatedAt")
  VALUES (${"id"}, ${"orgId"}, ${"userName"}, ${"userNameLower"}, ${"email"}, ${"emailLower"}, ${"givenName"}, ${"givenNameLower"},
    ${"familyName"}, ${"familyNameLower"}, ${"displayName"}, ${"displayNameLower"}, ${"scimDisplayNameLower"}, ${"externalId"}, ${"locked"}, true, ${"scimAttributes"},
    ${"now"}, 1, ${"now"}, ${"now"})
  ON CONFLICT ("organizationId", "userNameLower") DO NOTHING`;

// The version in the WHERE: a write that lost a race changes nothing instead of overwriting.
export const UPDATE_SCIM_MEMBER = statement("member_update_scim")`
  UPDATE "Member" SET "userName" = ${"userName"}, "userNameLower" = ${"userNameLower"}, "email" = ${"email"}, "emailLower" = ${"emailLower"},
    "givenName" = ${"givenName"}, "givenNameLower" = ${"givenNameLower"}, "familyName" = ${"familyName"}, "familyNameLower" = ${"familyNameLower"},
    "displayName" = ${"displayName"}, "displayNameLower" = ${"displayNameLower"}, "scimDisplayNameLower" = ${"scimDisplayNameLower"}, "externalId" = ${"externalId"}, "locked" = ${"locked"},
    "scimManaged" = true, "scimAttributes" = ${"scimAttributes"}, "scimUpdatedAt" = ${"now"}, "version" = "version" + 1, "updatedAt" = ${"now"}
  WHERE "id" = ${"id"} AND "organizationId" = ${"orgId"} AND "version" = ${"version"}`;

export const DELETE_MEMBER = statement("member_delete")`
  DELETE FROM "Member" WHERE "id" = ${"id"} AND "organizationId" = ${"orgId"} AND "version" = ${"version"}`;

export const DELETE_EMAILS = statement("member_emails_delete")`DELETE FROM "MemberEmail" WHERE "memberId" = ${"memberId"}`;
export const INSERT_EMAIL = statement("member_email_insert")`
  INSERT INTO "MemberEmail" ("memberId", "value", "valueLower", "type", "primary") VALUES (${"memberId"}, ${"value"}, ${"valueLower"}, ${"type"}, ${"primary"})`;

// The console's lock and unlock (console-lock.ts): unmanaged members only, re-checked in the
// write itself (if the IdP adopted the member in between, the IdP wins), at the version read.
export const SET_UNMANAGED_LOCKED = statement("member_console_set_locked")`
  UPDATE "Member" SET "locked" = ${"locked"}, "version" = "version" + 1, "updatedAt" = ${"now"}
  WHERE "id" = ${"id"} AND "organizationId" = ${"orgId"} AND "scimManaged" = false AND "version" = ${"version"}`;

// The console's remove (console-remove.ts): likewise unmanaged only, at the version read.
export const DELETE_UNMANAGED_MEMBER = statement("member_console_delete")`
  DELETE FROM "Member" WHERE "id" = ${"id"} AND "organizationId" = ${"orgId"} AND "scimManaged" = false AND "version" = ${"version"}`;

// Last sign-in (sign-ins.ts): not a change the IdP made or sees, so no version bump (the SCIM
// ETag stays); "updatedAt" moves, as on every write of the row.
export const SET_MEMBER_SIGN_IN = statement("member_sign_in")`
  UPDATE "Member" SET "lastSignInAt" = ${"at"}, "lastSignInMethod" = ${"method"}, "updatedAt" = ${"at"} WHERE "id" = ${"id"}`;
export const SET_USER_SIGN_IN = statement("member_user_sign_in")`
  UPDATE "Member" SET "lastSignInAt" = ${"at"}, "lastSignInMethod" = 'password', "updatedAt" = ${"at"} WHERE "userId" = ${"userId"}`;
