// Failed SCIM requests grouped into causes an owner can act on, with the sentence the
// settings page's banner shows ("14 requests with an expired token"). Pure.

export type FailureReason =
  "expired_token" | "deleted_token" | "scim_disabled" | "wrong_org" | "missing_token" | "invalid_token" | "rejected";

export interface FailureGroup {
  reason: FailureReason;
  status: number | null; // HTTP status, for rejected requests
  count: number;
  lastAt: string;
  message: string;
  hint: string;
}

/** The authentication layer records why it refused a token in the event's detail. */
export function authFailureReason(detail: string | null): FailureReason {
  const d = (detail ?? "").toLowerCase();
  if (d.includes("expired")) return "expired_token";
  if (d.includes("deleted")) return "deleted_token";
  if (d.includes("disabled")) return "scim_disabled";
  if (d.includes("organization")) return "wrong_org";
  if (d.includes("required") || d.includes("missing")) return "missing_token";
  return "invalid_token";
}

const requests = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "request" : "requests"}`;

const TEXT: Record<Exclude<FailureReason, "rejected">, { what: string; hint: string }> = {
  expired_token: { what: "with an expired token", hint: "Generate a new token and paste it into your identity provider." },
  deleted_token: {
    what: "with a deleted token",
    hint: "Your identity provider still uses a deleted token: paste an active token into it.",
  },
  scim_disabled: {
    what: "while SCIM was disabled",
    hint: "Enable SCIM and paste the new token into your identity provider, or stop provisioning there.",
  },
  wrong_org: {
    what: "with a token of another organization",
    hint: "Check that the base URL and the token in your identity provider belong to this organization.",
  },
  missing_token: {
    what: "without a token",
    hint: "Set your identity provider to send the token as a Bearer token in the Authorization header.",
  },
  invalid_token: {
    what: "with an unknown or malformed token",
    hint: "Paste the whole token into your identity provider; if it is lost, generate a new one.",
  },
};

export function describeFailure(reason: FailureReason, status: number | null, count: number): { message: string; hint: string } {
  if (reason === "rejected") {
    return {
      message: `${requests(count)} refused by the SCIM API${status ? ` (HTTP ${status})` : ""}`,
      hint: "The activity log shows the SCIM error of each refused request.",
    };
  }
  return { message: `${requests(count)} ${TEXT[reason].what}`, hint: TEXT[reason].hint };
}

export interface AuthFailureCount {
  detail: string | null;
  count: number;
  lastAt: Date;
}
export interface RejectedCount {
  status: number | null;
  count: number;
  lastAt: Date;
}

/** Merges authentication failures by cause and rejected requests by status; biggest first. */
export function failureGroups(auth: AuthFailureCount[], rejected: RejectedCount[]): FailureGroup[] {
  const merged = new Map<string, { reason: FailureReason; status: number | null; count: number; lastAt: Date }>();
  const add = (reason: FailureReason, status: number | null, count: number, lastAt: Date) => {
    const key = `${reason}:${status ?? ""}`;
    const g = merged.get(key);
    if (g) {
      g.count += count;
      if (lastAt > g.lastAt) g.lastAt = lastAt;
    } else merged.set(key, { reason, status, count, lastAt });
  };
  for (const a of auth) add(authFailureReason(a.detail), null, a.count, a.lastAt);
  for (const r of rejected) add("rejected", r.status, r.count, r.lastAt);
  return [...merged.values()]
    .sort((a, b) => b.count - a.count || b.lastAt.getTime() - a.lastAt.getTime())
    .map((g) => ({ ...g, lastAt: g.lastAt.toISOString(), ...describeFailure(g.reason, g.status, g.count) }));
}
