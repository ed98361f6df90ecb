import { db } from "../../db";
import { authenticateScimToken, type ScimCaller } from "../../provisioning/authenticate-scim-token";
import { clientAddress } from "../../security/client-address";
import { recordAuthFailure } from "../audit";
import { ScimError } from "../errors";
import { isStorableText } from "./json-limits";
import { assertAddressAllowed, assertTokenAllowed, noteAuthFailure } from "./throttle";

export class ScimAuthError extends ScimError {
  constructor(detail: string) {
    super(401, detail);
  }
}

/**
 * A usable token for the organization in the URL, else 401. Failures are audited in that
 * organization when it exists (never with the token itself).
 */
export async function authenticate(req: Request, orgId: string): Promise<ScimCaller> {
  const result = await authenticateScimToken(req.headers.get("authorization"), orgId);
  if (result.ok) return result.caller;
  try {
    const org = orgId.length <= 100 && isStorableText(orgId) ? await db.organization.findUnique({ where: { id: orgId }, select: { id: true } }) : null;
    if (org) await recordAuthFailure(org.id, result.prefix, result.detail);
  } catch (err) {
    console.error("Could not record a SCIM authentication failure", err);
  }
  throw new ScimAuthError(result.detail);
}

/**
 * The SCIM wrapper's first step, in the order that keeps abuse cheap: an address with too
 * many failed attempts is refused before any database work, then the token is checked,
 * then the token's own rate limit applies.
 */
export async function admit(req: Request, orgId: string, request: string): Promise<ScimCaller> {
  const address = clientAddress(req.headers);
  await assertAddressAllowed(address, orgId);
  try {
    const caller = await authenticate(req, orgId);
    await assertTokenAllowed(caller, request);
    return caller;
  } catch (err) {
    if (err instanceof ScimAuthError) noteAuthFailure(address);
    throw err;
  }
}
