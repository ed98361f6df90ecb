import { sql } from "../../db";
import { asBool, asDateOrNull, asText, type Row } from "../../db/sql";
import { statement } from "../../db/sql-statement";
import { IAM_BY_HAND, IAM_THROUGH_GROUP } from "../../groups/store/iam-permission";

// What the access decision (lib/auth/org-access.ts) reads, fresh on every request: a lock, a
// removal, the IdP taking the member out of a mapped group, SSO or SCIM turned off count at
// once. One prepared statement per request, whatever signed the session in; each carries the
// member, the IAM permission by hand and through a group mapped to it, the organization's SSO
// and SCIM switches, the member's own profile (My account) and the console login, if any.

/** A member's profile as My account shows it. */
export interface MemberProfile {
  id: string;
  userName: string;
  email: string | null;
  givenName: string | null;
  familyName: string | null;
  displayName: string | null;
  scimManaged: boolean;
  role: string;
  lastSignInAt: Date | null;
  lastSignInMethod: string | null;
}

/** One member of one organization, with everything deciding its access needs. */
export interface Membership {
  id: string;
  organizationId: string;
  organizationName: string;
  role: string; // "owner" | "member"
  /** The IAM permission granted by hand (the Member column). */
  iamByHand: boolean;
  /** Held through a group mapped to the IAM permission. */
  iamByGroup: boolean;
  locked: boolean;
  scimManaged: boolean;
  /** The organization's single sign-on connection is enabled / requires single sign-on. */
  ssoEnabled: boolean;
  requireSso: boolean;
  scimEnabled: boolean;
  profile: MemberProfile;
}

/** A console login (a password session's person). */
export interface ConsoleUser {
  id: string;
  email: string;
  name: string;
}

// One column list for every statement below (rows come back as arrays in this order). The
// member's columns are NULL when a console user has no membership (the password reads start
// from "User" and LEFT JOIN the rest); EXISTS over a NULL member id is false. The IAM
// permission is spelled once, for every read that asks it: lib/groups/store/iam-permission.ts.
const COLUMNS = [
  ["id", `m."id"`],
  ["organizationId", `m."organizationId"`],
  ["organizationName", `o."name"`],
  ["role", `m."role"`],
  ["iamByHand", IAM_BY_HAND],
  ["iamByGroup", IAM_THROUGH_GROUP],
  ["locked", `m."locked"`],
  ["scimManaged", `m."scimManaged"`],
  ["ssoEnabled", `s."enabled"`],
  ["requireSso", `s."requireSso"`],
  ["scimEnabled", `c."enabled"`],
  ["userName", `m."userName"`],
  ["email", `m."email"`],
  ["givenName", `m."givenName"`],
  ["familyName", `m."familyName"`],
  ["displayName", `m."displayName"`],
  ["lastSignInAt", `m."lastSignInAt"`],
  ["lastSignInMethod", `m."lastSignInMethod"`],
  ["userId", `u."id"`],
  ["userEmail", `u."email"`],
  ["userLabel", `u."name"`],
] as const;

type Column = (typeof COLUMNS)[number][0];
const at = Object.fromEntries(COLUMNS.map(([name], i) => [name, i])) as Record<Column, number>;
const SELECT = { sql: `SELECT ${COLUMNS.map(([, expr]) => expr).join(", ")}` };

// The organization's switches: LEFT JOINs, most organizations have no SSO connection.
const SWITCHES = `LEFT JOIN "SsoConnection" s ON s."organizationId" = m."organizationId" LEFT JOIN "ScimConfig" c ON c."organizationId" = m."organizationId"`;
const FROM_MEMBER = {
  sql: `FROM "Member" m JOIN "Organization" o ON o."id" = m."organizationId" ${SWITCHES} LEFT JOIN "User" u ON u."id" = m."userId"`,
};
const ORGANIZATION_AND_SWITCHES = { sql: `LEFT JOIN "Organization" o ON o."id" = m."organizationId" ${SWITCHES}` };
const BY_NAME = { sql: `ORDER BY o."name" ASC, o."id" ASC` };

/** A single sign-on session: its member, in the organization that signed it in. */
export const MEMBERSHIP_BY_MEMBER = statement(
  "access_by_member",
)`${SELECT} ${FROM_MEMBER} WHERE m."id" = ${"memberId"} AND m."organizationId" = ${"orgId"}`;
/** A single sign-on being completed: the member the IdP named, by userName (case-insensitive), in that organization only. */
export const MEMBERSHIP_BY_USERNAME = statement(
  "access_by_username",
)`${SELECT} ${FROM_MEMBER} WHERE m."organizationId" = ${"orgId"} AND m."userNameLower" = ${"userNameLower"}`;
/** A password session in one organization: the console user, and its membership there if any. */
export const MEMBERSHIP_OF_USER = statement(
  "access_of_user_in_org",
)`${SELECT} FROM "User" u LEFT JOIN "Member" m ON m."userId" = u."id" AND m."organizationId" = ${"orgId"} ${ORGANIZATION_AND_SWITCHES} WHERE u."id" = ${"userId"}`;
/** A password session everywhere (organization list, My account, the password sign-in itself). */
export const MEMBERSHIPS_OF_USER = statement(
  "access_of_user",
)`${SELECT} FROM "User" u LEFT JOIN "Member" m ON m."userId" = u."id" ${ORGANIZATION_AND_SWITCHES} WHERE u."id" = ${"userId"} ${BY_NAME}`;

function membershipFrom(r: Row): Membership | null {
  if (r[at.id] === null || r[at.id] === undefined) return null;
  const text = (c: Column) => String(r[at[c]]);
  return {
    id: text("id"),
    organizationId: text("organizationId"),
    organizationName: text("organizationName"),
    role: text("role"),
    iamByHand: asBool(r[at.iamByHand]),
    iamByGroup: asBool(r[at.iamByGroup]),
    locked: asBool(r[at.locked]),
    scimManaged: asBool(r[at.scimManaged]),
    ssoEnabled: asBool(r[at.ssoEnabled]),
    requireSso: asBool(r[at.requireSso]),
    scimEnabled: asBool(r[at.scimEnabled]),
    profile: {
      id: text("id"),
      userName: text("userName"),
      email: asText(r[at.email]),
      givenName: asText(r[at.givenName]),
      familyName: asText(r[at.familyName]),
      displayName: asText(r[at.displayName]),
      scimManaged: asBool(r[at.scimManaged]),
      role: text("role"),
      lastSignInAt: asDateOrNull(r[at.lastSignInAt]),
      lastSignInMethod: asText(r[at.lastSignInMethod]),
    },
  };
}

function userFrom(r: Row): ConsoleUser {
  return { id: String(r[at.userId]), email: String(r[at.userEmail]), name: String(r[at.userLabel]) };
}

/** The member a single sign-on session names, in its own organization; null once deleted. */
export async function membershipOfMember(memberId: string, orgId: string): Promise<Membership | null> {
  const r = await sql.row(MEMBERSHIP_BY_MEMBER, { memberId, orgId });
  return r ? membershipFrom(r) : null;
}

/** The member of `orgId` whose userName equals `userName` case-insensitively, or null. Never another organization's. */
export async function membershipByUserName(orgId: string, userName: string): Promise<Membership | null> {
  const r = await sql.row(MEMBERSHIP_BY_USERNAME, { orgId, userNameLower: userName.toLowerCase() });
  return r ? membershipFrom(r) : null;
}

/**
 * A console user and its memberships: in `orgId` only when given, else all of them by
 * organization name. Null when the user no longer exists.
 */
export async function membershipsOfUser(userId: string, orgId?: string): Promise<{ user: ConsoleUser; memberships: Membership[] } | null> {
  let rows: Row[];
  if (orgId === undefined) rows = await sql.rows(MEMBERSHIPS_OF_USER, { userId });
  else {
    const r = await sql.row(MEMBERSHIP_OF_USER, { userId, orgId });
    rows = r ? [r] : [];
  }
  const first = rows[0];
  if (!first) return null;
  return { user: userFrom(first), memberships: rows.map(membershipFrom).filter((m) => m !== null) };
}
