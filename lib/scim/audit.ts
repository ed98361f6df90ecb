import type { Prisma } from "../db";
import { recordEvent, type Actor } from "../audit/record-event";
import type { ScimCaller } from "../provisioning/authenticate-scim-token";

export type UserAction = "scim.user.created" | "scim.user.adopted" | "scim.user.updated" | "scim.user.locked" | "scim.user.unlocked" | "scim.user.deleted";

export function tokenActor(caller: ScimCaller): Actor {
  return { type: "token", id: caller.tokenId, label: caller.prefix }; // the prefix, never the token
}

/** A write to a member, recorded in the transaction that makes it. */
export function recordUserEvent(tx: Prisma.TransactionClient, caller: ScimCaller, action: UserAction, member: { id: string; userName: string }, detail?: string): Promise<void> {
  return recordEvent({ organizationId: caller.organizationId, actor: tokenActor(caller), action, target: { type: "member", id: member.id, label: member.userName }, detail }, tx);
}

/** An authenticated request we refused: status and the SCIM detail, never the body. */
export function recordRejected(caller: ScimCaller, request: string, status: number, detail: string): Promise<void> {
  return recordEvent({ organizationId: caller.organizationId, actor: tokenActor(caller), action: "scim.request.rejected", target: { type: "request", label: request }, outcome: "failure", status, detail });
}

export function recordAuthFailure(organizationId: string, prefix: string | undefined, detail: string): Promise<void> {
  return recordEvent({ organizationId, actor: { type: "anonymous", label: prefix }, action: "scim.auth.failed", outcome: "failure", status: 401, detail });
}
