import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { config } from "../config";
import { db } from "../db";
import { dummyPasswordHash, verifyPassword } from "./password";
import { hasActiveMembership } from "../members/store";
import { assertLoginAllowed, clearLoginFailures, clientIp, recordLoginFailure } from "./login-throttle";

interface OidcProfile {
  sub: string;
  email?: string;
  name?: string;
}

// Optional single sign-on for real deployments: any OIDC provider, switched on by env.
function oidcProvider(): OAuthConfig<OidcProfile>[] {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } = config;
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET) return [];
  return [
    {
      id: "oidc",
      name: config.OIDC_NAME || "Single sign-on",
      type: "oauth",
      wellKnown: `${OIDC_ISSUER.replace(/\/+$/, "")}/.well-known/openid-configuration`,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      clientId: OIDC_CLIENT_ID,
      clientSecret: OIDC_CLIENT_SECRET,
      profile: (p) => ({ id: p.sub, email: p.email ?? null, name: p.name ?? p.email ?? p.sub }),
    },
  ];
}

export async function authorizeCredentials(email: string, password: string, ip: string): Promise<{ id: string; email: string; name: string } | null> {
  await assertLoginAllowed(email, ip); // throws: next-auth reports error "TooManyAttempts"
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !ok) {
    await recordLoginFailure(email, ip);
    return null;
  }
  if (!(await hasActiveMembership(user.id))) return null; // locked everywhere: no sign-in
  await clearLoginFailures(email);
  return { id: user.id, email: user.email, name: user.name };
}

export const authOptions: NextAuthOptions = {
  secret: config.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
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
    ...oidcProvider(),
  ],
  callbacks: {
    // SSO users must already exist (provisioned by SCIM or invited); we never create accounts here.
    async signIn({ user, account }) {
      if (account?.provider !== "oidc") return true;
      const email = user.email?.toLowerCase();
      const known = email ? await db.user.findUnique({ where: { email } }) : null;
      return !!known && (await hasActiveMembership(known.id));
    },
    async jwt({ token, user, account }) {
      if (user && account) {
        const email = (user.email ?? "").toLowerCase();
        const known = account.provider === "oidc" ? await db.user.findUnique({ where: { email } }) : null;
        token.uid = known?.id ?? user.id;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
};
