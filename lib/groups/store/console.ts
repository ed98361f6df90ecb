import { db } from "../../db";
import { groupNotFound } from "./errors";

// The console's views of groups (Prisma: a person is waiting, not an IdP by the thousand).
// Groups are the IdP's: the console reads them and maps them, never edits them.

export interface GroupListItem {
  id: string;
  displayName: string;
  externalId: string | null;
  memberCount: number;
  updatedAt: string;
  createdAt: string;
  permission: "iam" | null;
}

const MAX_GROUPS = 500;

// GET /api/organizations/[orgId]/groups — every group (a few hundred at most), by name.
export async function listGroups(orgId: string): Promise<{ items: GroupListItem[]; total: number }> {
  const [total, rows] = await Promise.all([
    db.group.count({ where: { organizationId: orgId } }),
    db.group.findMany({
      where: { organizationId: orgId },
      orderBy: [{ displayNameLower: "asc" }, { id: "asc" }],
      take: MAX_GROUPS,
      select: {
        id: true,
        displayName: true,
        externalId: true,
        createdAt: true,
        updatedAt: true,
        mapping: { select: { permission: true } },
        _count: { select: { members: true } },
      },
    }),
  ]);
  return {
    total,
    items: rows.map((g) => ({
      id: g.id,
      displayName: g.displayName,
      externalId: g.externalId,
      memberCount: g._count.members,
      createdAt: g.createdAt.toISOString(),
      updatedAt: g.updatedAt.toISOString(),
      permission: g.mapping?.permission === "iam" ? "iam" : null,
    })),
  };
}

export interface GroupMembersPage {
  group: GroupListItem;
  members: { id: string; userName: string; displayName: string | null; locked: boolean; iamPermission: boolean; role: string }[];
  total: number;
  page: number;
  pageSize: number;
}

// GET /api/organizations/[orgId]/groups/[groupId]?page= — the group and one page of its members.
export async function getGroupMembers(orgId: string, groupId: string, page: number, pageSize: number): Promise<GroupMembersPage> {
  const group = await db.group.findFirst({
    where: { id: groupId, organizationId: orgId },
    select: {
      id: true,
      displayName: true,
      externalId: true,
      createdAt: true,
      updatedAt: true,
      mapping: { select: { permission: true } },
      _count: { select: { members: true } },
    },
  });
  if (!group) throw groupNotFound(groupId);
  const rows = await db.groupMember.findMany({
    where: { groupId },
    orderBy: [{ member: { userNameLower: "asc" } }, { memberId: "asc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: { member: { select: { id: true, userName: true, displayName: true, locked: true, iamPermission: true, role: true } } },
  });
  return {
    group: {
      id: group.id,
      displayName: group.displayName,
      externalId: group.externalId,
      memberCount: group._count.members,
      createdAt: group.createdAt.toISOString(),
      updatedAt: group.updatedAt.toISOString(),
      permission: group.mapping?.permission === "iam" ? "iam" : null,
    },
    members: rows.map((r) => r.member),
    total: group._count.members,
    page,
    pageSize,
  };
}
