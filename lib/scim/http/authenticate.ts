import { db } from "../../db";
import { logger } from "../../ops/logger";
import { metrics } from "../../ops/metrics";
import {
  authenticateScimToken,
  type ScimAuthFailure,
  type ScimAuthResult,
  type ScimCaller,
} from "../../provisioning/authenticate-scim-token";
import { clientAddress } from "../../security/client-address";
import { recordAuthFailure } from "../audit";
import { ScimError } from "../errors";
import { isStorableText } from "./json-limits";
import { addressRefusal, noteAuthFailure, tokenRefusal } from "./throttle";

export class ScimAuthError extends ScimError {
  constructor(
    detail: string,
    readonly reason: ScimAuthFailure,
  ) {
    super(401, detail);
  }
}

/** A failed authentication, audited in the URL's organization when it exists (never with the token itself). */
async function refuse(orgId: string, failure: Extract<ScimAuthResult, { ok: false }>): Promise<never> {
  // Labelled by organization only when the URL names one that exists: the label set stays bounded.
  let organizationId = "";
  try {
    const org =
      orgId.length <= 100 && isStorableText(orgId)
        ? await db.organization.findUnique({ where: { id: orgId }, select: { id: true } })
        : null;
    if (org) {
      organizationId = org.id;
      await recordAuthFailure(org.id, failure.prefix, failure.detail);
    }
  } catch (err) {
    logger.error({ err }, "Could not record a SCIM authentication failure");
  }
  metrics.scimAuthFailures.inc({ reason: failure.reason, organization_id: organizationId });
  throw new ScimAuthError(failure.detail, failure.reason);
}

/**
 * The SCIM wrapper's first step, in the order that keeps abuse cheap: an address with too
 * many failed attempts is refused before any database work, then the token is checked
 * (a usable token for the organization in the URL, else 401), then the token's own rate
 * limit applies. Every request passes here: on the accepted path nothing waits but the token read.
 */
export async function admit(req: Request, orgId: string, request: string): Promise<ScimCaller> {
  const address = clientAddress(req.headers);
  const throttled = addressRefusal(address, orgId);
  if (throttled) return throttled;
  const result = await authenticateScimToken(req.headers.get("authorization"), orgId, new Date(), {
    userAgent: req.headers.get("user-agent"),
    address,
  });
  if (!result.ok) {
    noteAuthFailure(address);
    return refuse(orgId, result);
  }
  return tokenRefusal(result.caller, request) ?? result.caller;
}
