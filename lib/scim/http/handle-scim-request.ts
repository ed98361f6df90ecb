import { publicOrigin, scimBaseUrl } from "../../public-origin";
import type { ScimCaller } from "../../provisioning/authenticate-scim-token";
import { recordRejected } from "../audit";
import { errorResponse, ScimError, toScimError } from "../errors";
import { authenticate, ScimAuthError } from "./authenticate";
import { resolveRoute } from "./routes";

async function rejected(caller: ScimCaller, request: string, err: ScimError, headers?: Record<string, string>): Promise<Response> {
  // 500s are ours, not a refusal of the request: they are logged, not audited.
  if (err.status < 500 || err.status === 501) {
    try {
      await recordRejected(caller, request, err.status, err.detail);
    } catch (auditErr) {
      console.error("Could not record a rejected SCIM request", auditErr);
    }
  }
  return errorResponse(err, headers);
}

/**
 * The SCIM face: authenticate the bearer token for the URL's organization, dispatch on
 * the path, and turn every failure into an RFC 7644 error body.
 */
export async function handleScimRequest(req: Request, orgId: string, path: string[] | undefined): Promise<Response> {
  // "/Users/" is "/Users": next.config skips the trailing-slash redirect, IdPs don't follow them.
  const segments = path?.at(-1) === "" ? path.slice(0, -1) : (path ?? []);
  const request = `${req.method} /${segments.join("/")}`;
  let caller: ScimCaller;
  try {
    caller = await authenticate(req, orgId);
  } catch (err) {
    const scimErr = toScimError(err);
    return errorResponse(scimErr, err instanceof ScimAuthError ? { "WWW-Authenticate": 'Bearer realm="SCIM"' } : undefined);
  }
  const route = resolveRoute(req.method, segments);
  if ("status" in route) return rejected(caller, request, new ScimError(route.status, route.detail), route.allow ? { Allow: route.allow } : undefined);
  try {
    const ctx = { caller, baseUrl: scimBaseUrl(publicOrigin(req.headers), orgId) };
    return await route.handler({ req, ctx, params: new URL(req.url).searchParams, id: route.id });
  } catch (err) {
    return rejected(caller, request, toScimError(err));
  }
}
