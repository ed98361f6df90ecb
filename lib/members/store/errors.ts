// What the member store refuses, decided once here. Each face turns a refusal into its own
// answer in one place: the SCIM API in lib/scim/errors.ts (toScimError), the console API in
// lib/http/console-response.ts (toConsoleErrorResponse), both through `answerFor` below.

export type MemberRefusal =
  | { kind: "not_found"; id: string }
  | { kind: "duplicate_user_name"; userName: string }
  | { kind: "owner_protected"; action: "lock" | "remove" }
  | { kind: "changed_meanwhile" };

export class MemberStoreError extends Error {
  constructor(readonly refusal: MemberRefusal) {
    super(refusal.kind);
    this.name = "MemberStoreError";
  }
}

export const memberNotFound = (id: string) => new MemberStoreError({ kind: "not_found", id });
export const duplicateUserName = (userName: string) => new MemberStoreError({ kind: "duplicate_user_name", userName });
export const ownerProtected = (action: "lock" | "remove") => new MemberStoreError({ kind: "owner_protected", action });
export const changedMeanwhile = () => new MemberStoreError({ kind: "changed_meanwhile" });

export interface FaceAnswer {
  status: number;
  message: string;
  /** SCIM only (RFC 7644 §3.12). */
  scimType?: "uniqueness";
}

const MAX_ID_IN_DETAIL = 200;

/**
 * The status each face gives a refusal. They differ on purpose in one place: the owner's
 * protection is 403 over SCIM (RFC 7644 §3.12: the token is not permitted that operation) and
 * 409 in the console, where every refusal that depends on the member's state is a conflict.
 */
export function answerFor(face: "scim" | "console", r: MemberRefusal): FaceAnswer {
  switch (r.kind) {
    case "not_found":
      return face === "scim"
        ? { status: 404, message: `User '${r.id.slice(0, MAX_ID_IN_DETAIL)}' not found.` }
        : { status: 404, message: "This member does not exist in this organization. They may have been removed." };
    case "duplicate_user_name":
      return face === "scim"
        ? { status: 409, message: `A User with userName '${r.userName}' already exists.`, scimType: "uniqueness" }
        : { status: 409, message: `A member with the username ${r.userName} already exists in this organization.` };
    case "owner_protected": {
      const done = r.action === "lock" ? "locked" : face === "scim" ? "deleted" : "removed";
      return face === "scim"
        ? { status: 403, message: `The organization owner cannot be ${done} through SCIM.` }
        : { status: 409, message: `The organization owner cannot be ${done}.` };
    }
    case "changed_meanwhile":
      return {
        status: 409,
        message: "This member was changed at the same time (perhaps by your identity provider). Reload the page and try again.",
      };
  }
}
