import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashToken } from "@/lib/provisioning/token-secret";
import { consoleApi, signIn } from "../../helpers/console-client";
import { createOrganization, type TestOrganization } from "../../helpers/fixtures";
import { baseUrl } from "../../helpers/server";

interface Created {
  token: string;
  baseUrl: string;
  tokenInfo: { id: string; prefix: string; status: string; expiresAt: string; createdAt: string };
}
interface Settings {
  enabled: boolean;
  baseUrl: string;
  tokens: { id: string; prefix: string; status: string; createdBy: string | null; lastUsedAt: string | null }[];
}

describe("SCIM settings through the console API", () => {
  let org: TestOrganization;
  let cookie: string;
  const path = (p = "") => `/api/organizations/${org.orgId}/scim${p}`;

  beforeAll(async () => {
    org = await createOrganization();
    cookie = (await signIn(org.owner.email, org.owner.password))!;
    expect(cookie).toBeTruthy();
  });

  it("starts disabled with no tokens", async () => {
    const res = await consoleApi<Settings>(cookie, "GET", path());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ enabled: false, tokens: [], baseUrl: `${baseUrl()}/scim/v2/${org.orgId}` });
  });

  it("enables SCIM and shows the token once, never cached, stored only as a hash", async () => {
    const res = await consoleApi<Created>(cookie, "POST", path("/enable"));
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect(res.body.token).toMatch(/^scim_[A-Za-z0-9_-]{43}$/);
    expect(res.body.baseUrl).toBe(`${baseUrl()}/scim/v2/${org.orgId}`);
    expect(res.body.tokenInfo.prefix).toBe(res.body.token.slice(0, 11));
    const yearMs = new Date(res.body.tokenInfo.expiresAt).getTime() - new Date(res.body.tokenInfo.createdAt).getTime();
    expect(yearMs).toBe(365 * 86_400_000);

    const row = await db.scimToken.findUniqueOrThrow({ where: { id: res.body.tokenInfo.id } });
    expect(row.hash).toBe(hashToken(res.body.token));
    expect(JSON.stringify(row)).not.toContain(res.body.token.slice(5));
    const events = await db.auditEvent.findMany({ where: { organizationId: org.orgId } });
    expect(events.map((e) => e.action).sort()).toEqual(["scim.enabled", "scim.token.created"]);
    expect(JSON.stringify(events)).not.toContain(res.body.token.slice(5));
    expect(events.every((e) => e.actorLabel === org.owner.email)).toBe(true);

    const settings = await consoleApi<Settings>(cookie, "GET", path());
    expect(settings.body.enabled).toBe(true);
    expect(JSON.stringify(settings.body)).not.toContain(res.body.token.slice(5));
    expect(settings.body.tokens).toEqual([
      expect.objectContaining({ id: res.body.tokenInfo.id, status: "active", createdBy: org.owner.email, lastUsedAt: null }),
    ]);
  });

  it("refuses to enable twice", async () => {
    const res = await consoleApi(cookie, "POST", path("/enable"));
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: "conflict" } });
  });

  it("never makes a third active token, even under parallel requests", async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => consoleApi<Created>(cookie, "POST", path("/tokens"))));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(7);
    expect(results.find((r) => r.status === 409)!.body).toMatchObject({ error: { code: "too_many_tokens" } });
    expect(await db.scimToken.count({ where: { organizationId: org.orgId, deletedAt: null } })).toBe(2);
  });

  it("does not count an expired token as active", async () => {
    const oldest = await db.scimToken.findFirstOrThrow({
      where: { organizationId: org.orgId, deletedAt: null },
      orderBy: { createdAt: "asc" },
    });
    await db.scimToken.update({ where: { id: oldest.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const settings = await consoleApi<Settings>(cookie, "GET", path());
    expect(settings.body.tokens.find((t) => t.id === oldest.id)?.status).toBe("expired");
    const res = await consoleApi<Created>(cookie, "POST", path("/tokens"));
    expect(res.status).toBe(201);
    expect((await consoleApi(cookie, "POST", path("/tokens"))).status).toBe(409);
  });

  it("deletes a token, and a deleted token cannot be deleted again", async () => {
    const settings = await consoleApi<Settings>(cookie, "GET", path());
    const victim = settings.body.tokens.find((t) => t.status === "active")!;
    expect((await consoleApi(cookie, "DELETE", path(`/tokens/${victim.id}`))).status).toBe(200);
    expect((await consoleApi(cookie, "DELETE", path(`/tokens/${victim.id}`))).status).toBe(404);
    const after = await consoleApi<Settings>(cookie, "GET", path());
    expect(after.body.tokens.map((t) => t.id)).not.toContain(victim.id);
    expect((await consoleApi(cookie, "DELETE", path(`/tokens/not-a-token`))).status).toBe(404);
  });

  it.each([[{}], [{ confirm: "disable" }], [{ confirm: "Disable " }], [{ confirm: true }], ["Disable"]])(
    "refuses to disable without the exact word: %j",
    async (body) => {
      const res = await consoleApi(cookie, "POST", path("/disable"), body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: "invalid_input", message: expect.stringContaining("Disable") } });
      expect((await consoleApi<Settings>(cookie, "GET", path())).body.enabled).toBe(true);
    },
  );

  it("answers malformed JSON with a readable 400", async () => {
    const res = await fetch(`${baseUrl()}${path("/disable")}`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: baseUrl(), "Content-Type": "application/json" },
      body: "{nope",
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: "invalid_input", message: "The request body is not valid JSON." } });
  });

  it("disables with the exact word, deleting every token; enabling again creates a new one", async () => {
    const res = await consoleApi(cookie, "POST", path("/disable"), { confirm: "Disable" });
    expect(res.status).toBe(200);
    expect(await db.scimToken.count({ where: { organizationId: org.orgId, deletedAt: null } })).toBe(0);
    expect((await consoleApi<Settings>(cookie, "GET", path())).body).toMatchObject({ enabled: false, tokens: [] });
    expect((await consoleApi(cookie, "POST", path("/tokens"))).status).toBe(409);
    const again = await consoleApi<Created>(cookie, "POST", path("/enable"));
    expect(again.status).toBe(201);
    expect((await consoleApi<Settings>(cookie, "GET", path())).body.tokens).toHaveLength(1);
    const actions = (await db.auditEvent.findMany({ where: { organizationId: org.orgId }, orderBy: { createdAt: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["scim.enabled", "scim.token.created", "scim.token.deleted", "scim.disabled"]));
  });

  it("refuses state changes that do not come from the console's origin", async () => {
    for (const origin of [undefined, "https://evil.example"]) {
      const headers: Record<string, string> = { Cookie: cookie };
      if (origin) headers.Origin = origin;
      const res = await fetch(`${baseUrl()}${path("/tokens")}`, { method: "POST", headers });
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: "csrf" } });
    }
  });
});
