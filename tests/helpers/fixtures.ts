// Test data: every test makes its own organization with unique ids, through the domain layer.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { profileColumns } from "@/lib/members/store/columns";
import { enableScim } from "@/lib/provisioning/enable-scim";
import { createScimToken } from "@/lib/provisioning/create-scim-token";

export const TEST_PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;

export interface TestAccount {
  email: string;
  password: string;
  userId: string;
  memberId: string;
}

export interface TestOrganization {
  orgId: string;
  name: string;
  owner: TestAccount;
  iam: TestAccount;
  member: TestAccount;
}

async function account(orgId: string, tag: string, role: "owner" | "member", iamPermission: boolean): Promise<TestAccount> {
  const userId = randomUUID();
  const memberId = randomUUID();
  const email = `${tag}-${userId.slice(0, 8)}@test.example`;
  await db.user.create({ data: { id: userId, email, name: tag, passwordHash: await (passwordHash ??= hashPassword(TEST_PASSWORD)) } });
  await db.member.create({
    data: {
      id: memberId,
      organizationId: orgId,
      userId,
      role,
      iamPermission,
      ...profileColumns({ userName: email, email, givenName: tag, familyName: "Tester" }),
    },
  });
  return { email, password: TEST_PASSWORD, userId, memberId };
}

/** An organization with an owner, an IAM manager and a member without permission. */
export async function createOrganization(opts: { name?: string } = {}): Promise<TestOrganization> {
  const orgId = randomUUID();
  const name = opts.name ?? `Org ${orgId.slice(0, 6)}`;
  await db.organization.create({ data: { id: orgId, name } });
  return {
    orgId,
    name,
    owner: await account(orgId, "owner", "owner", false),
    iam: await account(orgId, "iam", "member", true),
    member: await account(orgId, "member", "member", false),
  };
}

/** One more console user (password sign-in) of the organization: a member, with the IAM permission by hand when asked. */
export function createConsoleMember(orgId: string, tag: string, iamPermission = false): Promise<TestAccount> {
  return account(orgId, tag, "member", iamPermission);
}

/** A pre-existing member that SCIM does not manage yet (no console login). */
export async function createUnmanagedMember(orgId: string, userName: string, given = "Pre", family = "Existing"): Promise<string> {
  const id = randomUUID();
  await db.member.create({
    data: { id, organizationId: orgId, ...profileColumns({ userName, email: userName, givenName: given, familyName: family }) },
  });
  return id;
}

/** Enables SCIM for the organization and returns its first token (plaintext). */
export async function enableScimWithToken(org: TestOrganization): Promise<string> {
  return (await enableScim(org.orgId, { userId: org.owner.userId, label: org.owner.email })).token;
}

/** Another token for an organization where SCIM is already enabled. */
export async function createToken(org: TestOrganization): Promise<string> {
  return (await createScimToken(org.orgId, { userId: org.owner.userId, label: org.owner.email })).token;
}
