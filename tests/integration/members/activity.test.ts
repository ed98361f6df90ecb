import { beforeAll, describe, expect, it } from "vitest";
import type { ActivityPage } from "@/lib/audit/activity-view";
import type { ActivitySummary } from "@/lib/audit/summarize-activity";
import type { Actor } from "@/lib/audit/record-event";
import { consoleApi, signIn } from "../../helpers/console-client";
import { createOrganization, type TestOrganization } from "../../helpers/fixtures";
import { hoursAgo, insertEvents } from "./fixtures";

describe("GET /api/organizations/[orgId]/activity: a filterable, paginated timeline", () => {
  let org: TestOrganization;
  let cookie: string;
  const token: Actor = { type: "token", id: "t1", label: "scim_AbC123" };
  const list = async (qs = "") => {
    const res = await consoleApi<ActivityPage>(cookie, "GET", `/api/organizations/${org.orgId}/activity?${qs}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    org = await createOrganization();
    cookie = (await signIn(org.owner.email, org.owner.password))!;
    const owner: Actor = { type: "user", id: org.owner.userId, label: org.owner.email };
    const orgId = org.orgId;
    await insertEvents([
      { organizationId: orgId, actor: owner, action: "scim.enabled", createdAt: hoursAgo(72) },
      {
        organizationId: orgId,
        actor: owner,
        action: "scim.token.created",
        target: { type: "token", id: "t1", label: "scim_AbC123" },
        createdAt: hoursAgo(72),
      },
      {
        organizationId: orgId,
        actor: token,
        action: "scim.user.created",
        target: { type: "member", id: "m1", label: "alice@acme.test" },
        createdAt: hoursAgo(10),
      },
      {
        organizationId: orgId,
        actor: token,
        action: "scim.user.updated",
        target: { type: "member", id: "m1", label: "alice@acme.test" },
        detail: "Changed: name.",
        createdAt: hoursAgo(9),
      },
      {
        organizationId: orgId,
        actor: token,
        action: "scim.user.locked",
        target: { type: "member", id: "m1", label: "alice@acme.test" },
        createdAt: hoursAgo(8),
      },
      {
        organizationId: orgId,
        actor: token,
        action: "scim.request.rejected",
        target: { type: "request", label: "POST /Users" },
        outcome: "failure",
        status: 409,
        detail: "A User with userName 'bob@acme.test' already exists.",
        createdAt: hoursAgo(7),
      },
      {
        organizationId: orgId,
        actor: { type: "anonymous", label: "scim_OldTok" },
        action: "scim.auth.failed",
        outcome: "failure",
        status: 401,
        detail: "The bearer token has expired.",
        createdAt: hoursAgo(2),
      },
      ...Array.from({ length: 13 }, (_, i) => ({
        organizationId: orgId,
        actor: { type: "anonymous", label: "scim_OldTok" } as Actor,
        action: "scim.auth.failed",
        outcome: "failure" as const,
        status: 401,
        detail: "The bearer token has expired.",
        createdAt: hoursAgo(1 + i / 100),
      })),
      {
        organizationId: orgId,
        actor: { type: "anonymous" },
        action: "scim.auth.failed",
        outcome: "failure",
        status: 401,
        detail: "The bearer token is not valid.",
        createdAt: hoursAgo(30),
      },
      {
        organizationId: orgId,
        actor: owner,
        action: "member.removed",
        target: { type: "member", id: "m2", label: "bob@acme.test" },
        createdAt: hoursAgo(0.5),
      },
    ]);
    // Another organization's events never show.
    const other = await createOrganization();
    await insertEvents([
      { organizationId: other.orgId, actor: token, action: "scim.user.created", target: { type: "member", label: "alice@acme.test" } },
    ]);
  });

  it("lists newest first with actor, action, target, outcome and time", async () => {
    const page = await list();
    expect(page).toMatchObject({ total: 22, page: 1, pageSize: 25, pageCount: 1, retentionDays: 180 });
    expect(page.items[0]).toMatchObject({
      action: "member.removed",
      actionLabel: "Member removed",
      source: "console",
      actor: { type: "user", label: org.owner.email },
      target: { type: "member", id: "m2", label: "bob@acme.test" },
      outcome: "success",
      status: null,
    });
    const times = page.items.map((e) => e.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    const rejected = page.items.find((e) => e.action === "scim.request.rejected");
    expect(rejected).toMatchObject({
      outcome: "failure",
      status: 409,
      detail: expect.stringContaining("already exists"),
      target: { type: "request", label: "POST /Users" },
      actor: { type: "token", label: "scim_AbC123" },
    });
  });

  it("filters by action, by source, by outcome, by period and by actor or target", async () => {
    expect((await list("action=scim.user.locked")).items.map((e) => e.target?.label)).toEqual(["alice@acme.test"]);
    expect((await list("action=console")).items.map((e) => e.action).sort()).toEqual([
      "member.removed",
      "scim.enabled",
      "scim.token.created",
    ]);
    expect((await list("action=provisioning")).total).toBe(19);
    expect((await list("outcome=failure")).total).toBe(16);
    expect((await list("outcome=failure&action=scim.auth.failed&period=24h")).total).toBe(14);
    expect((await list("period=7d")).total).toBe(22);
    expect((await list("period=24h")).total).toBe(19);
    expect((await list("q=alice")).total).toBe(3);
    expect((await list("q=ALICE")).total).toBe(3);
    expect((await list("q=scim_OldTok")).total).toBe(14);
  });

  it("matches % _ and \\ in a search literally, and ignores case in every script, on both databases (one LIKE escaping)", async () => {
    const o = await createOrganization();
    const c = (await signIn(o.owner.email, o.owner.password))!;
    const owner: Actor = { type: "user", id: o.owner.userId, label: o.owner.email };
    const literal = "report_2026%final\\draft";
    await insertEvents([
      {
        organizationId: o.orgId,
        actor: owner,
        action: "member.removed",
        target: { type: "member", label: literal },
        createdAt: hoursAgo(3),
      },
      // What `_`, `%` and `\` would find as wildcards (or, on PostgreSQL, as its default escape).
      {
        organizationId: o.orgId,
        actor: owner,
        action: "member.removed",
        target: { type: "member", label: "reportX2026Yfinal draft" },
        createdAt: hoursAgo(2),
      },
      {
        organizationId: o.orgId,
        actor: { type: "user", id: "u-élodie", label: "Élodie.Durand@Acme.test" },
        action: "member.locked",
        target: { type: "member", label: "ÅSA@acme.test" },
        createdAt: hoursAgo(1),
      },
    ]);
    const search = async (q: string) => {
      const res = await consoleApi<ActivityPage>(c, "GET", `/api/organizations/${o.orgId}/activity?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      return res.body.items.map((e) => e.target?.label);
    };
    for (const q of ["t_2", "%final", "\\draft", "_2026%final\\", "REPORT_"]) expect(await search(q), q).toEqual([literal]);
    for (const q of ["_", "%", "\\"]) expect(await search(q), q).toEqual([literal]);
    for (const q of ["élodie", "ÉLODIE", "acme.TEST", "åsa", "ÅSA"]) expect(await search(q), q).toEqual(["ÅSA@acme.test"]);
    expect(await search("report")).toEqual(["reportX2026Yfinal draft", literal]); // newest first
  });

  it("pages without overlap", async () => {
    const ids: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const body = await list(`pageSize=10&page=${page}`);
      expect(body).toMatchObject({ total: 22, pageCount: 3 });
      ids.push(...body.items.map((e) => e.id));
    }
    expect(new Set(ids).size).toBe(22);
  });

  it.each(["action=scim.user.exploded", "outcome=maybe", "period=1y", "pageSize=500", "page=-1"])(
    "answers %s with a readable 400",
    async (qs) => {
      const res = await consoleApi(cookie, "GET", `/api/organizations/${org.orgId}/activity?${qs}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: "invalid_input" } });
    },
  );

  it("summarises the last 24 hours of failing requests by cause, for the settings page banner", async () => {
    const res = await consoleApi<ActivitySummary>(cookie, "GET", `/api/organizations/${org.orgId}/activity/summary`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ windowHours: 24, failedRequests: 15, lastTokenUseAt: null });
    expect(res.body.failures.map((f) => [f.reason, f.status, f.count, f.message])).toEqual([
      ["expired_token", null, 14, "14 requests with an expired token"],
      ["rejected", 409, 1, "1 request refused by the SCIM API (HTTP 409)"],
    ]);
    expect(new Date(res.body.lastFailureAt!).getTime()).toBeGreaterThan(hoursAgo(1.2).getTime());
  });

  it("an organization without failures has nothing to warn about", async () => {
    const quiet = await createOrganization();
    const c = (await signIn(quiet.owner.email, quiet.owner.password))!;
    const res = await consoleApi<ActivitySummary>(c, "GET", `/api/organizations/${quiet.orgId}/activity/summary`);
    expect(res.body).toMatchObject({ failedRequests: 0, failures: [], lastFailureAt: null });
  });
});
