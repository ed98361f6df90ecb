// What the SCIM page's banners read (GET /api/organizations/[orgId]/scim) and the "last client"
// of each token, through real HTTP: the expiry warning, "provisioning has stopped" with the
// identity provider's last rejected request, and who used each token from where.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { ScimSettings } from "@/lib/provisioning/schemas";
import { consoleApi, signIn } from "../../helpers/console-client";
import { createToken } from "../../helpers/fixtures";
import { ScimClient, scimOrg, type ScimOrg } from "../scim/scim-client";

const DAY = 86_400_000;
const OKTA = "Okta SCIM Client 1.0.0";
const ENTRA = "Azure Active Directory SCIM Client";

describe("token banners and last clients", () => {
  let so: ScimOrg;
  let owner: string;
  let member: string;
  const settings = async (cookie = owner) => consoleApi<ScimSettings>(cookie, "GET", `/api/organizations/${so.org.orgId}/scim`);

  beforeAll(async () => {
    so = await scimOrg();
    owner = (await signIn(so.org.owner.email, so.org.owner.password))!;
    member = (await signIn(so.org.member.email, so.org.member.password))!;
  });

  it("records the client and address of a token's first use at once, and a change of client at once", async () => {
    expect((await settings()).body.tokens[0]).toMatchObject({ lastUsedAt: null, lastUsedClient: null, lastUsedAddress: null });
    expect((await so.scim.get("/Users?count=1", { headers: { "User-Agent": OKTA } })).status).toBe(200);
    const first = (await settings()).body.tokens[0]!;
    expect(first).toMatchObject({ lastUsedClient: "okta", lastUsedAddress: "127.0.0.1" });
    expect(first.lastUsedAt).not.toBeNull();

    // Same client within the minute: throttled, no write.
    await so.scim.get("/Users?count=1", { headers: { "User-Agent": OKTA } });
    expect((await settings()).body.tokens[0]!.lastUsedAt).toBe(first.lastUsedAt);

    // Another client: written at once.
    await so.scim.get("/Users?count=1", { headers: { "User-Agent": ENTRA } });
    expect((await settings()).body.tokens[0]!.lastUsedClient).toBe("entra");
    await so.scim.get("/Users?count=1", { headers: { "User-Agent": "curl/8.5" } });
    expect((await settings()).body.tokens[0]!.lastUsedClient).toBe("other");
  });

  it("warns about the last token's expiry, not about an older token's", async () => {
    expect((await settings()).body.expiry).toBeNull();
    const [t] = (await settings()).body.tokens;
    await db.scimToken.update({ where: { id: t!.id }, data: { expiresAt: new Date(Date.now() + 5 * DAY) } });
    const warned = (await settings()).body;
    expect(warned.expiry).toMatchObject({ threshold: "7d", tokenId: t!.id, prefix: t!.prefix });
    expect(warned.stopped).toBeNull();

    // A second, fresh token keeps provisioning alive: no warning until it runs out too.
    await createToken(so.org);
    expect((await settings()).body.expiry).toBeNull();
  });

  it("says provisioning has stopped when no active token remains, with the last rejected request", async () => {
    const { tokens } = (await settings()).body;
    const [fresh, old] = tokens;
    await db.scimToken.update({ where: { id: fresh!.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    await db.scimToken.update({ where: { id: old!.id }, data: { expiresAt: new Date(Date.now() - 2 * DAY) } });
    expect((await settings()).body.stopped).toEqual({ lastRejected: null });

    // The identity provider keeps calling with the expired token.
    expect((await so.scim.get("/Users", { headers: { "User-Agent": ENTRA } })).status).toBe(401);
    const s = (await settings()).body;
    expect(s.expiry).toMatchObject({ threshold: "expired", tokenId: fresh!.id });
    expect(s.stopped?.lastRejected).toMatchObject({ status: 401, detail: "The bearer token has expired." });

    // Once all tokens are deleted the banner still says so (SCIM is on, nothing can provision).
    for (const t of s.tokens) await consoleApi(owner, "DELETE", `/api/organizations/${so.org.orgId}/scim/tokens/${t.id}`);
    const none = (await settings()).body;
    expect(none.expiry).toBeNull();
    expect(none.stopped?.lastRejected?.status).toBe(401);
  });

  it("is for owners and IAM managers only", async () => {
    expect((await settings(member)).status).toBe(403);
    const iam = (await signIn(so.org.iam.email, so.org.iam.password))!;
    expect((await settings(iam)).status).toBe(200);
  });

  it("a token of another client class reads its kind only from the User-Agent", async () => {
    const other = await scimOrg();
    const client = new ScimClient(other.org.orgId, other.scim.token);
    await client.get("/Users?count=1", {
      headers: { "User-Agent": "Microsoft.Identity.Provisioning/1.0", "X-Forwarded-For": "203.0.113.9" },
    });
    const row = await db.scimToken.findFirstOrThrow({ where: { organizationId: other.org.orgId } });
    expect(row.lastUsedClient).toBe("entra");
    // TRUST_PROXY=0 in the tests: the right-most X-Forwarded-For entry is what Next saw.
    expect(row.lastUsedAddress).toBe("203.0.113.9");
  });
});
