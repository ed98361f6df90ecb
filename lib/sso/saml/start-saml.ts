import type { SsoConnection } from "../../generated/prisma/client";
import { newRequestId, saveRequest, type RequestData } from "../sso-requests";
import type { SsoUrls } from "../urls";
import { serviceProvider } from "./service-provider";

/** SP-initiated: an AuthnRequest (HTTP-Redirect) whose ID is remembered for its InResponseTo. */
export async function startSamlSignIn(conn: SsoConnection, urls: SsoUrls, data: RequestData): Promise<string> {
  const id = newRequestId();
  await saveRequest(id, conn.organizationId, "saml", data);
  return serviceProvider(conn, urls, id).getAuthorizeUrlAsync(id, undefined, {});
}
