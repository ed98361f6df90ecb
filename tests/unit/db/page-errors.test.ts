// Server-rendered pages: a database outage becomes an error whose digest (which production keeps,
// unlike the message) lets error.tsx show the console's 503 sentence; other errors pass through.
import { afterEach, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/ops/logger";
import { Prisma } from "@/lib/generated/prisma/client";
import { DatabaseUnavailableError, renderingData } from "@/lib/http/page-errors";
import { DATABASE_UNAVAILABLE_DIGEST, UNAVAILABLE_MESSAGE } from "@/lib/http/unavailable-message";

const refused = new Prisma.PrismaClientKnownRequestError("Can't reach database server at 127.0.0.1:5432", {
  code: "P1001",
  clientVersion: "6.19.3",
  meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable" } } },
});

afterEach(() => vi.restoreAllMocks());

describe("renderingData", () => {
  it("passes the data through", async () => {
    await expect(renderingData(async () => 42)).resolves.toBe(42);
  });

  it("turns the database being unavailable into an error carrying the digest, logged in one line", async () => {
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => {});
    const err: unknown = await renderingData(() => Promise.reject(refused)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseUnavailableError);
    expect(err).toMatchObject({ digest: DATABASE_UNAVAILABLE_DIGEST, message: UNAVAILABLE_MESSAGE, cause: refused });
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toContain("P1001");
  });

  it.each([
    ["a bug", new TypeError("x is undefined")],
    // redirect() and notFound() are thrown too: Next must still see them as they are.
    ["a redirect", Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/login;307;" })],
    [
      "a constraint violation",
      new Prisma.PrismaClientKnownRequestError("Unique constraint failed", { code: "P2002", clientVersion: "6.19.3" }),
    ],
  ])("lets %s through unchanged", async (_label, thrown) => {
    await expect(renderingData(() => Promise.reject(thrown))).rejects.toBe(thrown);
  });
});
