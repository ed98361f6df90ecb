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

// prom-client's labels() validates and builds its label objects on every call: the children of
// each (bounded) label combination are kept instead, so a request costs one Map lookup.
type Children = { count: { inc: () => void }; duration: { observe: (v: number) => void } };
const children = new Map<string, Children>();

function childrenFor(method: string, resource: string, status: string, scimType: string): Children {
  const key = `${method} ${resource} ${status} ${scimType}`;
  let c = children.get(key);
  if (!c)
    children.set(
      key,
      (c = {
        count: metrics.scimRequests.labels(method, resource, status, scimType),
        duration: metrics.scimDuration.labels(method, resource),
      }),
    );
  return c;
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
  const observe = (status: number) => {
    const seconds = (performance.now() - started) / 1000;
    const c = childrenFor(method, resource, statusLabel(status), scimTypeLabel(note.scimType));
    c.count.inc();
    c.duration.observe(seconds);
    const route = path && path.length > 1 ? `/scim/v2/[orgId]/${resource}/[id]` : `/scim/v2/[orgId]/${resource}`;
    logRequest({ reqId, face: "scim", method, route, orgId: note.orgId ?? orgIdField(orgId), status, ms: Math.round(seconds * 1e6) / 1e3 });
  };
  let res: Response;
  try {
    res = await serve(req, orgId, path, note);
  } catch (err) {
    logger.error({ reqId, err }, "SCIM request failed");
    observe(500);
    throw err;
  }
  observe(res.status);
  return withRequestId(res, reqId);
}
