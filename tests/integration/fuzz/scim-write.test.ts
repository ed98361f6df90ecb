// Over-HTTP property tests of the write side against the running server: random PATCH,
// POST and PUT bodies (malformed JSON, duplicate keys, prototype keys, unicode, wrong types,
// oversized). Never a 5xx, every 4xx a SCIM error, and a refused write leaves the database
// exactly as it was: the member's version, columns, stored attributes and email rows.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { CORE, patchBody, userBody } from "../../fuzz/arbitraries";
import { checkAsyncProperty, httpRuns } from "../../fuzz/fuzz-config";
import { hardeningReport } from "../../fuzz/hardening-report";
import { bodyText, expectScimAnswer, send, type RawAnswer } from "../../fuzz/http-fuzz";
import { scimOrg, uniqueUserName, type ScimOrg } from "../scim/scim-client";

const report = hardeningReport("fuzz-http-write");
const contentType = fc.constantFrom("application/scim+json", "application/json", "text/plain", "application/scim+json; charset=utf-8");

/** Everything a write may change about one member, as stored. */
async function memberState(id: string) {
  const member = await db.member.findUnique({
    where: { id },
    select: {
      version: true,
      userName: true,
      externalId: true,
      locked: true,
      scimManaged: true,
      scimAttributes: true,
      email: true,
      givenName: true,
      familyName: true,
      displayName: true,
      emails: { select: { value: true, type: true, primary: true }, orderBy: { value: "asc" } },
    },
  });
  return member && { ...member, emails: member.emails.map((e) => `${e.value}|${e.type}|${e.primary}`).sort() };
}

async function write(ctx: ScimOrg, method: string, path: string, text: string, type: string): Promise<RawAnswer> {
  return send(report, {
    method,
    url: `${ctx.scim.base}${path}`,
    headers: { Authorization: `Bearer ${ctx.scim.token}`, "Content-Type": type },
    body: text,
  });
}

function expectRefusalOrSuccess(res: RawAnswer, what: string, success: number[]): void {
  expectScimAnswer(res, what);
  if (res.status < 400) expect(success, what).toContain(res.status);
}

describe("SCIM over HTTP, write side, property-based", () => {
  let ctx: ScimOrg;
  let memberId: string;

  beforeAll(async () => {
    ctx = await scimOrg();
    const created = await ctx.scim.post("/Users", {
      userName: uniqueUserName("fuzz.target"),
      name: { givenName: "Ada", familyName: "Lovelace" },
      emails: [{ value: "ada@contoso.example", type: "work", primary: true }],
      title: "Engineer",
    });
    memberId = created.body.id as string;
  });

  it("PATCH: applied whole, or refused with nothing written", async () => {
    const request = patchBody.chain((body) => fc.tuple(bodyText(body), contentType));
    await checkAsyncProperty(
      fc.asyncProperty(request, async ([text, type]) => {
        report.cases++;
        const before = await memberState(memberId);
        const res = await write(ctx, "PATCH", `/Users/${memberId}`, text, type);
        const what = `PATCH ${text.slice(0, 300)}`;
        expectRefusalOrSuccess(res, what, [200, 204]);
        const after = await memberState(memberId);
        if (res.status >= 400) expect(after, what).toEqual(before);
        else {
          expect(res.body?.id, what).toBe(memberId);
          expect(after!.version, what).toBeGreaterThanOrEqual(before!.version);
        }
      }),
      httpRuns(150),
    );
  });

  it("PUT: replaced, or refused with nothing written", async () => {
    const request = userBody.chain((body) => fc.tuple(bodyText(body), contentType));
    await checkAsyncProperty(
      fc.asyncProperty(request, async ([text, type]) => {
        report.cases++;
        const before = await memberState(memberId);
        const res = await write(ctx, "PUT", `/Users/${memberId}`, text, type);
        const what = `PUT ${text.slice(0, 300)}`;
        expectRefusalOrSuccess(res, what, [200]);
        if (res.status >= 400) expect(await memberState(memberId), what).toEqual(before);
      }),
      httpRuns(100),
    );
  });

  it("POST: created as sent, or refused with nothing created", async () => {
    const request = userBody.chain((body) => fc.tuple(fc.constant(body), bodyText(body), contentType));
    await checkAsyncProperty(
      fc.asyncProperty(request, async ([body, text, type]) => {
        report.cases++;
        const count = () => db.member.count({ where: { organizationId: ctx.org.orgId } });
        const before = await count();
        const res = await write(ctx, "POST", "/Users", text, type);
        const what = `POST ${text.slice(0, 300)}`;
        expectRefusalOrSuccess(res, what, [201]);
        if (res.status >= 400) {
          expect(await count(), what).toBe(before);
          return;
        }
        expect(await count(), what).toBe(before + 1);
        // The userName comes back exactly as sent, when the body that went out names it once.
        const names = Object.keys(body as object).filter((k) => /username$/i.test(k) || k === CORE);
        const sent = (body as { userName?: unknown }).userName;
        if (text === JSON.stringify(body) && names.length === 1 && typeof sent === "string") expect(res.body?.userName, what).toBe(sent);
      }),
      httpRuns(150),
    );
  });
});
