import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { config } from "../config";
import { db } from "../db";
import { dummyPasswordHash, verifyPassword } from "./password";
import { recordUserSignIn } from "../members/store";
import { sessionAccess, usableOrganizations } from "./org-access";
import { assertLoginAllowed, clearLoginFailures, clientIp, recordLoginFailure } from "./login-throttle";
import { SESSION_MAX_AGE_SECONDS, useSecureCookies } from "./session-cookie";

/** Reported as next-auth's error code; the login form says why. */
export class SsoRequiredError extends Error {
  constructor() {
    super("SsoRequired");
  }
}

export async function authorizeCredentials(
  email: string,
  password: string,
  ip: string,
): Promise<{ id: string; email: string; name: string } | null> {
  await assertLoginAllowed(email, ip); // throws: next-auth reports error "TooManyAttempts"
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !ok) {
    await recordLoginFailure(email, ip);
    return null;
  }
  // The session about to be issued must be good somewhere: the same decision as on every request.
  const access = await sessionAccess({ method: "password", userId: user.id });
  if (access.status === "ended") return null;
  if (!usableOrganizations(access).length) {
    // Where single sign-on is required only owners keep the password (break-glass).
    if (access.organizations.some((d) => d.status === "sso_required")) throw new SsoRequiredError();
    return null; // locked everywhere: no sign-in
  }
  await clearLoginFailures(email);
  await recordUserSignIn(user.id);
  return { id: user.id, email: user.email, name: user.name };
}

// Password sign-in is next-auth's credentials provider. Single sign-on (SAML, OIDC) is per
// organization, in lib/sso: it verifies the IdP's answer and issues the same session cookie.
export const authOptions: NextAuthOptions = {
  secret: config.NEXTAUTH_SECRET,
  useSecureCookies,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: async (credentials, req) => {
        if (!credentials?.email || !credentials.password) return null;
        return authorizeCredentials(credentials.email, credentials.password, clientIp(req?.headers));
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sso) {
        session.sso = token.sso;
        return session;
      }
      if (session.user && typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
};
