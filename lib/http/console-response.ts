import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { describeDatabaseError, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "../db/errors";
import { AppError } from "../errors";
import { logger } from "../ops/logger";
import { countDatabaseUnavailable } from "../ops/metrics";
import { answerFor, MemberStoreError } from "../members/store/errors";
import { groupAnswerFor, GroupStoreError } from "../groups/store/errors";
import { UNAVAILABLE_MESSAGE } from "./unavailable-message";

export { UNAVAILABLE_MESSAGE };

export function consoleError(status: number, code: string, message: string): NextResponse {
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (status === 503) headers["Retry-After"] = String(RETRY_AFTER_SECONDS);
  return NextResponse.json({ error: { code, message } }, { status, headers });
}

/**
 * One mapper for the console API: domain errors keep their message; the database being
 * unavailable is a 503 that clears by itself; anything else is logged and generic.
 */
export function toConsoleErrorResponse(err: unknown): NextResponse {
  if (err instanceof AppError) return consoleError(err.status, err.code, err.message);
  if (err instanceof MemberStoreError) {
    const a = answerFor("console", err.refusal);
    return consoleError(a.status, err.refusal.kind === "not_found" ? "not_found" : "conflict", a.message);
  }
  if (err instanceof GroupStoreError) {
    const a = groupAnswerFor("console", err.refusal);
    return consoleError(a.status, err.refusal.kind === "not_found" ? "not_found" : "conflict", a.message);
  }
  if (err instanceof ZodError) {
    const first = err.issues[0];
    const where = first?.path.length ? ` (${first.path.join(".")})` : "";
    return consoleError(400, "invalid_input", `The request is not valid${where}: ${first?.message ?? "invalid input"}.`);
  }
  if (isDatabaseUnavailable(err)) {
    // One line per request: an outage must not flood the log with stacks.
    countDatabaseUnavailable("console");
    logger.warn(`Console API answered 503, database unavailable: ${describeDatabaseError(err)}`);
    return consoleError(503, "unavailable", UNAVAILABLE_MESSAGE);
  }
  logger.error({ err }, "Unhandled console API error");
  return consoleError(500, "internal", "Something went wrong on our side. Please try again.");
}

export function json(data: unknown, init?: { status?: number; noStore?: boolean }): NextResponse {
  return NextResponse.json(data, {
    status: init?.status ?? 200,
    headers: { "Cache-Control": init?.noStore === false ? "private" : "no-store" },
  });
}
