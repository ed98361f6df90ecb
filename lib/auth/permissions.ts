// Permissions as data: what each role, and the IAM permission, allows. Checked on the
// server for every request; the UI only mirrors it.
export type Permission = "provisioning:manage" | "members:read" | "members:manage" | "activity:read";

export interface MemberAccess {
  memberId: string;
  organizationId: string;
  role: string; // "owner" | "member"
  /** Effective: by hand OR through a mapped group (holdsIam). */
  iamPermission: boolean;
}

/** Where a member's IAM permission comes from. Groups grant, hands grant; each revokes only its own. */
export interface IamGrant {
  byHand: boolean;
  byGroup: boolean;
}

/** The effective IAM permission: either grant is enough. In SQL, for the reads that ask it: lib/groups/store/iam-permission.ts. */
export function holdsIam(grant: IamGrant): boolean {
  return grant.byHand || grant.byGroup;
}

const IAM_MANAGER: Permission[] = ["provisioning:manage", "members:read", "members:manage", "activity:read"];

const ROLE_PERMISSIONS: Record<string, Permission[]> = {
  owner: IAM_MANAGER,
  member: [],
};

export function permissionsOf(access: MemberAccess): Set<Permission> {
  return new Set([...(ROLE_PERMISSIONS[access.role] ?? []), ...(access.iamPermission ? IAM_MANAGER : [])]);
}

export function can(access: MemberAccess, permission: Permission): boolean {
  return permissionsOf(access).has(permission);
}
