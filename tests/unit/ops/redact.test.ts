import { describe, expect, it } from "vitest";
import { scrubSecrets } from "@/lib/ops/redact";

const TOKEN = "scim_Qm9vZ2xlLWlzLW5vdC1hLXRva2VuLWJ1dC1sb25nLWVub3VnaA";

describe("scrubSecrets", () => {
  it.each([
    ["a SCIM token anywhere in a message", `lookup failed for ${TOKEN} in query`, TOKEN],
    ["an Authorization header value", "authorization: Bearer abc.def.ghi", "abc.def.ghi"],
    ["a bearer credential", "sent Bearer not-a-scim-token-but-secret", "not-a-scim-token-but-secret"],
    ["basic credentials", "Basic dXNlcjpwYXNzd29yZA==", "dXNlcjpwYXNzd29yZA=="],
    ["a password field (JSON)", '{"email":"a@b.c","password":"hunter2hunter2"}', "hunter2hunter2"],
    ["a password field (form)", "email=a%40b.c&password=hunter2hunter2&csrfToken=x", "hunter2hunter2"],
    ["a client secret", "client_secret=oidc-secret-value-123", "oidc-secret-value-123"],
    ["a SAML response", "SAMLResponse=PHNhbWxwOlJlc3BvbnNlIHhtbG5zOnNhbWxwPQ", "PHNhbWxwOlJlc3BvbnNlIHhtbG5zOnNhbWxwPQ"],
    ["an API key", "key ak_live_0123456789abcdefghijklmnopqrstuv refused", "0123456789abcdefghijklmnopqrstuv"],
  ])("removes %s", (_what, text, secret) => {
    const out = scrubSecrets(text);
    expect(out).not.toContain(secret);
    expect(out).toContain("[redacted]");
  });

  it("leaves ordinary text alone", () => {
    const text = "SCIM request answered 503, database unavailable: P1001: Can't reach database server at 127.0.0.1:5432";
    expect(scrubSecrets(text)).toBe(text);
    expect(scrubSecrets("member_count 12 for organization cm4abc")).toBe("member_count 12 for organization cm4abc");
  });
});
