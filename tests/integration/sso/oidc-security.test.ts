// OIDC ID token checks, each a named test, against an OP that forges exactly one thing:
// signature (JWKS, with rotation), iss, aud, exp, nonce; and the state bound to the browser.
// The username claim missing, and UserInfo's checks: oidc-userinfo.test.ts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Browser } from "../../helpers/sso-browser";
import { CraftedOp, opKey } from "../../idp/crafted-op";
import { provision, saveConnection, ssoOrganization, urlsOf, type SsoOrg } from "./fixtures";

describe("OIDC ID token validation (security)", () => {
  let op: CraftedOp;
  let org: SsoOrg;
  const lin = `lin-${Date.now()}@acme.test`;

  beforeAll(async () => {
    op = await CraftedOp.start();
    org = await ssoOrganization();
    await provision(org, lin);
    const saved = await saveConnection(org, {
      protocol: "oidc",
      enabled: true,
      requireSso: false,
      oidc: { issuer: op.issuer, clientId: "console", clientSecret: "s3cret", usernameClaim: "preferred_username" },
    });
    expect(saved.status).toBe(200);
  });
  afterAll(async () => op?.stop());
  beforeEach(() => {
    op.forgery = {};
    op.username = lin;
  });

  async function attempt() {
    const browser = new Browser();
    const hops: { url: string; status: number; location?: string }[] = [];
    await browser.go(urlsOf(org.orgId).signIn, {}, hops as never);
    const callback = hops.find((h) => h.url.includes("/oidc/callback"));
    const location = callback?.location ?? "";
    return {
      location,
      reason: new URL(location || "http://x/").searchParams.get("sso_error"),
      session: !!browser.cookie(location || "http://127.0.0.1/", "next-auth.session-token"),
    };
  }

  it("accepts a correctly signed ID token", async () => {
    const r = await attempt();
    expect(r).toMatchObject({ reason: null, session: true });
  });

  it("accepts a token signed by a rotated-in key (fetched from the JWKS)", async () => {
    const next = opKey("k2");
    op.keys = [next, ...op.keys];
    expect(await attempt()).toMatchObject({ reason: null, session: true });
  });

  it("refuses a token signed by a key not in the JWKS", async () => {
    op.forgery = { signWith: opKey("k1") }; // same kid, another key
    expect(await attempt()).toMatchObject({ reason: "bad_token", session: false });
  });

  it("refuses an unsigned token (alg none)", async () => {
    op.forgery = { signWith: null };
    expect(await attempt()).toMatchObject({ reason: "bad_token", session: false });
  });

  it("refuses a wrong iss", async () => {
    op.forgery = { claims: (c) => ({ ...c, iss: "https://evil.example" }) };
    expect(await attempt()).toMatchObject({ reason: "bad_token", session: false });
  });

  it("refuses a wrong aud", async () => {
    op.forgery = { claims: (c) => ({ ...c, aud: "another-client" }) };
    expect(await attempt()).toMatchObject({ reason: "bad_token", session: false });
  });

  it("refuses an expired token", async () => {
    op.forgery = { claims: (c) => ({ ...c, iat: Number(c.iat) - 3600, exp: Number(c.iat) - 1800 }) };
    expect(await attempt()).toMatchObject({ reason: "bad_token", session: false });
  });

  it("refuses a wrong nonce", async () => {
    op.forgery = { claims: (c) => ({ ...c, nonce: "not-the-one-we-sent" }) };
    expect(await attempt()).toMatchObject({ reason: "bad_token", session: false });
  });

  it("refuses a valid token for a username that is not a member", async () => {
    op.username = `stranger-${Date.now()}@acme.test`;
    expect(await attempt()).toMatchObject({ reason: "no_member", session: false });
  });
});
