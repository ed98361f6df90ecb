import { describe, expect, it } from "vitest";
import { methodLabel, orgIdField, routePattern, scimResource, scimTypeLabel, statusLabel, trustedRequestId } from "@/lib/ops/labels";

describe("metric labels", () => {
  it("names a SCIM resource from a bounded set, whatever the path holds", () => {
    expect(scimResource("Users")).toBe("Users");
    expect(scimResource("users")).toBe("Users");
    expect(scimResource("GROUPS")).toBe("Groups");
    expect(scimResource("serviceConfiguration")).toBe("ServiceProviderConfig");
    expect(scimResource("ServiceProviderConfig")).toBe("ServiceProviderConfig");
    expect(scimResource(undefined)).toBe("root");
    expect(scimResource("")).toBe("root");
    for (const junk of ["alice@contoso.com", "scim_abcdefghijklmnopqrstuvwxyz0123", "__proto__", "constructor", "Users2", "x".repeat(5000)])
      expect(scimResource(junk)).toBe("other");
  });

  it("keeps methods, statuses and scimTypes to what HTTP and RFC 7644 define", () => {
    expect(methodLabel("PATCH")).toBe("PATCH");
    expect(methodLabel("PROPFIND")).toBe("other");
    expect(statusLabel(404)).toBe("404");
    expect(statusLabel(99)).toBe("other");
    expect(statusLabel(1000)).toBe("other");
    expect(scimTypeLabel(undefined)).toBe("");
    expect(scimTypeLabel("uniqueness")).toBe("uniqueness");
    expect(scimTypeLabel("alice@contoso.com")).toBe("other");
  });

  it("turns a console URL into its route pattern: parameter values never appear", () => {
    expect(routePattern("/api/organizations/cm1abc/members/cm2def", { orgId: "cm1abc", memberId: "cm2def" })).toBe(
      "/api/organizations/[orgId]/members/[memberId]",
    );
    expect(routePattern("/api/organizations/cm1abc/members/", { orgId: "cm1abc" })).toBe("/api/organizations/[orgId]/members");
    expect(routePattern("/api/organizations/a%20b/scim", { orgId: "a b" })).toBe("/api/organizations/[orgId]/scim");
    expect(routePattern("/api/organizations", {})).toBe("/api/organizations");
    expect(routePattern("/api/auth/callback/credentials", { nextauth: ["callback", "credentials"] })).toBe("/api/auth/[...nextauth]");
    // A segment that is not a route file's plain name is not echoed.
    expect(routePattern("/api/organizations/x/alice@contoso.com", { orgId: "x" })).toBe("/api/organizations/[orgId]/[?]");
  });

  it("bounds the patterns of many distinct URLs to one per route", () => {
    const patterns = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const orgId = `org${i}`;
      const memberId = `m${i}-${Math.random().toString(36).slice(2)}`;
      patterns.add(routePattern(`/api/organizations/${orgId}/members/${memberId}`, { orgId, memberId }));
      patterns.add(routePattern(`/api/organizations/${orgId}/members/${memberId}/`, { orgId, memberId }));
    }
    expect([...patterns]).toEqual(["/api/organizations/[orgId]/members/[memberId]"]);
  });

  it("logs an organization id from a URL only when it has an id's shape", () => {
    expect(orgIdField("cm4abcdef0123")).toBe("cm4abcdef0123");
    expect(orgIdField("scim_abcdefghijklmnopqrstuvwxyz")).toBeUndefined();
    expect(orgIdField("a b")).toBeUndefined();
    expect(orgIdField("x".repeat(65))).toBeUndefined();
    expect(orgIdField(undefined)).toBeUndefined();
  });

  it("takes X-Request-Id only behind a trusted proxy, and only a plain one", () => {
    expect(trustedRequestId("abc-123", 0)).toBeNull();
    expect(trustedRequestId("abc-123", 1)).toBe("abc-123");
    expect(trustedRequestId(null, 1)).toBeNull();
    expect(trustedRequestId("Bearer scim_secret", 1)).toBeNull();
    expect(trustedRequestId("x".repeat(129), 1)).toBeNull();
    expect(trustedRequestId("line\nbreak", 1)).toBeNull();
  });
});
