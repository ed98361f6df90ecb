import { recordEvent, type Actor } from "../audit/record-event";
import type { ScimCaller } from "../provisioning/authenticate-scim-token";

export function tokenActor(caller: ScimCaller): Actor {
  return { type: "token", id: caller.tokenId, label: caller.prefix }; // the prefix, never the token
}

/** An authenticated request we refused: status and the SCIM detail, never the body. */
export function recordRejected(caller: ScimCaller, request: string, status: number, detail: string): Promise<void> {
  return recordEvent({
    organizationId: caller.organizationId,
    actor: tokenActor(caller),
    action: "scim.request.rejected",
    target: { type: "request", label: request },
    outcome: "failure",
    status,
    detail,
  });
}

export function recordAuthFailure(organizationId: string, prefix: string | undefined, detail: string): Promise<void> {
  return recordEvent({
    organizationId,
    actor: { type: "anonymous", label: prefix },
    action: "scim.auth.failed",
    outcome: "failure",
    status: 401,
    detail,
  });
}
