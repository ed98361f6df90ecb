// Permissions as data: what each role, and the IAM permission, allows. Checked on the
// server for every request; the UI only mirrors it.
export type Permission = "provisioning:manage" | "members:read" | "members:manage" | "activity:read";

export interface MemberAccess {
  memberId: string;
  organizationId: string;
  role: string; // "owner" | "member"
  iamPermission: boolean;
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
