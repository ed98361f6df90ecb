// Over-HTTP property tests of the read side against the running server: random filters and
// query parameters, and random headers and credentials. Never a 5xx, every 4xx a SCIM error,
// a list only ever holds this organization's SCIM-managed users, and nobody without the
// token gets anything but 401/429.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createUnmanagedMember } from "../../helpers/fixtures";
import { filterText, nastyString } from "../../fuzz/arbitraries";
import { checkAsyncProperty, httpRuns } from "../../fuzz/fuzz-config";
import { hardeningReport } from "../../fuzz/hardening-report";
import { expectScimAnswer, headerValue, send } from "../../fuzz/http-fuzz";
import { scimOrg, uniqueUserName, type ScimOrg } from "../scim/scim-client";

const report = hardeningReport("fuzz-http-read");

const queryValue = fc.oneof(
  nastyString,
  fc.constantFrom(
    "0",
    "-1",
    "1",
    "200",
    "201",
    "1e3",
    "99999999999999999999",
    "NaN",
    " 5 ",
    "0x10",
    "userName",
    "emails.value,name",
    `${"a,".repeat(500)}a`,
  ),
);
const queryParams = fc.record(
  {
    filter: filterText,
    count: queryValue,
    startIndex: queryValue,
    attributes: queryValue,
    excludedAttributes: queryValue,
    sortBy: queryValue,
    aadOptscim062020: fc.constant(""),
  },
  { requiredKeys: [] },
);

const RESOURCE_PATHS = [
  "/Users",
  "/Users/",
  "/Groups",
  "/ServiceProviderConfig",
  "/Schemas",
  "/ResourceTypes",
  "/Users/00000000-0000-0000-0000-000000000000",
  "/Bulk",
  "/Me",
  "",
  "/Users/x/y",
  "/users",
  "/Users/%00",
  "/Users/%E2%80%AE",
  "/Users/..%2F..%2Fetc",
  "/__proto__",
  "/constructor",
  "/Users/__proto__",
  "/toString/x",
];

describe("SCIM over HTTP, read side, property-based", () => {
  let ctx: ScimOrg;
  let other: ScimOrg;
  let managed: Set<string>;

  beforeAll(async () => {
    [ctx, other] = await Promise.all([scimOrg(), scimOrg()]);
    const names = [
      "Ada%Lovelace@contoso.example",
      "b_r\u00fcck@contoso.example",
      "\u202Eevil@contoso.example",
      "e\u0301mile@contoso.example",
      "\u{1F600}@contoso.example",
      uniqueUserName("plain"),
    ];
    managed = new Set();
    for (const userName of names)
      managed.add(
        (
          await ctx.scim.post("/Users", {
            userName,
            emails: [{ value: userName, type: "work" }],
            name: { givenName: "G", familyName: "F" },
          })
        ).body.id as string,
      );
    await createUnmanagedMember(ctx.org.orgId, uniqueUserName("unmanaged"));
    for (const userName of names) await other.scim.post("/Users", { userName });
  });

  it("filters and query parameters: a ListResponse of our own managed users, or a SCIM 400", async () => {
    await checkAsyncProperty(
      fc.asyncProperty(queryParams, async (params) => {
        report.cases++;
        const query = new URLSearchParams(params as Record<string, string>).toString();
        const res = await send(report, {
          method: "GET",
          url: `${ctx.scim.base}/Users?${query}`,
          headers: { Authorization: `Bearer ${ctx.scim.token}` },
        });
        expectScimAnswer(res, `GET /Users?${query.slice(0, 200)}`);
        if (res.status !== 200) {
          expect([400, 429, 431]).toContain(res.status);
          return;
        }
        const list = res.body as { totalResults: number; startIndex: number; itemsPerPage: number; Resources: { id: string }[] };
        expect(Number.isInteger(list.totalResults) && Number.isInteger(list.startIndex) && Number.isInteger(list.itemsPerPage)).toBe(true);
        expect(list.itemsPerPage).toBe(list.Resources.length);
        expect(list.Resources.length).toBeLessThanOrEqual(200);
        for (const r of list.Resources) if (r.id !== undefined) expect(managed.has(r.id), `foreign or unmanaged user ${r.id}`).toBe(true);
      }),
      httpRuns(150),
    );
  });

  it("headers and credentials: only the organization's own token gets in", async () => {
    const token = ctx.scim.token;
    const authorization = fc.oneof(
      fc.constantFrom(`Bearer ${token}`, `bearer  ${token} `, `BEARER ${token}`),
      fc.constantFrom(
        `Bearer ${token.slice(0, -1)}`,
        `Bearer ${token}x`,
        `Bearer ${token.toUpperCase()}`,
        `Bearer ${other.scim.token}`,
        `Basic ${token}`,
        token,
        `Bearer ${token.slice(0, 11)}${"A".repeat(37)}`,
        "Bearer",
        "",
      ),
      headerValue.map((v) => `Bearer ${v}`),
      headerValue,
    );
    const request = fc.record({
      method: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE"),
      path: fc.constantFrom(...RESOURCE_PATHS),
      authorization: fc.option(authorization, { nil: undefined }),
      contentType: fc.option(headerValue, { nil: undefined }),
      accept: fc.option(headerValue, { nil: undefined }),
      extra: fc.dictionary(
        fc.constantFrom("X-HTTP-Method-Override", "If-Match", "X-Forwarded-Host", "X-Forwarded-Proto", "Cookie"),
        headerValue,
        { maxKeys: 2 },
      ),
    });
    let n = 0;
    await checkAsyncProperty(
      fc.asyncProperty(request, async (r) => {
        report.cases++;
        // Each case from its own address: 401s here must not throttle anyone else.
        const headers: Record<string, string> = { ...r.extra, "X-Forwarded-For": `198.18.${Math.floor(n / 250) % 250}.${n++ % 250}` };
        if (r.authorization !== undefined) headers.Authorization = r.authorization;
        if (r.contentType !== undefined) headers["Content-Type"] = r.contentType;
        if (r.accept !== undefined) headers.Accept = r.accept;
        // A body no route accepts (no userName, no operations): this property writes nothing.
        const body = r.method === "GET" || r.method === "DELETE" ? undefined : JSON.stringify({ schemas: [], Operations: [] });
        const what = `${r.method} ${r.path} Authorization=${JSON.stringify(r.authorization)}`;
        const res = await send(report, { method: r.method, url: `${ctx.scim.base}${r.path}`, headers, body });
        expectScimAnswer(res, what);
        const valid = /^bearer\s+(\S+)\s*$/i.exec(r.authorization?.trim() ?? "")?.[1] === token; // "Bearer" in any case, the token exactly
        if (!valid) expect([401, 429], what).toContain(res.status);
      }),
      httpRuns(150),
    );
  });
});
