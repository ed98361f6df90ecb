import type { NextRequest } from "next/server";
import { publicOrigin } from "@/lib/public-origin";
import { spMetadataXml } from "@/lib/sso/saml/sp-metadata";
import { ORG_ID } from "@/lib/sso/http";

// GET /sso/[orgId]/saml/metadata — our SP metadata; its URL is also our SAML entity ID.
export function GET(req: NextRequest, { params }: { params: Promise<{ orgId: string }> }) {
  return params.then(({ orgId }) => {
    if (!ORG_ID.test(orgId)) return new Response("Not found", { status: 404 });
    return new Response(spMetadataXml(publicOrigin(req.headers), orgId), {
      headers: { "Content-Type": "application/samlmetadata+xml; charset=utf-8", "Cache-Control": "no-cache" },
    });
  });
}
