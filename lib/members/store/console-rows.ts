import { asBool, asDate, asDateOrNull, asText, type Row } from "../../db/sql";
import { forUpdate, listed, raw, statement } from "../../db/sql-statement";
import { IAM_BY_HAND, IAM_THROUGH_GROUP } from "../../groups/store/iam-permission";
import type { MemberListRow } from "../member-view";

// What the console's member views read (the list's page, a member's details, the answer to a
// lock): one column list, with the IAM permission by hand and through a mapped group spelled
// as the access decision reads it (lib/groups/store/iam-permission.ts), so the members page
// shows what a request by that member may do. Rows come back as arrays in this order.

const LIST_COLUMNS = [
  ["id", `m."id"`],
  ["userName", `m."userName"`],
  ["displayName", `m."displayName"`],
  ["email", `m."email"`],
  ["locked", `m."locked"`],
  ["scimManaged", `m."scimManaged"`],
  ["scimUpdatedAt", `m."scimUpdatedAt"`],
  ["lastSignInAt", `m."lastSignInAt"`],
  ["lastSignInMethod", `m."lastSignInMethod"`],
  ["role", `m."role"`],
  ["iamByHand", IAM_BY_HAND],
  ["iamByGroup", IAM_THROUGH_GROUP],
  ["userId", `m."userId"`],
  ["version", `m."version"`],
] as const;

// The details add the names and the IdP's resource as stored.
const DETAIL_COLUMNS = [
  ...LIST_COLUMNS,
  ["givenName", `m."givenName"`],
  ["familyName", `m."familyName"`],
  ["externalId", `m."externalId"`],
  ["scimAttributes", `m."scimAttributes"`],
  ["createdAt", `m."createdAt"`],
  ["updatedAt", `m."updatedAt"`],
] as const;

type Column = (typeof DETAIL_COLUMNS)[number][0];
const at = Object.fromEntries(DETAIL_COLUMNS.map(([name], i) => [name, i])) as Record<Column, number>;
const select = (columns: readonly (readonly [string, string])[]) => raw(columns.map(([, expr]) => expr).join(", "));

/** A page of the list: its ids, in the organization (the page's order is the caller's). */
export const CONSOLE_MEMBERS_BY_IDS = statement("member_console_by_ids")`
  SELECT ${select(LIST_COLUMNS)} FROM ${listed("ids")} CROSS JOIN "Member" m WHERE m."id" = "listed"."value" AND m."organizationId" = ${"orgId"}`;

/** One member's details; the lock and the remove read it under the lock, in their transaction. */
export const CONSOLE_MEMBER_BY_ID = statement("member_console_by_id")`
  SELECT ${select(DETAIL_COLUMNS)} FROM "Member" m WHERE m."id" = ${"id"} AND m."organizationId" = ${"orgId"}`;
export const CONSOLE_MEMBER_BY_ID_FOR_UPDATE = forUpdate(CONSOLE_MEMBER_BY_ID);

export interface MemberDetailRow extends MemberListRow {
  givenName: string | null;
  familyName: string | null;
  externalId: string | null;
  scimAttributes: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export function memberListRowFrom(r: Row): MemberListRow {
  return {
    id: String(r[at.id]),
    userName: String(r[at.userName]),
    displayName: asText(r[at.displayName]),
    email: asText(r[at.email]),
    locked: asBool(r[at.locked]),
    scimManaged: asBool(r[at.scimManaged]),
    scimUpdatedAt: asDateOrNull(r[at.scimUpdatedAt]),
    lastSignInAt: asDateOrNull(r[at.lastSignInAt]),
    lastSignInMethod: asText(r[at.lastSignInMethod]),
    role: String(r[at.role]),
    iam: { byHand: asBool(r[at.iamByHand]), byGroup: asBool(r[at.iamByGroup]) },
    userId: asText(r[at.userId]),
    version: Number(r[at.version]),
  };
}

export function memberDetailRowFrom(r: Row): MemberDetailRow {
  return {
    ...memberListRowFrom(r),
    givenName: asText(r[at.givenName]),
    familyName: asText(r[at.familyName]),
    externalId: asText(r[at.externalId]),
    scimAttributes: asText(r[at.scimAttributes]),
    createdAt: asDate(r[at.createdAt]),
    updatedAt: asDate(r[at.updatedAt]),
  };
}
