import { encode } from "next-auth/jwt";
import { config } from "../config";

// One place for how next-auth's session cookie is named and how long it lives, so a session
// established by single sign-on (lib/sso) is the same cookie next-auth reads back.

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** next-auth's own rule: secure cookies when the public URL is https. */
export const useSecureCookies = (config.NEXTAUTH_URL ?? config.APP_URL ?? "").startsWith("https://");

export const SESSION_COOKIE = `${useSecureCookies ? "__Secure-" : ""}next-auth.session-token`;

export interface SsoSessionClaims {
  organizationId: string;
  memberId: string;
  method: "saml" | "oidc";
  userName: string;
}

function secret(): string {
  const s = config.NEXTAUTH_SECRET;
  if (!s) throw new Error("NEXTAUTH_SECRET is not set.");
  return s;
}

/** The encrypted JWT next-auth would issue, carrying the organization and member it was established for. */
export async function ssoSessionCookie(claims: SsoSessionClaims, label: { name: string; email: string }) {
  const value = await encode({
    secret: secret(),
    maxAge: SESSION_MAX_AGE_SECONDS,
    token: { sub: claims.memberId, name: label.name, email: label.email, sso: claims },
  });
  return {
    name: SESSION_COOKIE,
    value,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure: useSecureCookies, maxAge: SESSION_MAX_AGE_SECONDS },
  };
}
