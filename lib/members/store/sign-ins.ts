import { db } from "../../db";

// When and how a member last signed in, shown on the members page and My account. Who a
// session or an IdP's assertion is, and what it may do, is read by memberships.ts.

/** Last sign-in and its method, shown on the members page. */
export async function recordMemberSignIn(memberId: string, method: "password" | "saml" | "oidc", at = new Date()): Promise<void> {
  await db.member.updateMany({ where: { id: memberId }, data: { lastSignInAt: at, lastSignInMethod: method } });
}

/** Password sign-in: the same for every membership of a console user. */
export async function recordUserSignIn(userId: string, at = new Date()): Promise<void> {
  await db.member.updateMany({ where: { userId }, data: { lastSignInAt: at, lastSignInMethod: "password" } });
}
