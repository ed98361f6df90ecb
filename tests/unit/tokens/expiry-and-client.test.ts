import { describe, expect, it } from "vitest";
import { redactSecrets } from "@/lib/audit/redact";
import { apiKeyPrefix, API_KEY_PATTERN, generateApiKey } from "@/lib/api-keys/key-secret";
import { createApiKeyInput } from "@/lib/api-keys/schemas";
import { expiryEmail } from "@/lib/notifications/expiry-email";
import { touchIsDue } from "@/lib/provisioning/authenticate-scim-token";
import { clientKind } from "@/lib/provisioning/client-kind";
import { daysLeft, expiryThreshold, lastToken } from "@/lib/provisioning/token-expiry";
import { expiryWarning } from "@/lib/provisioning/token-health";

const DAY = 86_400_000;
const expires = new Date("2027-06-01T12:00:00Z");
const at = (msBefore: number) => new Date(expires.getTime() - msBefore);

describe("expiry thresholds", () => {
  it.each([
    [31 * DAY, null],
    [30 * DAY + 1, null],
    [30 * DAY, "30d"],
    [8 * DAY, "30d"],
    [7 * DAY, "7d"],
    [2 * DAY, "7d"],
    [1 * DAY, "1d"],
    [60_000, "1d"],
    [0, "expired"],
    [-5 * DAY, "expired"],
  ] as const)("%d ms before the expiry: %s", (before, threshold) => {
    expect(expiryThreshold(expires, at(before))).toBe(threshold);
  });

  it("watches the token that expires last, and only while SCIM is enabled", () => {
    const tokens = [
      { id: "a", prefix: "scim_aaaaaa", expiresAt: new Date(expires.getTime() - 100 * DAY) },
      { id: "b", prefix: "scim_bbbbbb", expiresAt: expires },
    ];
    expect(lastToken(tokens)?.id).toBe("b");
    // The older token is within 7 days, but the newer one keeps provisioning alive for longer: no warning yet.
    expect(expiryWarning(tokens, true, at(95 * DAY))).toBeNull();
    expect(expiryWarning(tokens, true, at(6 * DAY))).toEqual({
      threshold: "7d",
      tokenId: "b",
      prefix: "scim_bbbbbb",
      expiresAt: expires.toISOString(),
    });
    expect(expiryWarning(tokens, false, at(6 * DAY))).toBeNull();
    expect(expiryWarning([], true, at(6 * DAY))).toBeNull();
    expect(daysLeft(expires, at(6.5 * DAY))).toBe(7);
  });
});

describe("the client that used a token", () => {
  it.each([
    ["Okta SCIM Client 1.0.0", "okta"],
    ["Azure Active Directory SCIM Client", "entra"],
    ["Microsoft.Identity.Provisioning/1.0", "entra"],
    ["Microsoft Entra ID provisioning", "entra"],
    ["curl/8.5.0", "other"],
    [null, "other"],
    ["", "other"],
  ] as const)("%s → %s", (ua, kind) => {
    expect(clientKind(ua)).toBe(kind);
  });

  it("writes last-used at once for a first use or a new client, else at most once a minute", () => {
    const now = new Date("2027-01-01T10:00:00Z");
    const recent = new Date(now.getTime() - 10_000);
    expect(touchIsDue({ lastUsedAt: null, lastUsedClient: null }, "okta", now)).toBe(true);
    expect(touchIsDue({ lastUsedAt: recent, lastUsedClient: "okta" }, "okta", now)).toBe(false);
    expect(touchIsDue({ lastUsedAt: recent, lastUsedClient: "okta" }, "entra", now)).toBe(true);
    expect(touchIsDue({ lastUsedAt: new Date(now.getTime() - 61_000), lastUsedClient: "okta" }, "okta", now)).toBe(true);
  });
});

describe("API key secrets and input", () => {
  it("are 256 random bits with a recognisable prefix", () => {
    const keys = new Set(Array.from({ length: 50 }, generateApiKey));
    expect(keys.size).toBe(50);
    for (const k of keys) expect(k).toMatch(API_KEY_PATTERN);
    const k = [...keys][0]!;
    expect(apiKeyPrefix(k)).toBe(k.slice(0, 13));
    expect(Buffer.from(k.slice(7), "base64url").length).toBe(32);
  });

  it("never leave the server whole through the activity API", () => {
    const k = generateApiKey();
    expect(redactSecrets(`sent ${k} by mistake`)).toBe(`sent ${k.slice(0, 13)}…[redacted] by mistake`);
  });

  it("live at most a year, with the scim:manage scope", () => {
    expect(createApiKeyInput.parse({ name: " Rotation ", expiresInDays: 365 })).toEqual({
      name: "Rotation",
      expiresInDays: 365,
      scope: "scim:manage",
    });
    expect(createApiKeyInput.safeParse({ name: "x", expiresInDays: 366 }).success).toBe(false);
    expect(createApiKeyInput.safeParse({ name: "x", expiresInDays: 30, scope: "admin" }).success).toBe(false);
    expect(createApiKeyInput.safeParse({ name: "", expiresInDays: 30 }).success).toBe(false);
  });
});

describe("expiry email", () => {
  it("names the organization, the token, the date and the page", () => {
    const mail = expiryEmail(["a@x.test"], {
      orgName: "Acme",
      prefix: "scim_ab12cd",
      expiresAt: expires,
      threshold: "7d",
      scimPageUrl: "https://c.example/organizations/o1/settings/scim",
    });
    expect(mail.subject).toBe("Acme: the last SCIM token expires in 7 days");
    expect(mail.text).toContain("scim_ab12cd…");
    expect(mail.text).toContain("2027-06-01 12:00 UTC");
    expect(mail.text).toContain("https://c.example/organizations/o1/settings/scim");
    expect(expiryEmail([], { orgName: "Acme", prefix: "p", expiresAt: expires, threshold: "expired", scimPageUrl: "u" }).subject).toContain(
      "provisioning has stopped",
    );
  });
});
