// The address a request came from, for per-address throttling.
//
// `next start` (Next 16, base-server.js) sets `x-forwarded-for` to the socket's remote
// address only when the request does not carry one already (`??=`): a client that talks to
// Next directly can therefore write that header itself. So:
// - TRUST_PROXY=<n> (n ≥ 1 reverse proxies in front, each appending to X-Forwarded-For):
//   the n-th entry from the right, i.e. the address our outermost proxy saw. Entries to its
//   left were written by the client and prove nothing. TRUST_PROXY=1 is the usual single
//   proxy or load balancer.
// - otherwise: the right-most entry, which is the socket address when the client sent no
//   header, and whatever it claims when it did (see SECURITY.md: put a proxy in front).

import { config } from "../config";

const MAX_LENGTH = 100; // an IPv6 address with a zone fits; anything longer is not an address

// A module constant, not a property read per request: this runs on every SCIM request.
const TRUSTED_HOPS = config.TRUST_PROXY;

export function clientAddress(headers: Headers, hops = TRUSTED_HOPS): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const index = hops > 0 ? Math.max(0, entries.length - hops) : entries.length - 1;
  const address = entries[index] ?? headers.get("x-real-ip")?.trim();
  return address ? address.slice(0, MAX_LENGTH) : "unknown";
}
