import type { IamGrant } from "../auth/permissions";
import { answerFor } from "./store/errors";

// Which console actions a member allows. Pure, so the API (which enforces it) and the UI
// (which only mirrors it) give the same answer and the same sentence.

export type MemberAction = "lock" | "unlock" | "remove";

/** The owner's protection, for every face: never locked or removed (by the console, SCIM, or later a group mapping). */
export function ownerProtects(target: { role: string }, action: MemberAction): boolean {
  return target.role === "owner" && action !== "unlock";
}

export interface MemberSubject {
  id: string;
  userName: string;
  role: string; // "owner" | "member"
  scimManaged: boolean;
}

const IN_IDP: Record<MemberAction, string> = {
  lock: "Lock them in your identity provider (deactivate or unassign the user)",
  unlock: "Unlock them in your identity provider (reactivate the user)",
  remove: "Remove them in your identity provider (unassign or delete the user)",
};

/** Why the action is refused, as a sentence for the person who tried; null when it is allowed. */
export function memberActionRefusal(action: MemberAction, target: MemberSubject, viewerMemberId: string): string | null {
  // The IdP owns managed members: a console change would be undone at its next sync.
  if (target.scimManaged) {
    return `${target.userName} is managed by SCIM. ${IN_IDP[action]}: a change made here would be undone at the identity provider's next sync.`;
  }
  if (action === "unlock") return null;
  if (target.id === viewerMemberId) return `You cannot ${action} your own account.`;
  if (ownerProtects(target, action))
    return answerFor("console", { kind: "owner_protected", action: action === "lock" ? "lock" : "remove" }).message;
  return null;
}

export type RoleLabel = "Owner" | "IAM manager" | "Member";

export function roleLabel(role: string, iamPermission: boolean): RoleLabel {
  if (role === "owner") return "Owner";
  return iamPermission ? "IAM manager" : "Member";
}

/** How a member (not the owner, who holds every permission) holds the IAM permission; null when not at all. */
export function iamSource(role: string, grant: IamGrant): string | null {
  if (role === "owner") return null;
  if (grant.byHand && grant.byGroup) return "by hand and through a group";
  if (grant.byHand) return "by hand";
  return grant.byGroup ? "through a group" : null;
}
