import { methodLabel, orgIdField, scimResource, scimTypeLabel, statusLabel } from "./labels";
import { metrics } from "./metrics";
import { logRequest, requestIdFor, withRequestId } from "./request-log";
import { logger } from "./logger";

/** What the SCIM face learns while serving a request, for the metrics and the log line. */
export interface ScimNote {
  /** The authenticated caller's organization (the URL's is only logged when it has an id's shape). */
  orgId?: string;
  scimType?: string;
}

type Serve = (req: Request, orgId: string, path: string[] | undefined, note: ScimNote) => Promise<Response>;

/**
 * Around every SCIM request: a request id, one counter increment, one histogram observation
 * and one log line. Kept small on purpose: this runs on the path IdPs call all day (bench/README.md).
 */
export async function observeScim(req: Request, orgId: string, path: string[] | undefined, serve: Serve): Promise<Response> {
  const started = performance.now();
  const reqId = requestIdFor(req.headers);
  const note: ScimNote = {};
  const method = methodLabel(req.method);
  const resource = scimResource(path?.[0]);
  let status = 500;
  try {
    const res = await serve(req, orgId, path, note);
    status = res.status;
    return withRequestId(res, reqId);
  } catch (err) {
    logger.error({ reqId, err }, "SCIM request failed");
    throw err;
  } finally {
    const seconds = (performance.now() - started) / 1000;
    metrics.scimRequests.labels(method, resource, statusLabel(status), scimTypeLabel(note.scimType)).inc();
    metrics.scimDuration.labels(method, resource).observe(seconds);
    const route = path && path.length > 1 ? `/scim/v2/[orgId]/${resource}/[id]` : `/scim/v2/[orgId]/${resource}`;
    logRequest({ reqId, face: "scim", method, route, orgId: note.orgId ?? orgIdField(orgId), status, ms: Math.round(seconds * 1e6) / 1e3 });
  }
}
