import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// An OpenID Provider that issues exactly the ID token a test asks for (signed by any key,
// with any claim changed), and the UserInfo answer a test asks for (another sub, an error, no
// endpoint), to show that the relying party refuses each forgery or failure. The happy path is
// tested against oidc-provider (oidc-op.ts); this one exists for the attacks.

export interface OpKey {
  kid: string;
  privateKey: KeyObject;
}

export function opKey(kid = randomBytes(4).toString("hex")): OpKey {
  return { kid, privateKey: generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey };
}

const b64url = (v: unknown) => Buffer.from(typeof v === "string" ? v : JSON.stringify(v)).toString("base64url");

export function jwt(header: Record<string, unknown>, claims: Record<string, unknown>, key: OpKey | null): string {
  const input = `${b64url(header)}.${b64url(claims)}`;
  if (!key) return `${input}.`;
  return `${input}.${sign("sha256", Buffer.from(input), createPrivateKey(key.privateKey.export({ format: "pem", type: "pkcs8" }))).toString("base64url")}`;
}

export interface Forgery {
  claims?: (c: Record<string, unknown>) => Record<string, unknown>;
  header?: (h: Record<string, unknown>) => Record<string, unknown>;
  signWith?: OpKey | null;
  /** The UserInfo answer: its claims changed, or an error status instead. */
  userInfo?: { claims?: (c: Record<string, unknown>) => Record<string, unknown>; status?: number };
}

async function body(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

export class CraftedOp {
  /** Published in the JWKS; the first one signs by default. */
  keys: OpKey[] = [opKey("k1")];
  forgery: Forgery = {};
  username = "";
  /** Where the username claims go: the ID token (as Entra sends them) or only UserInfo (a conforming OP's code flow). */
  claimsIn: "id_token" | "userinfo" = "id_token";
  /** The UserInfo endpoint published in discovery: ours (undefined), any URL (one nobody answers), or none (null). */
  userInfoEndpoint: string | null | undefined = undefined;
  userInfoRequests = 0;
  private readonly codes = new Map<string, { nonce: string; clientId: string }>();
  private readonly accessTokens = new Map<string, string>();

  private constructor(
    private readonly server: Server,
    readonly issuer: string,
  ) {}

  static async start(): Promise<CraftedOp> {
    const ref: { op?: CraftedOp } = {};
    const server = createServer((req, res) => {
      void ref.op?.handle(req).then(
        (r) => res.writeHead(r.status, r.headers).end(r.body),
        (err: unknown) => res.writeHead(500).end(String(err)),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    ref.op = new CraftedOp(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return ref.op;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; headers: Record<string, string>; body: string }> {
    const url = new URL(req.url ?? "/", this.issuer);
    const json = (v: unknown) => ({ status: 200, headers: { "Content-Type": "application/json" }, body: JSON.stringify(v) });
    if (url.pathname === "/.well-known/openid-configuration") {
      return json({
        issuer: this.issuer,
        authorization_endpoint: `${this.issuer}/authorize`,
        token_endpoint: `${this.issuer}/token`,
        jwks_uri: `${this.issuer}/jwks`,
        ...(this.userInfoEndpoint === null ? {} : { userinfo_endpoint: this.userInfoEndpoint ?? `${this.issuer}/userinfo` }),
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        code_challenge_methods_supported: ["S256"],
        token_endpoint_auth_methods_supported: ["client_secret_basic"],
      });
    }
    if (url.pathname === "/jwks")
      return json({
        keys: this.keys.map((k) => ({ ...createPublicKey(k.privateKey).export({ format: "jwk" }), kid: k.kid, alg: "RS256", use: "sig" })),
      });
    if (url.pathname === "/authorize") {
      // Signs the user in at once and answers the redirect URI with a code.
      const code = randomBytes(16).toString("hex");
      this.codes.set(code, { nonce: url.searchParams.get("nonce") ?? "", clientId: url.searchParams.get("client_id") ?? "" });
      const back = new URL(url.searchParams.get("redirect_uri") ?? "");
      back.searchParams.set("code", code);
      back.searchParams.set("state", url.searchParams.get("state") ?? "");
      back.searchParams.set("iss", this.issuer);
      return { status: 302, headers: { Location: back.href }, body: "" };
    }
    if (url.pathname === "/token" && req.method === "POST") {
      const form = await body(req);
      const grant = this.codes.get(form.get("code") ?? "");
      if (!grant) return { status: 400, headers: { "Content-Type": "application/json" }, body: JSON.stringify({ error: "invalid_grant" }) };
      this.codes.delete(form.get("code") ?? "");
      const now = Math.floor(Date.now() / 1000);
      const signer = this.forgery.signWith === undefined ? (this.keys[0] ?? null) : this.forgery.signWith;
      const claims = {
        iss: this.issuer,
        aud: grant.clientId,
        sub: this.username,
        iat: now,
        exp: now + 300,
        nonce: grant.nonce,
        ...(this.claimsIn === "id_token" ? this.userClaims() : {}),
      };
      const header = { alg: signer ? "RS256" : "none", typ: "JWT", ...(signer ? { kid: signer.kid } : {}) };
      const idToken = jwt(this.forgery.header?.(header) ?? header, this.forgery.claims?.(claims) ?? claims, signer);
      const accessToken = randomBytes(16).toString("hex");
      this.accessTokens.set(accessToken, this.username);
      return json({ access_token: accessToken, token_type: "Bearer", expires_in: 300, id_token: idToken, scope: "openid profile email" });
    }
    if (url.pathname === "/userinfo") {
      this.userInfoRequests++;
      const sub = this.accessTokens.get(/^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "");
      if (sub === undefined) return { status: 401, headers: { "WWW-Authenticate": 'Bearer error="invalid_token"' }, body: "" };
      const answer = this.forgery.userInfo ?? {};
      if (answer.status)
        return { status: answer.status, headers: { "Content-Type": "application/json" }, body: JSON.stringify({ error: "server_error" }) };
      const claims = { sub, ...this.userClaims() };
      return json(answer.claims?.(claims) ?? claims);
    }
    return { status: 404, headers: {}, body: "not found" };
  }

  private userClaims(): Record<string, unknown> {
    return { preferred_username: this.username, email: this.username };
  }
}
