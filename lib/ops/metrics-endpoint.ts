import { createHash, timingSafeEqual } from "node:crypto";
import { config } from "../config";
import { metrics } from "./metrics";

// GET /metrics: off (404) unless METRICS_TOKEN is set; then only with `Authorization: Bearer
// <METRICS_TOKEN>`, compared in constant time (both sides hashed first, so lengths cannot leak).

const digest = (s: string) => createHash("sha256").update(s).digest();

function authorized(header: string | null, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return timingSafeEqual(digest(match?.[1] ?? ""), digest(token)) && match !== null;
}

const plain = (status: number, text: string, headers: Record<string, string> = {}) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers } });

export async function metricsResponse(req: Request): Promise<Response> {
  const token = config.METRICS_TOKEN;
  if (!token) return plain(404, "Not found\n");
  if (!authorized(req.headers.get("authorization"), token))
    return plain(401, "Unauthorized\n", { "WWW-Authenticate": 'Bearer realm="metrics"' });
  const body = await metrics.registry.metrics();
  return new Response(body, { status: 200, headers: { "Content-Type": metrics.registry.contentType, "Cache-Control": "no-store" } });
}
