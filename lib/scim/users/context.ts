import type { Prisma } from "../../db";
import { db } from "../../db";
import type { ScimCaller } from "../../provisioning/authenticate-scim-token";
import { notFound, ScimError } from "../errors";
import { memberSelect, type MemberRow } from "../member-row";
import { managerIdIn, storedAttributes, toScimUser } from "../user-resource";

/** Who is calling (an authenticated token of one organization) and the base URL the IdP uses. */
export interface ScimContext {
  caller: ScimCaller;
  baseUrl: string;
}

export const MAX_ID_LENGTH = 200;

/** A member the IdP manages, by id, in the caller's organization only; anything else is 404. */
export async function findScimMember(client: Prisma.TransactionClient, ctx: ScimContext, id: string): Promise<MemberRow> {
  const row =
    id.length <= MAX_ID_LENGTH
      ? await client.member.findFirst({ where: { id, organizationId: ctx.caller.organizationId, scimManaged: true }, select: memberSelect })
      : null;
  if (!row) throw notFound(`User '${id.slice(0, MAX_ID_LENGTH)}' not found.`);
  return row;
}

/** Display names of the managers that rows point to, in one query. */
async function managerNames(client: Prisma.TransactionClient, orgId: string, ids: string[]): Promise<Map<string, string | null>> {
  const managers = await client.member.findMany({ where: { id: { in: ids }, organizationId: orgId, scimManaged: true }, select: { id: true, displayName: true } });
  return new Map(managers.map((m) => [m.id, m.displayName]));
}

export async function toResources(client: Prisma.TransactionClient, ctx: ScimContext, rows: MemberRow[]) {
  const stored = rows.map(storedAttributes);
  const ids = [...new Set(stored.map(managerIdIn).filter((id): id is string => !!id))];
  // Most users have no manager: then no query, and nothing to await.
  const managers = ids.length ? await managerNames(client, ctx.caller.organizationId, ids) : undefined;
  return rows.map((row, i) => toScimUser(row, { baseUrl: ctx.baseUrl, managers }, stored[i]));
}

export async function toResource(ctx: ScimContext, row: MemberRow) {
  const [resource] = await toResources(db, ctx, [row]);
  return resource!;
}

/** The unique (organizationId, userNameLower) index is the arbiter of duplicate userNames, races included. */
export function isUniqueViolation(err: unknown): boolean {
  return errorCode(err) === "P2002";
}

export function duplicateUserName(userName: string): ScimError {
  return new ScimError(409, `A User with userName '${userName}' already exists.`, "uniqueness");
}

export const ownerProtected = (what: "locked" | "deleted") =>
  new ScimError(403, `The organization owner cannot be ${what} through SCIM.`);

function errorCode(err: unknown): unknown {
  return typeof err === "object" && err !== null && "code" in err ? (err as { code: unknown }).code : undefined;
}

/** Lost an optimistic-version race (P2025), or SQLite's write lock was taken by another process. */
function isRetryable(err: unknown): boolean {
  const code = errorCode(err);
  return code === "P2025" || (typeof code === "string" && code.startsWith("SQLITE_BUSY"));
}

/**
 * Writes first, changing nothing (raw, so @updatedAt is not bumped). SQLite: BEGIN is
 * deferred, and a transaction that reads before writing fails with SQLITE_BUSY_SNAPSHOT if
 * another connection wrote in between; this takes the write lock up front (waiting
 * busy_timeout). PostgreSQL: it row-locks the member, so writes to one member queue.
 */
async function takeWriteLock(tx: Prisma.TransactionClient, memberId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "Member" SET "version" = "version" WHERE "id" = ${memberId}`;
}

/**
 * Runs a write transaction. A duplicate userName (the unique index, races included) is 409
 * uniqueness; a lost race (two writes to one member on PostgreSQL, a busy SQLite file) retries.
 */
export async function runWrite<T>(target: { memberId?: string; userName: () => string | undefined }, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        // A create has no member to lock: the unique index arbitrates (and BEGIN IMMEDIATE
        // already holds SQLite's write lock).
        if (target.memberId) await takeWriteLock(tx, target.memberId);
        return fn(tx);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw duplicateUserName(target.userName() ?? "");
      if (!isRetryable(err) || attempt >= 3) throw err;
    }
  }
}
