import { holdsIam, type IamGrant } from "../auth/permissions";
import { iamSource, memberActionRefusal, roleLabel, type RoleLabel } from "./member-rules";
import type { ScimAttributesView } from "./scim-attributes-view";

/** What the console's member views read of one member (store/console-rows.ts); never credentials. */
export interface MemberListRow {
  id: string;
  userName: string;
  displayName: string | null;
  email: string | null;
  locked: boolean;
  scimManaged: boolean;
  scimUpdatedAt: Date | null;
  lastSignInAt: Date | null;
  lastSignInMethod: string | null;
  role: string;
  /** By hand and through a group mapped to it, as the access decision (lib/auth/org-access.ts) reads them. */
  iam: IamGrant;
  userId: string | null;
  version: number;
}

export interface MemberListItem {
  id: string;
  userName: string;
  displayName: string | null;
  email: string | null;
  locked: boolean;
  scimManaged: boolean;
  scimUpdatedAt: string | null;
  /** Last sign-in and how: "password", "saml" or "oidc". */
  lastSignIn: { at: string; method: string } | null;
  role: string;
  roleLabel: RoleLabel;
  /** Where the IAM permission comes from; effective when either is true (lib/auth/permissions.ts holdsIam). */
  iam: IamGrant;
  /** "by hand", "through a group", both, or null. */
  iamSource: string | null;
  hasConsoleLogin: boolean;
  isYou: boolean;
  /** Why each action is refused for the viewer (null = allowed); `toggleLock` is lock or unlock depending on the state. */
  refusals: { toggleLock: string | null; remove: string | null };
}

export interface MemberDetail extends MemberListItem {
  givenName: string | null;
  familyName: string | null;
  createdAt: string;
  updatedAt: string;
  /** Present for SCIM-managed members only. */
  scim: ScimAttributesView | null;
  /** The identity provider's groups this member is in. */
  groups: { id: string; displayName: string }[];
}

export interface MemberPage {
  items: MemberListItem[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  canManage: boolean;
}

/** Who acts from the console on a member. */
export interface ConsoleActor {
  userId: string;
  email: string;
  memberId: string; // the actor's own membership: nobody locks or removes themselves
}

export interface Viewer {
  memberId: string;
  canManage: boolean;
}

const NO_PERMISSION = "You don't have permission to manage members. Ask an organization owner for the IAM permission.";

export function toMemberListItem(row: MemberListRow, viewer: Viewer): MemberListItem {
  const { iam } = row;
  const refuse = (action: "lock" | "unlock" | "remove") =>
    viewer.canManage ? memberActionRefusal(action, row, viewer.memberId) : NO_PERMISSION;
  return {
    id: row.id,
    userName: row.userName,
    displayName: row.displayName,
    email: row.email,
    locked: row.locked,
    scimManaged: row.scimManaged,
    scimUpdatedAt: row.scimUpdatedAt?.toISOString() ?? null,
    lastSignIn: row.lastSignInAt ? { at: row.lastSignInAt.toISOString(), method: row.lastSignInMethod ?? "password" } : null,
    role: row.role,
    roleLabel: roleLabel(row.role, holdsIam(iam)),
    iam,
    iamSource: iamSource(row.role, iam),
    hasConsoleLogin: row.userId !== null,
    isYou: row.id === viewer.memberId,
    refusals: { toggleLock: refuse(row.locked ? "unlock" : "lock"), remove: refuse("remove") },
  };
}
