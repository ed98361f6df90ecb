import { checkReadiness } from "@/lib/ops/readiness";

// GET /api/ready – readiness: 200 when the database answers in time, else 503 with the reason.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const REASONS = {
  shutting_down: "This instance is shutting down.",
  database_unavailable: "The database did not answer in time.",
} as const;

export async function GET(): Promise<Response> {
  const result = await checkReadiness();
  const headers = { "Cache-Control": "no-store" };
  if (result.ready) return Response.json({ status: "ready" }, { headers });
  return Response.json(
    { status: "unavailable", reason: result.reason, message: REASONS[result.reason] },
    { status: 503, headers: { ...headers, "Retry-After": "5" } },
  );
}
