// The username claim from UserInfo (OpenID Connect Core §5.3, §5.4) when the ID token lacks it,
// against an OP that answers UserInfo as each test asks: its checks as named tests, each
// refusal with its reason code and sentence, in the activity log and in a Test sign-in.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { REFUSAL_TEXT } from "@/lib/sso/refusal";
import { Browser } from "../../helpers/sso-browser";
import { baseUrl } from "../../helpers/server";
import { CraftedOp } from "../../idp/crafted-op";
import { provision, saveConnection, ssoOrganization, startTestSignIn, testReportOf, urlsOf, type SsoOrg } from "./fixtures";

const dropUsername = ({ preferred_username: _drop, ...c }: Record<string, unknown>) => c;

describe("OIDC username from UserInfo (security)", () => {
  let op: CraftedOp;
  let org: SsoOrg;
  const lin = `lin-${Date.now()}@acme.test`;
  const victim = `victim-${Date.now()}@acme.test`;

  beforeAll(async () => {
    op = await CraftedOp.start();
    org = await ssoOrganization();
    await provision(org, lin);
    await provision(org, victim);
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
    op.claimsIn = "userinfo"; // as a conforming OP answers the code flow
    op.userInfoEndpoint = undefined;
    op.userInfoRequests = 0;
  });

  async function attempt() {
    const browser = new Browser();
    const hops: { url: string; status: number; location?: string }[] = [];
    await browser.go(urlsOf(org.orgId).signIn, {}, hops as never);
    const location = hops.find((h) => h.url.includes("/oidc/callback"))?.location ?? "";
    return {
      reason: new URL(location || "http://x/").searchParams.get("sso_error"),
      session: !!browser.cookie(location || "http://127.0.0.1/", "next-auth.session-token"),
    };
  }

  it("reads the username from UserInfo when the ID token has none", async () => {
    expect(await attempt()).toMatchObject({ reason: null, session: true });
    expect(op.userInfoRequests).toBe(1);
  });

  it("does not call UserInfo when the ID token carries the claim (as Entra sends it)", async () => {
    op.claimsIn = "id_token";
    expect(await attempt()).toMatchObject({ reason: null, session: true });
    expect(op.userInfoRequests).toBe(0);
  });

  it("refuses a UserInfo answer about another sub", async () => {
    op.forgery = { userInfo: { claims: (c) => ({ ...c, sub: "someone-else" }) } };
    expect(await attempt()).toMatchObject({ reason: "userinfo_wrong_subject", session: false });
  });

  it("refuses a UserInfo answer about another sub that names another member", async () => {
    op.forgery = { userInfo: { claims: (c) => ({ ...c, sub: victim, preferred_username: victim }) } };
    expect(await attempt()).toMatchObject({ reason: "userinfo_wrong_subject", session: false });
  });

  it("refuses a UserInfo answer without sub", async () => {
    op.forgery = { userInfo: { claims: ({ sub: _drop, ...c }) => c } };
    expect(await attempt()).toMatchObject({ reason: "userinfo_failed", session: false });
  });

  it.each([500, 403])("refuses when UserInfo answers HTTP %i", async (status) => {
    op.forgery = { userInfo: { status } };
    expect(await attempt()).toMatchObject({ reason: "userinfo_failed", session: false });
  });

  it("refuses when the UserInfo endpoint cannot be reached", async () => {
    op.userInfoEndpoint = "http://127.0.0.1:1/userinfo";
    expect(await attempt()).toMatchObject({ reason: "userinfo_failed", session: false });
  });

  it("refuses a username claim in neither the ID token nor UserInfo", async () => {
    op.forgery = { userInfo: { claims: dropUsername } };
    expect(await attempt()).toMatchObject({ reason: "no_username", session: false });
    op.claimsIn = "id_token";
    op.forgery = { claims: dropUsername, userInfo: { claims: dropUsername } };
    expect(await attempt()).toMatchObject({ reason: "no_username", session: false });
  });

  it("refuses a missing claim when the OP publishes no UserInfo endpoint", async () => {
    op.userInfoEndpoint = null;
    expect(await attempt()).toMatchObject({ reason: "no_username", session: false });
  });

  it("each refusal is in the activity log with its reason, and /login says the sentence", async () => {
    const events = await db.auditEvent.findMany({ where: { organizationId: org.orgId, action: "sso.signin.failed" } });
    for (const reason of ["userinfo_wrong_subject", "userinfo_failed", "no_username"])
      expect(events.some((e) => e.detail?.startsWith(`OIDC: ${reason}`))).toBe(true);
    expect(events.some((e) => e.detail?.includes("HTTP 500"))).toBe(true);
    for (const reason of ["userinfo_failed", "userinfo_wrong_subject"] as const) {
      const html = (await new Browser().go(`${baseUrl()}/login?sso_error=${reason}&org=${org.orgId}`)).html.replace(/&#x27;/g, "'");
      expect(html).toContain(REFUSAL_TEXT[reason]);
    }
  });

  it.each([
    ["UserInfo failing", { userInfo: { status: 503 } }, "userinfo_failed"],
    [
      "UserInfo about another sub",
      { userInfo: { claims: (c: Record<string, unknown>) => ({ ...c, sub: "someone-else" }) } },
      "userinfo_wrong_subject",
    ],
    ["the claim in neither", { userInfo: { claims: dropUsername } }, "no_username"],
  ] as const)("Test sign-in reports %s on the settings page, without a session", async (_case, forgery, reason) => {
    op.forgery = forgery;
    const { browser, location } = await startTestSignIn(org);
    const hops: { url: string; status: number; location?: string }[] = [];
    const report = await browser.go(location, {}, hops as never);
    expect(new URL(hops.find((h) => h.url.includes("/oidc/callback"))?.location ?? "").pathname).toBe(
      `/organizations/${org.orgId}/settings/sso`,
    );
    expect(testReportOf(report.html)).toContain("Test sign-in refused");
    expect(testReportOf(report.html)).toContain(REFUSAL_TEXT[reason]);
  });
});
