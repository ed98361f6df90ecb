import { methodLabel, orgIdField, routePattern, statusLabel } from "./labels";
import { metrics } from "./metrics";
import { logRequest, requestIdFor, withRequestId } from "./request-log";
import { logger } from "./logger";

/**
 * Around a console API (or auth) request: request id, metrics by route pattern (never the raw
 * URL), one log line. `serve` is the route's own handler, errors mapped already.
 */
export async function observeConsole<R extends Response>(
  face: "console" | "auth",
  req: Request,
  params: Promise<object> | object,
  serve: () => Promise<R>,
): Promise<R> {
  const started = performance.now();
  const reqId = requestIdFor(req.headers);
  let status = 500;
  try {
    const res = await serve();
    status = res.status;
    return withRequestId(res, reqId);
  } catch (err) {
    logger.error({ reqId, err }, "Console request failed");
    throw err;
  } finally {
    const seconds = (performance.now() - started) / 1000;
    // A route without dynamic segments has no params at all (undefined).
    const values = ((await Promise.resolve(params).catch(() => undefined)) ?? {}) as { orgId?: unknown };
    const route = routePattern(new URL(req.url).pathname, values);
    const method = methodLabel(req.method);
    metrics.consoleRequests.labels(method, route, statusLabel(status)).inc();
    metrics.consoleDuration.labels(method, route).observe(seconds);
    const orgId = typeof values.orgId === "string" ? orgIdField(values.orgId) : undefined;
    logRequest({ reqId, face, method, route, orgId, status, ms: Math.round(seconds * 1e6) / 1e3 });
  }
}
