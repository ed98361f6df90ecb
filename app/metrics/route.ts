import { metricsResponse } from "@/lib/ops/metrics-endpoint";

// GET /metrics – Prometheus text format; bearer METRICS_TOKEN, 404 when it is not set.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export function GET(req: Request): Promise<Response> {
  return metricsResponse(req);
}
