import type { Prisma } from "../db";

/** The Member columns the SCIM face reads: one select for every query, so rows have one shape. */
export const memberSelect = {
  id: true,
  organizationId: true,
  role: true,
  userName: true,
  externalId: true,
  email: true,
  givenName: true,
  familyName: true,
  displayName: true,
  locked: true,
  scimManaged: true,
  scimAttributes: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.MemberSelect;

export type MemberRow = Prisma.MemberGetPayload<{ select: typeof memberSelect }>;
