// Property tests of the request body reader and its limits, in-process: any bytes give a
// JSON value within SCIM_LIMITS, a 413 naming the limit, or a 400 — checked against a
// straightforward recursive oracle.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ScimError } from "@/lib/scim/errors";
import { assertJsonLimits } from "@/lib/scim/http/json-limits";
import { SCIM_LIMITS } from "@/lib/scim/http/limits";
import { readJsonBody } from "@/lib/scim/http/read-body";
import { jsonish, oversizedBody, userBody } from "../../fuzz/arbitraries";
import { checkAsyncProperty, checkProperty, pureRuns } from "../../fuzz/fuzz-config";
import { hardeningReport } from "../../fuzz/hardening-report";

const report = hardeningReport("fuzz-body-limits");

// The oracle: what the limits mean, written the obvious (recursive) way.
const containerDepth = (v: unknown): number =>
  typeof v === "object" && v !== null ? 1 + Math.max(0, ...Object.values(v).map(containerDepth)) : 0;
const valueCount = (v: unknown): number =>
  1 + (typeof v === "object" && v !== null ? Object.values(v).reduce<number>((n, c) => n + valueCount(c), 0) : 0);
const strings = (v: unknown): string[] =>
  typeof v === "string" ? [v] : typeof v === "object" && v !== null ? Object.entries(v).flatMap(([k, c]) => [k, ...strings(c)]) : [];
const storable = (s: string) => !s.includes("\u0000") && s === Buffer.from(s, "utf8").toString("utf8");

function expectedError(v: unknown): number | null {
  if (containerDepth(v) > SCIM_LIMITS.jsonDepth || valueCount(v) > SCIM_LIMITS.jsonValues) return 413;
  const all = strings(v);
  if (all.some((s) => s.length > SCIM_LIMITS.stringLength)) return 413;
  if (!all.every(storable)) return 400;
  return null;
}

function outcome(check: () => void): number | null {
  report.cases++;
  try {
    check();
    return null;
  } catch (err) {
    if (!(err instanceof ScimError)) throw err;
    if (err.status === 413) expect(err.detail).toMatch(/^Limit exceeded: .* \(at most \d+ [\w ]+\)\.$/);
    return err.status;
  }
}

const request = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request("http://scim.test/Users", { method: "POST", body, headers });

describe("body limits, property-based", () => {
  it("assertJsonLimits refuses exactly what the limits forbid", () => {
    const value = fc.oneof(jsonish(4), userBody, oversizedBody);
    checkProperty(
      fc.property(value, (v) => {
        const expected = expectedError(v);
        const got = outcome(() => assertJsonLimits(v));
        // Several limits may be broken at once: then any of their statuses is right.
        if (expected === null) expect(got).toBeNull();
        else expect(got === 413 || got === 400).toBe(true);
      }),
      pureRuns(1500),
    );
  });

  it("readJsonBody answers any bytes with JSON within the limits, a 400 or a 413", async () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      fc.string({ unit: "binary", maxLength: 64 }).map((s) => new TextEncoder().encode(s)),
      jsonish(3).map((v) => new TextEncoder().encode(JSON.stringify(v) ?? "")),
      fc
        .constantFrom(
          "",
          " ",
          "null",
          "[]",
          "\uFEFF{}",
          '{"a":1,"a":2}',
          '{"__proto__":{"x":1}}',
          "{".repeat(5000),
          "[".repeat(100_000) + "]".repeat(100_000),
        )
        .map((s) => new TextEncoder().encode(s)),
    );
    await checkAsyncProperty(
      fc.asyncProperty(bytes, async (body) => {
        report.cases++;
        try {
          const parsed = await readJsonBody(request(body));
          expect(expectedError(parsed)).toBeNull();
        } catch (err) {
          expect(err).toBeInstanceOf(ScimError);
          expect([400, 413]).toContain((err as ScimError).status);
        }
      }),
      pureRuns(1500),
    );
  });

  it("stops reading a body without Content-Length at the limit", async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(chunk);
      },
    });
    const req = new Request("http://scim.test/Users", { method: "POST", body: endless, duplex: "half" } as RequestInit);
    await expect(readJsonBody(req)).rejects.toMatchObject({
      status: 413,
      detail: `Limit exceeded: the request body is too large (at most ${SCIM_LIMITS.bodyBytes} bytes).`,
    });
    expect(pulled * chunk.length).toBeLessThanOrEqual(SCIM_LIMITS.bodyBytes + 2 * chunk.length);
    report.cases++;
  });

  it("refuses a declared Content-Length above the limit before reading", async () => {
    const req = request("{}", { "content-length": String(SCIM_LIMITS.bodyBytes + 1) });
    await expect(readJsonBody(req)).rejects.toMatchObject({ status: 413 });
    report.cases++;
  });

  it("refuses invalid UTF-8 as a 400, not a mangled string", async () => {
    await expect(readJsonBody(request(new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])))).rejects.toMatchObject({
      status: 400,
      scimType: "invalidSyntax",
    });
    report.cases++;
  });
});
