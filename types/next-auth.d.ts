import "next-auth";
import type { SsoSessionClaims } from "@/lib/auth/session-cookie";

declare module "next-auth" {
  interface Session {
    user?: { id?: string; name?: string | null; email?: string | null };
    /** Set when the session was established by single sign-on: good for that organization and member only. */
    sso?: SsoSessionClaims;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sso?: SsoSessionClaims;
  }
}
