import { randomUUID } from "node:crypto";
import { config } from "../config";
import { trustedRequestId } from "./labels";
import { writeRequestLine } from "./logger";

// The request id and the one log line per request, shared by the SCIM and console observers.

const TRUSTED_HOPS = config.TRUST_PROXY; // read once: this runs on every request

/** X-Request-Id from a trusted proxy (TRUST_PROXY ≥ 1, lib/security/client-address.ts), else a new UUID. */
export const requestIdFor = (headers: Headers): string => trustedRequestId(headers.get("x-request-id"), TRUSTED_HOPS) ?? randomUUID();

export interface RequestLine {
  reqId: string;
  face: "scim" | "console" | "auth";
  method: string;
  route: string;
  orgId: string | undefined;
  status: number;
  ms: number;
}

export function logRequest(line: RequestLine): void {
  // Level by outcome: a 5xx is ours to look at, the rest is traffic.
  writeRequestLine(line.status >= 500 ? "error" : "info", line);
}

/** The response with X-Request-Id; a response with immutable headers (Response.redirect) is copied first. */
export function withRequestId<R extends Response>(res: R, reqId: string): R {
  try {
    res.headers.set("X-Request-Id", reqId);
    return res;
  } catch {
    const copy = new Response(res.body, { status: res.status, statusText: res.statusText, headers: new Headers(res.headers) });
    copy.headers.set("X-Request-Id", reqId);
    return copy as R;
  }
}
