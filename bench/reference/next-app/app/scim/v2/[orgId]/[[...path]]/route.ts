// Reference 2: a bare Next.js route handler with one prepared better-sqlite3 query, the limit of the framework.
import { answer, openQueries } from "../../../../../../resource.mjs";

export const dynamic = "force-dynamic";
let q: ReturnType<typeof openQueries> | undefined; // opened on the first request, prepared once

export async function GET(req: Request, ctx: { params: Promise<{ orgId: string; path?: string[] }> }) {
  const { orgId, path = [] } = await ctx.params;
  const url = new URL(req.url);
  const [status, body] = answer(
    (q ??= openQueries(process.env.BENCH_SQLITE_FILE)),
    orgId,
    path,
    url.searchParams,
    `${url.origin}/scim/v2/${orgId}`,
  );
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/scim+json" } });
}
