// What each face answers when the database is unavailable: SCIM a 503 error body with
// Retry-After and no scimType, the console API 503 { error: { code: "unavailable" } }, and
// the console's fetch helper a readable message (the UI shows it in <ErrorState>).
import { afterEach, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/ops/logger";
import { apiFetch, ApiError } from "@/lib/client/api-fetch";
import { toConsoleErrorResponse, UNAVAILABLE_MESSAGE } from "@/lib/http/console-response";
import { errorResponse, ScimError, toScimError } from "@/lib/scim/errors";
import { Prisma } from "@/lib/generated/prisma/client";

const refused = new Prisma.PrismaClientKnownRequestError("Can't reach database server at 127.0.0.1:5432", {
  code: "P1001",
  clientVersion: "6.19.3",
  meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable" } } },
});

afterEach(() => vi.restoreAllMocks());

describe("SCIM face", () => {
  it("answers 503 with Retry-After and an RFC 7644 body without scimType", async () => {
    vi.spyOn(logger, "warn").mockImplementation(() => {});
    const err = toScimError(refused);
    expect(err.status).toBe(503);
    const res = errorResponse(err);
    expect(res.status).toBe(503);
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(res.headers.get("Content-Type")).toContain("application/scim+json");
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({
      schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
      status: "503",
      detail: expect.stringMatching(/temporarily unavailable/),
    });
  });

  it("keeps unknown errors a generic 500 without Retry-After", () => {
    vi.spyOn(logger, "error").mockImplementation(() => {});
    const res = errorResponse(toScimError(new TypeError("bug")));
    expect(res.status).toBe(500);
    expect(res.headers.get("Retry-After")).toBeNull();
  });

  it("lets the caller's headers win (e.g. a rate limiter's own Retry-After)", () => {
    expect(errorResponse(new ScimError(503, "busy"), { "Retry-After": "1" }).headers.get("Retry-After")).toBe("1");
  });
});

describe("console face", () => {
  it("answers 503 { error: { code: 'unavailable', message } } with Retry-After", async () => {
    vi.spyOn(logger, "warn").mockImplementation(() => {});
    const res = toConsoleErrorResponse(refused);
    expect(res.status).toBe(503);
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await res.json()).toEqual({ error: { code: "unavailable", message: UNAVAILABLE_MESSAGE } });
  });

  it("apiFetch surfaces the server's message for a 503", async () => {
    vi.spyOn(globalThis, "fetch").mockResolvedValue(
      Response.json({ error: { code: "unavailable", message: UNAVAILABLE_MESSAGE } }, { status: 503 }),
    );
    await expect(apiFetch("/api/organizations")).rejects.toMatchObject({ status: 503, code: "unavailable", message: UNAVAILABLE_MESSAGE });
  });

  it("apiFetch explains a proxy's 502–504 page that has no JSON", async () => {
    vi.spyOn(globalThis, "fetch").mockResolvedValue(new Response("<html>Bad Gateway</html>", { status: 502 }));
    const err = await apiFetch("/api/organizations").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 502, code: "unavailable", message: expect.stringMatching(/temporarily unavailable/) });
  });
});
