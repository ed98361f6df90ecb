import { describe, expect, it } from "vitest";
import { activityListParams, periodStart } from "@/lib/audit/activity-query";
import { actionLabel, actionsFor, actorText, eventSource, targetText } from "@/lib/audit/event-catalog";
import { authFailureReason, describeFailure, failureGroups } from "@/lib/audit/failure-reasons";
import { redactSecrets } from "@/lib/audit/redact";
import { retentionCutoff, retentionDays } from "@/lib/audit/retention";

// AUDIT_RETENTION_DAYS's accepted values: tests/unit/config/parse-config.test.ts.
describe("retention", () => {
  it("keeps the configured number of days (180 by default)", () => {
    expect(retentionDays()).toBe(180);
  });

  it("cuts off exactly N days before now", () => {
    expect(retentionCutoff(new Date("2026-07-01T12:00:00Z"), 180).toISOString()).toBe("2026-01-02T12:00:00.000Z");
    expect(retentionCutoff(new Date("2026-03-02T00:00:00Z"), 1).toISOString()).toBe("2026-03-01T00:00:00.000Z");
  });
});

describe("event catalog", () => {
  it("labels actions and sorts them into console and provisioning", () => {
    expect(actionLabel("scim.user.adopted")).toBe("Existing user linked");
    expect(actionLabel("something.new")).toBe("something.new");
    expect(eventSource("scim.token.created")).toBe("console");
    expect(eventSource("scim.auth.failed")).toBe("provisioning");
    expect(eventSource("scim.user.renamed")).toBe("provisioning");
    expect(actionsFor("scim.enabled")).toEqual(["scim.enabled"]);
    expect(eventSource("scim.group.created")).toBe("provisioning");
    expect(actionsFor("console").sort()).toEqual([
      "apikey.created",
      "apikey.deleted",
      "group.mapping.created",
      "group.mapping.removed",
      "member.locked",
      "member.removed",
      "member.unlocked",
      "scim.disabled",
      "scim.enabled",
      "scim.token.created",
      "scim.token.deleted",
      "scim.token.expiry_notified",
      "sso.connection.updated",
      "sso.disabled",
      "sso.enabled",
      "sso.test",
    ]);
    expect(actionsFor("provisioning")).toHaveLength(18);
    expect(actionsFor("sign-in").sort()).toEqual(["sso.signin.failed", "sso.signin.succeeded"]);
    expect(eventSource("sso.signin.failed")).toBe("sign-in");
  });

  it("names actors and targets in words", () => {
    expect(actorText({ type: "user", label: "owner@acme.test" })).toBe("owner@acme.test");
    expect(actorText({ type: "token", label: "scim_AbC123" })).toBe("Token scim_AbC123…");
    expect(actorText({ type: "anonymous", label: "scim_AbC123" })).toBe("Unaccepted token scim_AbC123…");
    expect(actorText({ type: "anonymous", label: null })).toBe("Unidentified caller");
    expect(actorText({ type: "api_key", label: "orgkey_AbC123" })).toBe("API key orgkey_AbC123…");
    expect(targetText({ type: "api_key", id: "k", label: "orgkey_AbC123" })).toBe("API key orgkey_AbC123…");
    expect(targetText({ type: "token", id: "t", label: "scim_AbC123" })).toBe("Token scim_AbC123…");
    expect(targetText({ type: "member", id: "m", label: "alice@acme.test" })).toBe("alice@acme.test");
    expect(targetText(null)).toBe("—");
  });

  it("validates activity filters", () => {
    expect(activityListParams.parse({})).toEqual({ period: "all", q: "", page: 1, pageSize: 25 });
    expect(activityListParams.safeParse({ action: "provisioning", outcome: "failure", period: "24h" }).success).toBe(true);
    for (const bad of [{ action: "scim.user" }, { outcome: "error" }, { period: "1h" }, { pageSize: "101" }])
      expect(activityListParams.safeParse(bad).success).toBe(false);
    const now = new Date("2026-05-10T12:00:00Z");
    expect(periodStart("24h", now)?.toISOString()).toBe("2026-05-09T12:00:00.000Z");
    expect(periodStart("7d", now)?.toISOString()).toBe("2026-05-03T12:00:00.000Z");
    expect(periodStart("all", now)).toBeNull();
  });
});

describe("failing requests, grouped by cause", () => {
  it.each([
    ["The bearer token has expired.", "expired_token"],
    ["The bearer token has been deleted.", "deleted_token"],
    ["SCIM provisioning is disabled for this organization.", "scim_disabled"],
    ["The bearer token is not valid for this organization.", "wrong_org"],
    ["Authorization header with a Bearer token is required.", "missing_token"],
    ["The bearer token is not valid.", "invalid_token"],
    [null, "invalid_token"],
  ])("%j → %s", (detail, reason) => {
    expect(authFailureReason(detail)).toBe(reason);
  });

  it("writes the banner's sentences", () => {
    expect(describeFailure("expired_token", null, 14).message).toBe("14 requests with an expired token");
    expect(describeFailure("deleted_token", null, 1).message).toBe("1 request with a deleted token");
    expect(describeFailure("rejected", 400, 1234).message).toBe("1,234 requests refused by the SCIM API (HTTP 400)");
  });

  it("merges causes, biggest first", () => {
    const t = (h: number) => new Date(Date.UTC(2026, 0, 1, h));
    const groups = failureGroups(
      [
        { detail: "The bearer token has expired.", count: 10, lastAt: t(1) },
        { detail: "Token has expired (legacy wording)", count: 4, lastAt: t(3) },
        { detail: "The bearer token is not valid.", count: 2, lastAt: t(2) },
      ],
      [
        { status: 400, count: 3, lastAt: t(4) },
        { status: 409, count: 2, lastAt: t(5) },
      ],
    );
    expect(groups.map((g) => [g.reason, g.status, g.count, g.lastAt])).toEqual([
      ["expired_token", null, 14, t(3).toISOString()],
      ["rejected", 400, 3, t(4).toISOString()],
      ["rejected", 409, 2, t(5).toISOString()],
      ["invalid_token", null, 2, t(2).toISOString()],
    ]);
    expect(failureGroups([], [])).toEqual([]);
  });
});

describe("secrets never leave in activity text", () => {
  const token = "scim_" + "A1b2C3d4E5".repeat(4) + "xyz";
  it.each([
    [`Token ${token} refused`, "Token scim_A1b2C3…[redacted] refused"],
    [`Authorization: Bearer ${token}`, "Authorization: Bearer [redacted]"],
    ["bearer abc.def.ghi", "bearer [redacted]"],
    ["scim_AbC123", "scim_AbC123"], // a display prefix is not a secret
    ["Changed: name, emails.", "Changed: name, emails."],
  ])("%j → %j", (text, expected) => {
    expect(redactSecrets(text)).toBe(expected);
    expect(redactSecrets(text)).not.toContain(token.slice(11));
  });
  it("keeps null", () => expect(redactSecrets(null)).toBeNull());
});
