import type { NextRequest } from "next/server";
import { AppError } from "../errors";

/** Reads a JSON body; an empty body is {} and malformed JSON a readable 400. */
export async function readJson(req: NextRequest): Promise<unknown> {
  const text = await req.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("invalid_input", "The request body is not valid JSON.");
  }
}
