import { sql } from "../../db";
import { asBool, type Row } from "../../db/sql";
import { statement } from "../../db/sql-statement";

// A console user's memberships, read fresh on every request (a lock, a removal, or the IdP
// taking the member out of a mapped group counts at once). One prepared statement: the
// effective IAM permission — granted by hand OR through a group mapped to it — is computed
// in the same query.

export interface Membership {
  id: string;
  organizationId: string;
  organizationName: string;
  role: string;
  /** Effective: by hand or through a mapped group. */
  iamPermission: boolean;
  iamByHand: boolean;
  iamByGroup: boolean;
  locked: boolean;
  /** The organization requires single sign-on: a password session is good only for an owner (break-glass). */
  ssoRequired: boolean;
}

// ssoRequired: SSO enabled and required by the organization (a LEFT JOIN: most have no connection).
const SELECT = `SELECT m."id", m."organizationId", o."name", m."role", m."iamPermission", m."locked",
    EXISTS (SELECT 1 FROM "GroupMember" gm JOIN "GroupMapping" mp ON mp."groupId" = gm."groupId" WHERE gm."memberId" = m."id" AND mp."permission" = 'iam'),
    s."enabled", s."requireSso"
  FROM "Member" m JOIN "Organization" o ON o."id" = m."organizationId" LEFT JOIN "SsoConnection" s ON s."organizationId" = m."organizationId"`;

const MEMBERSHIP = statement("membership_of")`${{ sql: SELECT }} WHERE m."organizationId" = ${"orgId"} AND m."userId" = ${"userId"}`;
const ACTIVE_MEMBERSHIPS = statement("memberships_active")`${{ sql: SELECT }} WHERE m."userId" = ${"userId"} AND m."locked" = false ORDER BY o."name" ASC, o."id" ASC`;
const HAS_ACTIVE = statement("memberships_has_active")`SELECT 1 FROM "Member" WHERE "userId" = ${"userId"} AND "locked" = false LIMIT 1`;

function toMembership(r: Row): Membership {
  const iamByHand = asBool(r[4]);
  const iamByGroup = asBool(r[6]);
  return {
    id: String(r[0]),
    organizationId: String(r[1]),
    organizationName: String(r[2]),
    role: String(r[3]),
    iamPermission: iamByHand || iamByGroup,
    iamByHand,
    iamByGroup,
    locked: asBool(r[5]),
    ssoRequired: asBool(r[7]) && asBool(r[8]),
  };
}

export async function membershipOf(userId: string, orgId: string): Promise<Membership | null> {
  const r = await sql.row(MEMBERSHIP, { orgId, userId });
  return r ? toMembership(r) : null;
}

/** Unlocked memberships, by organization name. */
export async function activeMembershipsOf(userId: string): Promise<Membership[]> {
  return (await sql.rows(ACTIVE_MEMBERSHIPS, { userId })).map(toMembership);
}

export async function hasActiveMembership(userId: string): Promise<boolean> {
  return !!(await sql.row(HAS_ACTIVE, { userId }));
}
