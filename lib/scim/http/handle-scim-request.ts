import { observeScim, type ScimNote } from "../../ops/observe-scim";
import { logger } from "../../ops/logger";
import { publicOrigin, scimBaseUrl } from "../../public-origin";
import type { ScimCaller } from "../../provisioning/authenticate-scim-token";
import { recordRejected } from "../audit";
import { errorResponse, ScimError, toScimError } from "../errors";
import { admit, ScimAuthError } from "./authenticate";
import { storableText } from "./json-limits";
import { UnreadBodyError } from "./read-body";
import { resolveRoute } from "./routes";
import { ThrottledError } from "./throttle";

/** The error answer, its scimType noted for the metrics. */
function answer(note: ScimNote, err: ScimError, headers?: Record<string, string>): Response {
  note.scimType = err.scimType;
  return errorResponse(err, headers);
}

async function rejected(
  note: ScimNote,
  caller: ScimCaller,
  request: string,
  err: ScimError,
  headers?: Record<string, string>,
): Promise<Response> {
  // 500s are ours, not a refusal of the request: they are logged, not audited.
  if (err.status < 500 || err.status === 501) {
    try {
      await recordRejected(caller, request, err.status, err.detail);
    } catch (auditErr) {
      logger.error({ err: auditErr }, "Could not record a rejected SCIM request");
    }
  }
  return answer(note, err, headers);
}

/** Headers some refusals need: how to authenticate (RFC 6750 §3), when to come back (RFC 6585 §4), that the connection is done. */
function refusalHeaders(err: unknown): Record<string, string> | undefined {
  if (err instanceof ScimAuthError) return { "WWW-Authenticate": 'Bearer realm="SCIM"' };
  if (err instanceof ThrottledError) return { "Retry-After": String(err.retryAfterSeconds) };
  if (err instanceof UnreadBodyError) return { Connection: "close" };
  return undefined;
}

/** "METHOD /path" for the audit log: bounded, and storable whatever the URL held. */
function requestLabel(method: string, segments: string[]): string {
  return storableText(`${method} /${segments.join("/")}`.slice(0, 200));
}

/**
 * The SCIM face: admit the caller (address throttle, bearer token for the URL's
 * organization, token rate limit), dispatch on the path, and turn every failure into an
 * RFC 7644 error body.
 */
export function handleScimRequest(req: Request, orgId: string, path: string[] | undefined): Promise<Response> {
  // Request id, metrics and the log line: lib/ops/observe-scim.ts.
  return observeScim(req, orgId, path, serveScim);
}

async function serveScim(req: Request, orgId: string, path: string[] | undefined, note: ScimNote): Promise<Response> {
  // "/Users/" is "/Users": next.config skips the trailing-slash redirect, IdPs don't follow them.
  const segments = path?.at(-1) === "" ? path.slice(0, -1) : (path ?? []);
  const request = requestLabel(req.method, segments);
  let caller: ScimCaller;
  try {
    caller = await admit(req, orgId, request);
  } catch (err) {
    return answer(note, toScimError(err), refusalHeaders(err));
  }
  return dispatch(req, orgId, segments, request, caller, note);
}

async function dispatch(
  req: Request,
  orgId: string,
  segments: string[],
  request: string,
  caller: ScimCaller,
  note: ScimNote,
): Promise<Response> {
  note.orgId = caller.organizationId;
  const route = resolveRoute(req.method, segments);
  if ("status" in route)
    return rejected(note, caller, request, new ScimError(route.status, route.detail), route.allow ? { Allow: route.allow } : undefined);
  try {
    return await route.handler({
      req,
      ctx: { caller, baseUrl: scimBaseUrl(publicOrigin(req.headers), orgId) },
      params: new URL(req.url).searchParams,
      id: route.id,
    });
  } catch (err) {
    return rejected(note, caller, request, toScimError(err), refusalHeaders(err));
  }
}
