import { recordEvent } from "../../audit/record-event";
import { config } from "../../config";
import { logger } from "../../ops/logger";
import { countRateLimited } from "../../ops/metrics";
import { db } from "../../db";
import type { ScimCaller } from "../../provisioning/authenticate-scim-token";
import { OncePer, TokenBuckets } from "../../security/token-bucket";
import { tokenActor } from "../audit";
import { ScimError } from "../errors";
import { isStorableText } from "./json-limits";

// Two in-memory limiters in front of the SCIM API (SECURITY.md):
// - per client address, on failed authentications: after SCIM_AUTH_MAX_FAILURES in
//   SCIM_AUTH_FAILURE_WINDOW_SECONDS an address gets 429 before its token is even looked
//   up, so tokens cannot be guessed online and a scanner cannot keep the database busy;
// - per token, on every request: a token bucket of SCIM_RATE_LIMIT_PER_SECOND with bursts
//   of SCIM_RATE_LIMIT_BURST, sized above what Entra ID and Okta send.
// Both are recorded in the activity log at most once a minute per token / address.
// Defaults and bounds: lib/config/schema.ts.

const perSecond = config.SCIM_RATE_LIMIT_PER_SECOND; // 0 = off
const burst = config.SCIM_RATE_LIMIT_BURST;
const maxFailures = config.SCIM_AUTH_MAX_FAILURES; // 0 = off
const failureWindow = config.SCIM_AUTH_FAILURE_WINDOW_SECONDS;

const perToken = new TokenBuckets({ ratePerSecond: perSecond, burst });
const failures = new TokenBuckets({ ratePerSecond: maxFailures / failureWindow, burst: maxFailures });
const audited = new OncePer(60_000);

export class ThrottledError extends ScimError {
  constructor(
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, detail);
  }
}

async function audit(what: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (err) {
    logger.error({ err }, `Could not record ${what}`);
  }
}

/**
 * Before authentication, no database work: an address with too many recent failures is
 * refused. Returns null (no promise, the common case) or the refusal, to be awaited: it
 * audits, then throws.
 */
export function addressRefusal(address: string, orgId: string): Promise<never> | null {
  const result = failures.peek(address);
  return result.ok ? null : refuseAddress(address, orgId, result.retryAfterSeconds);
}

async function refuseAddress(address: string, orgId: string, retryAfterSeconds: number): Promise<never> {
  countRateLimited("scim_address");
  const detail = `Too many failed authentications from ${address}: requests from this address are refused for ${retryAfterSeconds} s.`;
  if (audited.due(`address:${address}`)) {
    await audit("a SCIM authentication throttle", async () => {
      const org =
        orgId.length <= 100 && isStorableText(orgId)
          ? await db.organization.findUnique({ where: { id: orgId }, select: { id: true } })
          : null;
      if (org)
        await recordEvent({
          organizationId: org.id,
          actor: { type: "anonymous" },
          action: "scim.auth.throttled",
          target: { type: "address", label: address },
          outcome: "failure",
          status: 429,
          detail,
        });
    });
  }
  throw new ThrottledError(detail, retryAfterSeconds);
}

export function noteAuthFailure(address: string): void {
  failures.take(address);
}

/** After authentication, the token's own budget: null (no promise) or the refusal, as above. */
export function tokenRefusal(caller: ScimCaller, request: string): Promise<never> | null {
  const result = perToken.take(caller.tokenId);
  return result.ok ? null : refuseToken(caller, request, result.retryAfterSeconds);
}

async function refuseToken(caller: ScimCaller, request: string, retryAfterSeconds: number): Promise<never> {
  countRateLimited("scim_token");
  const detail = `Rate limit exceeded: at most ${perSecond} requests per second per token (bursts of ${burst}). Retry after ${retryAfterSeconds} s.`;
  if (audited.due(`token:${caller.tokenId}`)) {
    await audit("a SCIM rate limit", () =>
      recordEvent({
        organizationId: caller.organizationId,
        actor: tokenActor(caller),
        action: "scim.request.throttled",
        target: { type: "request", label: request },
        outcome: "failure",
        status: 429,
        detail: `${detail} Further throttled requests of this token in the next minute are not logged.`,
      }),
    );
  }
  throw new ThrottledError(detail, retryAfterSeconds);
}
