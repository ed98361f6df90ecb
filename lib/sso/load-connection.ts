import { db } from "../db";
import type { SsoConnection } from "../generated/prisma/client";
import { SsoRefusal } from "./refusal";

export async function findConnection(orgId: string): Promise<SsoConnection | null> {
  return db.ssoConnection.findUnique({ where: { organizationId: orgId } });
}

/** The connection a sign-in uses: configured, and enabled unless an admin is testing it. */
export async function connectionForSignIn(orgId: string, protocol: "saml" | "oidc" | null, test: boolean): Promise<SsoConnection> {
  const conn = await findConnection(orgId);
  if (!conn || (protocol && conn.protocol !== protocol)) throw new SsoRefusal("not_configured");
  if (!conn.enabled && !test) throw new SsoRefusal("sso_disabled");
  return conn;
}
