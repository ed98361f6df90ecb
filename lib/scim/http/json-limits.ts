import { badRequest } from "../errors";
import { SCIM_LIMITS, tooLarge } from "./limits";

// Checks a parsed body against SCIM_LIMITS before any domain code sees it, iteratively (a
// deeply nested body cannot exhaust the stack here) and stopping at the first violation.

// NUL cannot be stored in PostgreSQL text; an unpaired surrogate is not Unicode at all.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A string the database can store and give back unchanged. */
export function isStorableText(s: string): boolean {
  UNSTORABLE.lastIndex = 0;
  return !UNSTORABLE.test(s);
}

/** The same text with what cannot be stored replaced by U+FFFD (for labels in the audit log). */
export function storableText(s: string): string {
  return s.replace(UNSTORABLE, "\uFFFD");
}

function checkString(s: string): void {
  if (s.length > SCIM_LIMITS.stringLength) throw tooLarge("a string in the body is too long", SCIM_LIMITS.stringLength, "characters");
  if (!isStorableText(s)) throw badRequest("invalidValue", "Strings must not contain NUL (U+0000) or unpaired surrogate characters.");
}

export function assertJsonLimits(body: unknown, maxValues: number = SCIM_LIMITS.jsonValues): void {
  const stack: { value: unknown; depth: number }[] = [{ value: body, depth: 0 }];
  let values = 0;
  while (stack.length) {
    const { value, depth } = stack.pop()!;
    if (++values > maxValues) throw tooLarge("the body holds too many values", maxValues, "JSON values");
    if (typeof value === "string") checkString(value);
    if (typeof value !== "object" || value === null) continue;
    if (depth >= SCIM_LIMITS.jsonDepth) throw tooLarge("the body is nested too deeply", SCIM_LIMITS.jsonDepth, "levels");
    if (Array.isArray(value)) {
      for (const item of value as unknown[]) stack.push({ value: item, depth: depth + 1 });
      continue;
    }
    for (const [key, item] of Object.entries(value)) {
      checkString(key);
      stack.push({ value: item, depth: depth + 1 });
    }
  }
}

/** PATCH bodies: the operation count is its own limit, with its own detail. */
export function assertPatchLimits(body: unknown): void {
  if (typeof body !== "object" || body === null) return;
  const record = body as Record<string, unknown>;
  const operations = record.Operations ?? record.operations;
  if (Array.isArray(operations) && operations.length > SCIM_LIMITS.patchOperations) {
    throw tooLarge("the PATCH request has too many operations", SCIM_LIMITS.patchOperations, "operations");
  }
}
