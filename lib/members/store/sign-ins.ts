import { sql } from "../../db";
import { SET_MEMBER_SIGN_IN, SET_USER_SIGN_IN } from "./statements";

// When and how a member last signed in, shown on the members page and My account. Who a
// session or an IdP's assertion is, and what it may do, is read by memberships.ts.
// One statement each, a transaction of its own on SQLite's writer (lib/db/sql.ts).

/** Last sign-in and its method, shown on the members page. */
export async function recordMemberSignIn(memberId: string, method: "password" | "saml" | "oidc", at = new Date()): Promise<void> {
  await sql.run(SET_MEMBER_SIGN_IN, { id: memberId, method, at });
}

/** Password sign-in: the same for every membership of a console user. */
export async function recordUserSignIn(userId: string, at = new Date()): Promise<void> {
  await sql.run(SET_USER_SIGN_IN, { userId, at });
}
