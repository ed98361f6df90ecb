import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/openapi/document";

// GET /api/openapi.json — OpenAPI 3.1 description of the SCIM console routes, generated from their zod schemas
export function GET(): NextResponse {
  return NextResponse.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
