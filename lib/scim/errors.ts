import { logger } from "../ops/logger";
import { countDatabaseUnavailable } from "../ops/metrics";
import { describeDatabaseError, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "../db/errors";
import { answerFor, MemberStoreError } from "../members/store/errors";
import { groupAnswerFor, GroupStoreError } from "../groups/store/errors";
import { ERROR_SCHEMA, SCIM_CONTENT_TYPE } from "./constants";

// RFC 7644 §3.12 detail codes for 400 (and uniqueness for 409).
export type ScimType =
  | "invalidFilter"
  | "tooMany"
  | "uniqueness"
  | "mutability"
  | "invalidSyntax"
  | "invalidPath"
  | "noTarget"
  | "invalidValue"
  | "invalidVers"
  | "sensitive";

/** The one error type of the SCIM face: always answered with the RFC 7644 error body. */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly scimType?: ScimType,
  ) {
    super(detail);
    this.name = "ScimError";
  }
}

export const badRequest = (scimType: ScimType, detail: string) => new ScimError(400, detail, scimType);
export const notFound = (detail: string) => new ScimError(404, detail);

/** The database is unreachable or locked: transient, so no scimType (RFC 7644 defines none for 503). */
export const serviceUnavailable = () => new ScimError(503, "The service is temporarily unavailable. Please retry later.");

/**
 * Every SCIM answer's headers. The console's security headers come from next.config's
 * headers(), which skips /scim: matching and compiling them cost ~30 µs of the ~0.7 ms a
 * SCIM request takes. A JSON API needs the stricter `default-src 'none'` anyway.
 */
export const SCIM_NO_CONTENT_HEADERS: Readonly<Record<string, string>> = {
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
};
const SCIM_HEADERS = { "Content-Type": SCIM_CONTENT_TYPE, ...SCIM_NO_CONTENT_HEADERS };

export function scimHeaders(extra?: Record<string, string>): Record<string, string> {
  return extra ? { ...SCIM_HEADERS, ...extra } : SCIM_HEADERS;
}

export function scimJson(body: unknown, status = 200, extra?: Record<string, string>): Response {
  return new Response(JSON.stringify(body), { status, headers: scimHeaders(extra) });
}

export function errorBody(err: ScimError): Record<string, unknown> {
  return {
    schemas: [ERROR_SCHEMA],
    status: String(err.status), // RFC 7644 §3.12: a string, which Okta checks
    ...(err.scimType ? { scimType: err.scimType } : {}),
    detail: err.detail,
  };
}

export function errorResponse(err: ScimError, extra?: Record<string, string>): Response {
  const retry = err.status === 503 ? { "Retry-After": String(RETRY_AFTER_SECONDS) } : undefined;
  return scimJson(errorBody(err), err.status, { ...retry, ...extra });
}

/**
 * Anything that is not a ScimError is our fault (logged here, generic to the client, never a
 * stack trace), except the database being unavailable: that is a 503 the IdP retries.
 */
export function toScimError(err: unknown): ScimError {
  if (err instanceof ScimError) return err;
  if (err instanceof MemberStoreError) {
    const a = answerFor("scim", err.refusal);
    return new ScimError(a.status, a.message, a.scimType);
  }
  if (err instanceof GroupStoreError) {
    const a = groupAnswerFor("scim", err.refusal);
    return new ScimError(a.status, a.message, a.scimType);
  }
  if (isDatabaseUnavailable(err)) {
    // One line per request: an outage must not flood the log with stacks.
    countDatabaseUnavailable("scim");
    logger.warn(`SCIM request answered 503, database unavailable: ${describeDatabaseError(err)}`);
    return serviceUnavailable();
  }
  logger.error({ err }, "Unhandled SCIM error");
  return new ScimError(500, "An internal error occurred. Please retry later.");
}
