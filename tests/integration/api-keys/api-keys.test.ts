// Organization API keys: their lifecycle in the console, and every refusal on the SCIM routes.
import { beforeAll, describe, expect, it } from "vitest";
import type { ApiKeyInfo } from "@/lib/api-keys/schemas";
import { hashApiKey } from "@/lib/api-keys/key-secret";
import { db } from "@/lib/db";
import type { ScimSettings } from "@/lib/provisioning/schemas";
import { consoleApi, signIn } from "../../helpers/console-client";
import { createOrganization, type TestOrganization } from "../../helpers/fixtures";
import { ScimClient } from "../scim/scim-client";
import { createKey, keyApi } from "./helpers";

interface Created {
  token: string;
  baseUrl: string;
  tokenInfo: { id: string; prefix: string; createdBy: string | null };
}

describe("organization API keys", () => {
  let org: TestOrganization;
  let other: TestOrganization;
  let owner: string;
  let iam: string;
  let key: string;
  let keyInfo: ApiKeyInfo;
  const scim = (p = "", orgId = org.orgId) => `/api/organizations/${orgId}/scim${p}`;

  beforeAll(async () => {
    org = await createOrganization();
    other = await createOrganization();
    owner = (await signIn(org.owner.email, org.owner.password))!;
    iam = (await signIn(org.iam.email, org.iam.password))!;
    const created = await createKey(iam, org.orgId, 90);
    key = created.key;
    keyInfo = created.apiKey;
  });

  it("is created by an IAM manager, shown once, stored only as a hash, and listed without the key", async () => {
    expect(key).toMatch(/^orgkey_[A-Za-z0-9_-]{43}$/);
    expect(keyInfo).toMatchObject({
      name: "rotation script",
      scope: "scim:manage",
      prefix: key.slice(0, 13),
      createdBy: org.iam.email,
      lastUsedAt: null,
      status: "active",
    });
    const days = (Date.parse(keyInfo.expiresAt) - Date.parse(keyInfo.createdAt)) / 86_400_000;
    expect(days).toBe(90);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: keyInfo.id } });
    expect(row.hash).toBe(hashApiKey(key));
    expect(JSON.stringify(row)).not.toContain(key);
    const list = await consoleApi<{ apiKeys: ApiKeyInfo[] }>(owner, "GET", `/api/organizations/${org.orgId}/api-keys`);
    expect(list.body.apiKeys.map((k) => k.id)).toEqual([keyInfo.id]);
    expect(JSON.stringify(list.body)).not.toContain(key);
  });

  it.each([
    ["a plain member", "member", 403],
    ["another organization's owner", "otherOwner", 404],
  ] as const)("cannot be created by %s", async (_label, who, status) => {
    const person = who === "member" ? org.member : other.owner;
    const cookie = (await signIn(person.email, person.password))!;
    expect((await consoleApi(cookie, "POST", `/api/organizations/${org.orgId}/api-keys`, { name: "x", expiresInDays: 30 })).status).toBe(
      status,
    );
  });

  it("lives at most one year", async () => {
    const res = await consoleApi(owner, "POST", `/api/organizations/${org.orgId}/api-keys`, { name: "too long", expiresInDays: 400 });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain("365");
  });

  it("runs the whole SCIM lifecycle without cookie or Origin, and the audit trail names it", async () => {
    expect((await keyApi<ScimSettings>(key, "GET", scim())).body).toMatchObject({ enabled: false, tokens: [] });
    const enabled = await keyApi<Created>(key, "POST", scim("/enable"));
    expect(enabled.status).toBe(201);
    expect(enabled.headers.get("cache-control")).toContain("no-store");
    expect(enabled.body.tokenInfo.createdBy).toBe(`API key ${keyInfo.prefix}…`);
    const second = await keyApi<Created>(key, "POST", scim("/tokens"));
    expect(second.status).toBe(201);
    const third = await keyApi<{ error: { code: string } }>(key, "POST", scim("/tokens"));
    expect(third.status).toBe(409);
    expect(third.body.error.code).toBe("too_many_tokens");
    // The new token works for the identity provider.
    expect((await new ScimClient(org.orgId, second.body.token).get("/Users")).status).toBe(200);
    expect((await keyApi(key, "DELETE", scim(`/tokens/${enabled.body.tokenInfo.id}`))).status).toBe(200);
    expect((await keyApi(key, "DELETE", scim(`/tokens/${enabled.body.tokenInfo.id}`))).status).toBe(404);
    expect((await keyApi(key, "POST", scim("/disable"), { confirm: "disable" })).status).toBe(400);
    expect((await keyApi(key, "POST", scim("/disable"), { confirm: "Disable" })).status).toBe(200);
    expect((await keyApi<ScimSettings>(key, "GET", scim())).body).toMatchObject({ enabled: false, tokens: [] });

    const events = await db.auditEvent.findMany({
      where: { organizationId: org.orgId, actorType: "api_key" },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual([
      "scim.enabled",
      "scim.token.created",
      "scim.token.created",
      "scim.token.deleted",
      "scim.disabled",
    ]);
    for (const e of events) expect(e).toMatchObject({ actorId: keyInfo.id, actorLabel: keyInfo.prefix });
    const listed = await consoleApi<{ apiKeys: ApiKeyInfo[] }>(owner, "GET", `/api/organizations/${org.orgId}/api-keys`);
    expect(listed.body.apiKeys[0]?.lastUsedAt).not.toBeNull();
  });

  it("cannot reach another organization: 404, as for a session", async () => {
    const { key } = await createKey(owner, org.orgId, 30, "wanderer"); // its own rate-limit bucket
    for (const [method, path] of [
      ["GET", ""],
      ["POST", "/enable"],
      ["POST", "/tokens"],
    ] as const) {
      expect((await keyApi(key, method, scim(path, other.orgId))).status).toBe(404);
    }
    expect(await db.scimConfig.findUnique({ where: { organizationId: other.orgId } })).toBeNull();
  });

  it("cannot create, list or delete API keys", async () => {
    const base = `/api/organizations/${org.orgId}/api-keys`;
    const before = await db.apiKey.count({ where: { organizationId: org.orgId } });
    expect((await keyApi(key, "GET", base)).status).toBe(401);
    // A script sends no Origin: the console's cross-site check refuses first; with one, there is still no session.
    expect((await keyApi(key, "POST", base, { name: "child", expiresInDays: 30 })).status).toBe(403);
    expect((await consoleApi(null, "POST", base, { name: "child", expiresInDays: 30 }, { Authorization: `Bearer ${key}` })).status).toBe(
      401,
    );
    expect((await consoleApi(null, "DELETE", `${base}/${keyInfo.id}`, undefined, { Authorization: `Bearer ${key}` })).status).toBe(401);
    expect(await db.apiKey.count({ where: { organizationId: org.orgId } })).toBe(before);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: keyInfo.id } })).deletedAt).toBeNull();
  });

  it("refuses a malformed or unknown key with 401", async () => {
    for (const bad of ["orgkey_short", `orgkey_${"A".repeat(43)}`, "scim_" + "A".repeat(43)]) {
      const res = await keyApi<{ error: { code: string } }>(bad, "GET", scim());
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toContain("Bearer");
    }
  });

  it("refuses an expired key, and a key without the scope", async () => {
    const expired = await createKey(owner, org.orgId, 1, "expired");
    await db.apiKey.update({ where: { id: expired.apiKey.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await keyApi<{ error: { message: string } }>(expired.key, "GET", scim());
    expect(res.status).toBe(401);
    expect(res.body.error.message).toContain("expired");

    const narrow = await createKey(owner, org.orgId, 30, "narrow");
    await db.apiKey.update({ where: { id: narrow.apiKey.id }, data: { scope: "activity:read" } });
    expect((await keyApi(narrow.key, "GET", scim())).status).toBe(403);
  });

  it("is refused from the next request on once deleted", async () => {
    const doomed = await createKey(owner, org.orgId, 30, "doomed");
    expect((await keyApi(doomed.key, "GET", scim())).status).toBe(200);
    expect((await consoleApi(owner, "DELETE", `/api/organizations/${org.orgId}/api-keys/${doomed.apiKey.id}`)).status).toBe(200);
    const res = await keyApi<{ error: { message: string } }>(doomed.key, "GET", scim());
    expect(res.status).toBe(401);
    expect(res.body.error.message).toContain("deleted");
    expect((await consoleApi(owner, "DELETE", `/api/organizations/${org.orgId}/api-keys/${doomed.apiKey.id}`)).status).toBe(404);
    // Another organization's owner cannot delete this organization's key.
    const otherOwner = (await signIn(other.owner.email, other.owner.password))!;
    expect((await consoleApi(otherOwner, "DELETE", `/api/organizations/${org.orgId}/api-keys/${keyInfo.id}`)).status).toBe(404);
  });

  it("is rate-limited per key, with Retry-After", async () => {
    const busy = await createKey(owner, org.orgId, 30, "busy");
    const results = await Promise.all(Array.from({ length: 150 }, () => keyApi(busy.key, "GET", scim())));
    const limited = results.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(Number(limited[0]!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(results.every((r) => r.status === 200 || r.status === 429)).toBe(true);
    // Another key of the same organization is not affected.
    expect((await keyApi(key, "GET", scim())).status).toBe(200);
  });
});
