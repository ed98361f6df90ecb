import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { AppError } from "../errors";

export function consoleError(status: number, code: string, message: string): NextResponse {
  return NextResponse.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store" } });
}

/** One mapper for the console API: domain errors keep their message, anything unknown is logged and generic. */
export function toConsoleErrorResponse(err: unknown): NextResponse {
  if (err instanceof AppError) return consoleError(err.status, err.code, err.message);
  if (err instanceof ZodError) {
    const first = err.issues[0];
    const where = first?.path.length ? ` (${first.path.join(".")})` : "";
    return consoleError(400, "invalid_input", `The request is not valid${where}: ${first?.message ?? "invalid input"}.`);
  }
  console.error("Unhandled console API error", err);
  return consoleError(500, "internal", "Something went wrong on our side. Please try again.");
}

export function json(data: unknown, init?: { status?: number; noStore?: boolean }): NextResponse {
  return NextResponse.json(data, { status: init?.status ?? 200, headers: { "Cache-Control": init?.noStore === false ? "private" : "no-store" } });
}
