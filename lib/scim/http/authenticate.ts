import { db } from "../../db";
import { authenticateScimToken, type ScimCaller } from "../../provisioning/authenticate-scim-token";
import { recordAuthFailure } from "../audit";
import { ScimError } from "../errors";

export class ScimAuthError extends ScimError {
  constructor(detail: string) {
    super(401, detail);
  }
}

/**
 * The SCIM wrapper's first step: a usable token for the organization in the URL, else 401.
 * Failures are audited in that organization when it exists (never with the token itself).
 */
export async function authenticate(req: Request, orgId: string): Promise<ScimCaller> {
  const result = await authenticateScimToken(req.headers.get("authorization"), orgId);
  if (result.ok) return result.caller;
  try {
    const org = orgId.length <= 100 ? await db.organization.findUnique({ where: { id: orgId }, select: { id: true } }) : null;
    if (org) await recordAuthFailure(org.id, result.prefix, result.detail);
  } catch (err) {
    console.error("Could not record a SCIM authentication failure", err);
  }
  throw new ScimAuthError(result.detail);
}
