// Over-HTTP fuzzing helpers: send a raw request to the running server and check the one
// thing every answer must satisfy — never a 5xx, and every 4xx an RFC 7644 error body whose
// `status` is the HTTP status as a string.
import fc from "fast-check";
import { expect } from "vitest";
import type { HardeningCounters } from "./hardening-report";

export const ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
  body: Record<string, unknown> | undefined;
}

export interface RawRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

export async function send(counters: HardeningCounters, r: RawRequest): Promise<RawAnswer> {
  counters.requests++;
  const res = await fetch(r.url, { method: r.method, headers: r.headers, body: r.body, redirect: "manual" });
  const text = await res.text();
  let body: Record<string, unknown> | undefined;
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, text, body };
}

/**
 * Never a 5xx — except the documented 501 for what we do not implement (Groups writes,
 * /Bulk, /Me: ARCHITECTURE.md) — and every refusal a SCIM error body (status as a string,
 * a detail, no stack trace).
 */
export function expectScimAnswer(res: RawAnswer, what: string): void {
  if (res.status !== 501) expect(res.status, `${what} → ${res.status} ${res.text.slice(0, 300)}`).toBeLessThan(500);
  if (res.status < 400) return;
  // Node's HTTP parser answers a request line + headers above 16 KB itself, before our code runs.
  if (res.status === 431) return;
  expect(res.headers.get("content-type"), what).toBe("application/scim+json; charset=utf-8");
  expect(res.body?.schemas, what).toEqual([ERROR_SCHEMA]);
  expect(res.body?.status, what).toBe(String(res.status));
  expect(typeof res.body?.detail, what).toBe("string");
  expect(res.text, what).not.toMatch(/\n\s+at |node_modules|Prisma/);
  if (res.status === 429) expect(Number(res.headers.get("retry-after")), what).toBeGreaterThanOrEqual(1);
}

/** Header values fetch can carry (visible ASCII and Latin-1), with the odd ones SCIM servers trip on. */
export const headerValue: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0xa0, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 10 }),
  fc.constantFrom(
    "",
    " ",
    "application/json",
    "application/scim+json",
    "text/plain",
    "application/json; charset=latin1",
    "multipart/form-data; boundary=x",
    "*/*",
  ),
);

/** The JSON text of a body, as sent: usually faithful, sometimes with duplicate keys, a BOM, truncated or not JSON at all. */
export function bodyText(value: unknown): fc.Arbitrary<string> {
  const json = JSON.stringify(value) ?? "null";
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant(json) },
    {
      weight: 1,
      arbitrary: fc.constant(
        json.startsWith("{") && json.length > 2 ? `{"userName":"dup@contoso.example","Operations":[],${json.slice(1)}` : json,
      ),
    },
    { weight: 1, arbitrary: fc.constant("\uFEFF" + json) },
    { weight: 1, arbitrary: fc.nat(json.length).map((n) => json.slice(0, n)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  );
}
