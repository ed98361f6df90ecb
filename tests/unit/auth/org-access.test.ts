// The access rule as a table: which session, which membership as read, what it may do.
import { describe, expect, it } from "vitest";
import { decide } from "@/lib/auth/org-access";
import { can } from "@/lib/auth/permissions";
import type { SessionClaims } from "@/lib/auth/session";
import type { Membership } from "@/lib/members/store";

const member = (over: Partial<Membership> = {}): Membership => ({
  id: "m1",
  organizationId: "o1",
  organizationName: "Acme",
  role: "member",
  iamByHand: false,
  iamByGroup: false,
  locked: false,
  scimManaged: true,
  ssoEnabled: true,
  requireSso: false,
  scimEnabled: true,
  profile: {
    id: "m1",
    userName: "grace@acme.test",
    email: null,
    givenName: null,
    familyName: null,
    displayName: null,
    scimManaged: true,
    role: "member",
    lastSignInAt: null,
    lastSignInMethod: null,
  },
  ...over,
});

const password: SessionClaims = { method: "password", userId: "u1" };
const saml: SessionClaims = { method: "saml", organizationId: "o1", memberId: "m1", userName: "grace@acme.test" };
const oidc: SessionClaims = { ...saml, method: "oidc" };

const summary = (d: ReturnType<typeof decide>) =>
  d.status === "ok" ? (can(d.access, "provisioning:manage") ? "manager" : "member") : d.status === "ended" ? `ended:${d.reason}` : d.status;

describe("the access decision", () => {
  it.each([
    ["by hand", { iamByHand: true }, "manager"],
    ["through a group", { iamByGroup: true }, "manager"],
    ["both", { iamByHand: true, iamByGroup: true }, "manager"],
    ["none", {}, "member"],
    ["none, the owner (who holds every permission)", { role: "owner" }, "manager"],
  ] as const)("the IAM permission %s: the same for a password, SAML and OIDC session", (_, over, expected) => {
    expect([password, saml, oidc].map((s) => summary(decide(s, member(over))))).toEqual([expected, expected, expected]);
  });

  it.each([
    ["locked", { locked: true, iamByGroup: true }, ["locked", "locked", "locked"]],
    ["SSO turned off", { ssoEnabled: false, iamByGroup: true }, ["manager", "ended:sso_disabled", "ended:sso_disabled"]],
    ["SCIM turned off, SCIM-managed", { scimEnabled: false, iamByGroup: true }, ["manager", "ended:scim_disabled", "ended:scim_disabled"]],
    ["SCIM turned off, not SCIM-managed", { scimEnabled: false, scimManaged: false }, ["member", "member", "member"]],
    [
      "SSO off and locked: the SSO session ends first",
      { ssoEnabled: false, locked: true },
      ["locked", "ended:sso_disabled", "ended:sso_disabled"],
    ],
    ["SSO required", { requireSso: true, iamByHand: true }, ["sso_required", "manager", "manager"]],
    ["SSO required, owner (break-glass)", { requireSso: true, role: "owner" }, ["manager", "manager", "manager"]],
    ["SSO required but SSO disabled", { requireSso: true, ssoEnabled: false }, ["member", "ended:sso_disabled", "ended:sso_disabled"]],
  ] as const)("%s", (_, over, expected) => {
    expect([password, saml, oidc].map((s) => summary(decide(s, member(over))))).toEqual(expected);
  });

  it("an SSO session is its own member in its own organization only", () => {
    expect(summary(decide(saml, member({ id: "m2" })))).toBe("ended:no_account");
    expect(summary(decide(oidc, member({ organizationId: "o2" })))).toBe("ended:no_account");
  });

  it("says where the permission comes from", () => {
    const d = decide(oidc, member({ iamByGroup: true }));
    expect(d.status === "ok" && d.iam).toEqual({ byHand: false, byGroup: true });
  });
});
