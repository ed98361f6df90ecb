import { MAX_BODY_BYTES, MAX_RESULTS } from "../constants";
import { ScimError } from "../errors";

// Every size limit of the SCIM API, in one place. Each is far above what Entra ID or Okta
// send (a User is a few KB, a PATCH a few dozen operations) and low enough that no single
// request can make the server or the database do unbounded work.
export const SCIM_LIMITS = {
  /** Request body in bytes (413). Also advertised in ServiceProviderConfig. */
  bodyBytes: MAX_BODY_BYTES,
  /** Largest page a list returns; a larger `count` is capped (RFC 7644 §3.4.2.4), advertised as filter.maxResults. */
  maxResults: MAX_RESULTS,
  /** Characters in `filter` (400 invalidFilter). */
  filterLength: 4096,
  /** Comparisons (eq, co, pr…) in one filter (400 invalidFilter): each becomes a SQL condition. */
  filterComparisons: 50,
  /** Nesting of and / or / not / [] in one filter (400 invalidFilter): `not (not (…))` adds no comparison, and SQLite refuses expressions past 1,000 levels. */
  filterDepth: 64,
  /** Dates a filter may compare with (400 invalidFilter): four-digit years, which both databases store. */
  filterDateRange: { from: "0001-01-01T00:00:00.000Z", to: "9999-12-31T23:59:59.999Z" },
  /** Operations in one PATCH (413). */
  patchOperations: 100,
  /** Nesting of objects and arrays in a body (413): a SCIM User is 4 levels deep. */
  jsonDepth: 16,
  /** Values (objects, arrays, strings, numbers…) in a body (413): bounds emails and other lists. */
  jsonValues: 2000,
  /** Characters in any one string of a body, keys included (413). */
  stringLength: 16_384,
  /**
   * Group bodies (POST, PUT, PATCH /Groups) carry member lists: Okta's custom apps PUT the
   * whole list, Entra adds members by the hundred. Room for 20,000 members in one request.
   */
  groupBodyBytes: 4 * 1024 * 1024,
  groupJsonValues: 80_000,
} as const;

/** The size limits a body is read under: a User's, or a Group's (member lists). */
export interface BodyLimits {
  bodyBytes: number;
  jsonValues: number;
}
export const USER_BODY: BodyLimits = { bodyBytes: SCIM_LIMITS.bodyBytes, jsonValues: SCIM_LIMITS.jsonValues };
export const GROUP_BODY: BodyLimits = { bodyBytes: SCIM_LIMITS.groupBodyBytes, jsonValues: SCIM_LIMITS.groupJsonValues };

/** The detail of every limit error: it names the limit and its value, so the client knows what to change. */
export function limitDetail(what: string, limit: number, unit: string): string {
  return `Limit exceeded: ${what} (at most ${limit} ${unit}).`;
}

/** 413 Payload Too Large (RFC 7644 §3.12: "one or more of the limits for this operation have been exceeded"). */
export function tooLarge(what: string, limit: number, unit: string): ScimError {
  return new ScimError(413, limitDetail(what, limit, unit));
}
