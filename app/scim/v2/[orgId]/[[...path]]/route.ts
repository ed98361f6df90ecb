import type { NextRequest } from "next/server";
import { handleScimRequest } from "@/lib/scim/http/handle-scim-request";

// SCIM 2.0 API (RFC 7644) for one organization: /scim/v2/<orgId>/Users, /Groups, discovery.
// Authentication, dispatch and error mapping live in lib/scim/http; this file only binds methods.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Ctx = { params: Promise<{ orgId: string; path?: string[] }> };

async function handle(req: NextRequest, { params }: Ctx): Promise<Response> {
  const { orgId, path } = await params;
  return handleScimRequest(req, orgId, path);
}

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
