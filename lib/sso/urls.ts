// The public URLs an admin pastes into the IdP (ARCHITECTURE.md: keep them stable once shipped).
export const ssoUrls = (origin: string, orgId: string) => {
  const base = `${origin}/sso/${orgId}`;
  return {
    signInLink: base,
    samlEntityId: `${base}/saml/metadata`, // the SP entity ID is the SP metadata URL
    samlMetadataUrl: `${base}/saml/metadata`,
    samlAcsUrl: `${base}/saml/acs`,
    oidcRedirectUri: `${base}/oidc/callback`,
  };
};
export type SsoUrls = ReturnType<typeof ssoUrls>;

/** Only same-origin relative paths are followed after sign-in (no open redirect). */
export function safeReturnPath(raw: unknown): string | null {
  if (typeof raw !== "string" || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return null;
  if (/[\u0000-\u001f\\]/.test(raw)) return null;
  return raw.length <= 2000 ? raw : null;
}
