import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signIn } from "../../helpers/console-client";
import { createOrganization } from "../../helpers/fixtures";
import { baseUrl } from "../../helpers/server";

describe("console security", () => {
  it.each(["/login", "/api/organizations", "/scim/v2/nope/Users"])("sends security headers on %s", async (path) => {
    const res = await fetch(`${baseUrl()}${path}`);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    // The SCIM API sets its own: nothing of a JSON answer may load anything.
    expect(csp).toContain(path.startsWith("/scim/") ? "default-src 'none'" : "default-src 'self'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-powered-by")).toBeNull();
  });

  it("sets the session cookie HttpOnly and SameSite=Lax", async () => {
    const org = await createOrganization();
    const csrf = await fetch(`${baseUrl()}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const jar = csrf.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const res = await fetch(`${baseUrl()}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar },
      body: new URLSearchParams({ csrfToken, email: org.owner.email, password: org.owner.password, json: "true" }),
    });
    const session = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
    expect(session).toBeDefined();
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
  });

  it("throttles repeated failed sign-ins per account, without locking out others", async () => {
    const org = await createOrganization();
    for (let i = 0; i < 5; i++) expect(await signIn(org.owner.email, `wrong-${i}`)).toBeNull();
    // Even the right password is refused while throttled…
    expect(await signIn(org.owner.email, org.owner.password)).toBeNull();
    // …but another account from the same address still signs in.
    expect(await signIn(org.iam.email, org.iam.password)).toBeTruthy();
    await db.rateLimit.deleteMany({ where: { key: `login:email:${org.owner.email}` } });
    expect(await signIn(org.owner.email, org.owner.password)).toBeTruthy();
  });

  it("reports the throttling to the sign-in form", async () => {
    const org = await createOrganization();
    for (let i = 0; i < 5; i++) await signIn(org.member.email, "nope");
    const csrf = await fetch(`${baseUrl()}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const res = await fetch(`${baseUrl()}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Cookie: csrf.headers
          .getSetCookie()
          .map((c) => c.split(";")[0])
          .join("; "),
      },
      body: new URLSearchParams({ csrfToken, email: org.member.email, password: org.member.password, json: "true" }),
    });
    const body = (await res.json()) as { url: string };
    expect(new URL(body.url).searchParams.get("error")).toBe("TooManyAttempts");
  });
});
