import * as client from "openid-client";

// The issuer's discovery document, fetched server-side (openid-client checks that its
// `issuer` equals the URL given). Plain http only for loopback hosts (tests, demo IdP).

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export function isLoopback(url: URL): boolean {
  return LOOPBACK.has(url.hostname);
}

export async function oidcConfiguration(issuer: string, clientId: string, clientSecret?: string): Promise<client.Configuration> {
  const url = new URL(issuer);
  const insecure = url.protocol === "http:" && isLoopback(url);
  if (url.protocol !== "https:" && !insecure) throw new Error("The issuer must be https:// (http:// only on loopback).");
  const execute = [client.enableNonRepudiationChecks, ...(insecure ? [client.allowInsecureRequests] : [])];
  return client.discovery(url, clientId, clientSecret, clientSecret ? client.ClientSecretBasic(clientSecret) : client.None(), {
    execute,
    timeout: 10,
  });
}

export async function discoverIssuer(issuer: string): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    const cfg = await oidcConfiguration(issuer, "discovery-check");
    const md = cfg.serverMetadata();
    if (!md.authorization_endpoint || !md.token_endpoint || !md.jwks_uri)
      return { ok: false, message: "The issuer's discovery document lacks an authorization, token or JWKS endpoint." };
    return { ok: true };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      message: `The issuer's discovery document (${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration) could not be read: ${why}`,
    };
  }
}
