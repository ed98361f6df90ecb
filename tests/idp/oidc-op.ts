import { generateKeyPairSync, randomBytes } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

// A certified OpenID Provider (oidc-provider) on loopback. Its dev sign-in page signs in any
// username typed there, as preferred_username, upn and email. Two modes, and the sign-in tests
// run against both:
// - "conforming" (oidc-provider's defaults): the ID token of the code flow carries only sub and
//   the protocol claims; the claims the scopes asked for come from UserInfo (OpenID Connect
//   Core §5.4), which the relying party must then call.
// - "entra-like": those claims in the ID token itself, as Entra ID and Okta send them.

export type OidcOpMode = "conforming" | "entra-like";
export const OIDC_OP_MODES: readonly OidcOpMode[] = ["conforming", "entra-like"];

export interface OidcClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export function rsaJwk(kid = randomBytes(6).toString("hex")): Record<string, unknown> {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { ...privateKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" };
}

/** oidc-provider's default route of its UserInfo endpoint. */
const USERINFO_PATH = "/me";

export class OidcTestOp {
  /** Requests its UserInfo endpoint answered (the relying party calls it only when the ID token lacks the claim). */
  userInfoRequests = 0;

  private constructor(
    private readonly server: Server,
    readonly issuer: string,
    readonly mode: OidcOpMode,
  ) {}

  static async start(
    clients: OidcClient[],
    opts: { port?: number; keys?: Record<string, unknown>[]; mode?: OidcOpMode } = {},
  ): Promise<OidcTestOp> {
    const mode = opts.mode ?? "conforming";
    const port = opts.port ?? (await freePortOnLoopback());
    const issuer = `http://127.0.0.1:${port}`;
    const provider = new Provider(issuer, {
      clients: clients.map((c) => ({
        client_id: c.clientId,
        client_secret: c.clientSecret,
        redirect_uris: c.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      })),
      jwks: { keys: opts.keys ?? [rsaJwk()] },
      findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, preferred_username: id, upn: id, email: id, name: id }) }),
      claims: { openid: ["sub"], profile: ["preferred_username", "upn", "name"], email: ["email"] },
      ...(mode === "entra-like" ? { conformIdTokenClaims: false } : {}),
      pkce: { required: () => true },
      features: { devInteractions: { enabled: true } },
      cookies: { keys: [randomBytes(16).toString("hex")] },
      ttl: { Interaction: 600, Grant: 3600, Session: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
      // One consent screen less: the dev pages ask only for the username.
      loadExistingGrant: async (ctx: {
        oidc: {
          client: { clientId: string };
          session: { accountId: string };
          params: { scope: string };
          provider: { Grant: new (a: Record<string, string>) => { addOIDCScope: (s: string) => void; save: () => Promise<string> } };
        };
      }) => {
        const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
        grant.addOIDCScope(ctx.oidc.params.scope);
        await grant.save();
        return grant;
      },
    });
    const ref: { op?: OidcTestOp } = {};
    provider.use(async (ctx, next) => {
      if (ctx.path === USERINFO_PATH && ref.op) ref.op.userInfoRequests++;
      await next();
    });
    const server = await new Promise<Server>((resolve) => {
      const s = provider.listen(port, "127.0.0.1", () => resolve(s));
    });
    ref.op = new OidcTestOp(server, issuer, mode);
    return ref.op;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.server.closeAllConnections?.();
      this.server.close(() => resolve());
    });
  }
}

async function freePortOnLoopback(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}
